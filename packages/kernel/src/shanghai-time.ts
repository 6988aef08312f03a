import type { IsoDate } from './types.js';

/*
 * Asia/Shanghai has had a fixed +08:00 offset without daylight saving since 1991, so a constant
 * offset is exact for every date the platforms handle. The kernel keeps these three helpers
 * itself (the same contract as @gdx/calendar's) because it must not depend on the calendar package.
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

// Formatting dates through Date#toISOString dominated the cost of a transition; instants of one
// run cluster on few days, so the last day's string is remembered (a pure, one-entry memo).
let memoDay = Number.NaN;
let memoDate = '';

function dayString(dayNumber: number): IsoDate {
  if (dayNumber !== memoDay) {
    memoDate = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
    memoDay = dayNumber;
  }
  return memoDate;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * The Asia/Shanghai calendar day of an instant.
 *
 * @example
 * shanghaiDay(Date.parse('2025-09-30T16:00:00Z')); // '2025-10-01'
 */
export function shanghaiDay(epochMs: number): IsoDate {
  return dayString(Math.floor((epochMs + OFFSET_MS) / DAY_MS));
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
  const local = epochMs + OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  let rest = local - day * DAY_MS;
  const ms = rest % 1000;
  rest = (rest - ms) / 1000;
  const time = `${pad(Math.floor(rest / 3600))}:${pad(Math.floor(rest / 60) % 60)}:${pad(rest % 60)}`;
  return `${dayString(day)}T${time}${ms === 0 ? '' : `.${pad(ms, 3)}`}+08:00`;
}
