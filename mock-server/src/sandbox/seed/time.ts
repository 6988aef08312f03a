import type { Instant, IsoDate } from './types.js';

/** Milliseconds in one day, for date arithmetic on seed dates. */
export const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * Asia/Shanghai helpers for seed dates. Shanghai has had no daylight saving since 1991, so a
 * fixed +08:00 offset is exact and the process time zone (UTC on our machines) never matters.
 * `@gdx/calendar` has the full versions; the seed only needs these three and stays free of it.
 *
 * @example
 * ```ts
 * shanghaiDateOf(Date.parse('2025-09-25T16:30:00Z')); // '2025-09-26'
 * ```
 */
export function shanghaiDateOf(epochMs: number): IsoDate {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The instant 00:00 +08:00 of a Shanghai day, in epoch ms.
 *
 * @example
 * ```ts
 * startOfDay('2025-09-26') === Date.parse('2025-09-26T00:00:00+08:00'); // true
 * ```
 */
export function startOfDay(date: IsoDate): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}

/**
 * Formats an instant as RFC 3339 with the +08:00 offset, whole seconds.
 *
 * @example
 * ```ts
 * formatInstant(Date.parse('2025-09-26T02:00:00Z')); // '2025-09-26T10:00:00+08:00'
 * ```
 */
export function formatInstant(epochMs: number): Instant {
  return `${new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
