import type { IsoDate } from './types.js';

/*
 * Asia/Shanghai has had a fixed +08:00 offset without daylight saving since 1991, so a constant
 * offset is exact for every date the platforms handle. The kernel keeps these three helpers
 * itself (the same contract as @gdx/calendar's) because it must not depend on the calendar package.
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * `YYYY-MM-DD` of a day number (days since 1970-01-01), by Howard Hinnant's civil-from-days
 * algorithm: formatting through Date#toISOString dominated a transition's cost.
 */
function dayString(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
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
