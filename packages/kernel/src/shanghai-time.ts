import type { IsoDate } from './types.js';

/*
 * Asia/Shanghai has had a fixed +08:00 offset without daylight saving since 1991, so a constant
 * offset is exact for every date the platforms handle. The kernel keeps these three helpers
 * itself (the same contract as @gdx/calendar's) because it must not depend on the calendar package.
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The Asia/Shanghai calendar day of an instant.
 *
 * @example
 * shanghaiDay(Date.parse('2025-09-30T16:00:00Z')); // '2025-10-01'
 */
export function shanghaiDay(epochMs: number): IsoDate {
  return new Date(epochMs + OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Epoch ms of 24:00 of a Shanghai day (= 00:00 +08:00 of the next day).
 *
 * @example
 * formatInstant(endOfDay('2025-09-30')); // '2025-10-01T00:00:00+08:00'
 */
export function endOfDay(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + DAY_MS;
}

/**
 * RFC 3339 with the `+08:00` offset, the wire format of instants.
 *
 * @example
 * formatInstant(Date.parse('2025-09-26T02:00:00Z')); // '2025-09-26T10:00:00+08:00'
 */
export function formatInstant(epochMs: number): string {
  const iso = new Date(epochMs + OFFSET_MS).toISOString();
  const millis = iso.slice(19, 23);
  return `${iso.slice(0, 19)}${millis === '.000' ? '' : millis}+08:00`;
}
