import { invalidDate } from './calendar-error.js';
import { fromDayNumber, toDayNumber, type IsoDate } from './iso-date.js';

/** Asia/Shanghai has used UTC+8 all year since 1992 (no daylight saving). */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

function epochMs(instant: Date | number): number {
  const ms = instant instanceof Date ? instant.getTime() : instant;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw invalidDate(instant);
  return ms;
}

/**
 * The Asia/Shanghai calendar day of an instant, whatever the process time zone.
 *
 * @example
 * ```ts
 * shanghaiDate(Date.parse('2025-09-30T16:00:00Z')); // '2025-10-01'
 * ```
 */
export function shanghaiDate(instant: Date | number): IsoDate {
  return fromDayNumber(Math.floor((epochMs(instant) + OFFSET_MS) / DAY_MS));
}

/**
 * Epoch milliseconds of 00:00 Asia/Shanghai at the start of a day.
 *
 * @example
 * ```ts
 * new Date(startOfShanghaiDay('2025-10-01')).toISOString(); // '2025-09-30T16:00:00.000Z'
 * ```
 */
export function startOfShanghaiDay(date: IsoDate): number {
  return dayStarts.get(date) ?? rememberDayStart(date);
}

/*
 * Day starts remembered by date: officials plan a decision at a time of a day and every deadline
 * ends at 24:00 of one, thousands of times for the few days a batch shares, and reading the date
 * cost more than the look-up. Bounded (cleared when full); a date that is not one throws and is
 * not remembered.
 */
const DAY_STARTS_LIMIT = 512;
const dayStarts = new Map<IsoDate, number>();

function rememberDayStart(date: IsoDate): number {
  const start = toDayNumber(date) * DAY_MS - OFFSET_MS;
  if (dayStarts.size >= DAY_STARTS_LIMIT) dayStarts.clear();
  dayStarts.set(date, start);
  return start;
}

/**
 * Epoch milliseconds of 24:00 Asia/Shanghai at the end of a day (= 00:00 of the next day):
 * the instant a deadline whose last day is `date` ends (`dueAt`).
 *
 * @example
 * ```ts
 * formatShanghaiInstant(endOfShanghaiDay('2025-09-30')); // '2025-10-01T00:00:00+08:00'
 * ```
 */
export function endOfShanghaiDay(date: IsoDate): number {
  return startOfShanghaiDay(date) + DAY_MS;
}

/** Options of {@link formatShanghaiInstant}. */
export interface FormatInstantOptions {
  /**
   * Keep a non-zero millisecond part (`…T23:59:59.999+08:00`) instead of truncating it: for
   * records whose instants must read back to the exact millisecond, such as a workflow's events.
   */
  milliseconds?: boolean;
}

/**
 * RFC 3339 with the `+08:00` offset, the wire format of instants. Milliseconds are truncated
 * (the wire format has whole seconds) unless `options.milliseconds` asks to keep them.
 *
 * @example
 * ```ts
 * formatShanghaiInstant(Date.parse('2025-09-26T02:00:00Z')); // '2025-09-26T10:00:00+08:00'
 * formatShanghaiInstant(Date.parse('2025-09-26T02:00:00.007Z'), { milliseconds: true }); // '2025-09-26T10:00:00.007+08:00'
 * ```
 */
export function formatShanghaiInstant(epochMsValue: number, options: FormatInstantOptions = {}): string {
  const local = epochMs(epochMsValue) + OFFSET_MS;
  const dayNumber = Math.floor(local / DAY_MS);
  const msOfDay = local - dayNumber * DAY_MS;
  const secondOfDay = Math.floor(msOfDay / 1000);
  const minuteOfDay = Math.floor(secondOfDay / 60);
  // Two-digit parts from a table and one concatenation: the kernel formats every new instant of a
  // clock advance (each planned decision has its own minute), and the array, `map`, `padStart`s and
  // `join` made per call were most of the cost.
  const time = (TWO_DIGITS[Math.floor(minuteOfDay / 60)] as string) + ':' + (TWO_DIGITS[minuteOfDay % 60] as string) + ':' + (TWO_DIGITS[secondOfDay % 60] as string);
  const ms = msOfDay % 1000;
  const fraction = options.milliseconds && ms !== 0 ? `.${String(ms).padStart(3, '0')}` : '';
  return dayLabel(dayNumber) + 'T' + time + fraction + '+08:00';
}

/** `00` … `59`. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, n) => (n < 10 ? '0' : '') + String(n));

/** The last day formatted: the instants of a clock advance come in due order, many on one day. */
let lastDayNumber = Number.NaN;
let lastDayText = '';

/** `fromDayNumber`, the last day's text answered again rather than built anew. */
function dayLabel(dayNumber: number): IsoDate {
  if (dayNumber === lastDayNumber) return lastDayText;
  const text = fromDayNumber(dayNumber);
  lastDayNumber = dayNumber;
  lastDayText = text;
  return text;
}
