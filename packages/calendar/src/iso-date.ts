import { invalidDate } from './calendar-error.js';

/** A calendar day `YYYY-MM-DD`, meaning the Asia/Shanghai day (years 0001–9999). */
export type IsoDate = string;

/** The parts of an {@link IsoDate}; `month` and `day` count from 1. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/**
 * @internal Days since 1970-01-01 in the proleptic Gregorian calendar. All arithmetic in this
 * package runs on these integers, never on `Date` objects, so the process time zone is irrelevant.
 */
export type DayNumber = number;

const MIN_DAY = daysFromCivil(1, 1, 1);
const MAX_DAY = daysFromCivil(9999, 12, 31);

/** @internal Howard Hinnant's days_from_civil: pure integer arithmetic, valid for any year. */
export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** @internal Inverse of {@link daysFromCivil}. */
export function civilFromDays(dayNumber: DayNumber): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The number of days of a month (Gregorian leap years).
 *
 * @example
 * ```ts
 * daysInMonth(2024, 2); // 29
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

const HYPHEN = 0x2d;

/** The number written by `count` ASCII digits of `text` from `at`, or -1 when one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    const digit = text.charCodeAt(i) - 0x30;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Parses a `YYYY-MM-DD` date, rejecting impossible ones (`2025-02-30`) with `INVALID_DATE`.
 *
 * @example
 * ```ts
 * parseIsoDate('2025-09-26'); // { year: 2025, month: 9, day: 26 }
 * parseIsoDate('2025-02-30'); // throws CalendarError INVALID_DATE
 * ```
 */
export function parseIsoDate(date: IsoDate): DateParts {
  // Read character by character, not with a RegExp: a match array per date read was ~9 MB of the
  // ~260 MB a simulated year over 10,000 applications allocated (bench/HISTORY.md, issue 12).
  if (typeof date !== 'string' || date.length !== 10 || date.charCodeAt(4) !== HYPHEN || date.charCodeAt(7) !== HYPHEN) throw invalidDate(date);
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw invalidDate(date);
  return { year, month, day };
}

/**
 * Whether a value is an existing `YYYY-MM-DD` date.
 *
 * @example
 * ```ts
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2025-02-29'); // false
 * ```
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/** @internal */
export function toDayNumber(date: IsoDate): DayNumber {
  const { year, month, day } = parseIsoDate(date);
  return daysFromCivil(year, month, day);
}

/** @internal Formats a day number; days outside years 0001–9999 are `INVALID_DATE`. */
export function fromDayNumber(dayNumber: DayNumber): IsoDate {
  if (!Number.isSafeInteger(dayNumber) || dayNumber < MIN_DAY || dayNumber > MAX_DAY) {
    throw invalidDate(dayNumber, { zh: '超出支持的 0001–9999 年范围', en: 'outside the supported years 0001–9999' });
  }
  return formatParts(civilFromDays(dayNumber));
}

/** @internal */
export function formatParts({ year, month, day }: DateParts): IsoDate {
  // Concatenation, not three `padStart`s: every date outside the index's range (a 3-year validity
  // ends in an unloaded year) is formatted here, and the padded copies were most of its cost.
  return (year >= 1000 ? String(year) : String(year).padStart(4, '0')) + (month < 10 ? '-0' : '-') + month + (day < 10 ? '-0' : '-') + day;
}

/**
 * Adds natural days (negative goes back); no holiday rule applies — see
 * `WorkingCalendar.addCalendarDays` for periods.
 *
 * @example
 * ```ts
 * addDays('2024-02-28', 2); // '2024-03-01'
 * ```
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, 'days');
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Natural days from `from` to `to` (negative when `to` is earlier).
 *
 * @example
 * ```ts
 * daysBetween('2025-09-26', '2025-10-01'); // 5
 * ```
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * ISO weekday: 1 = Monday … 7 = Sunday.
 *
 * @example
 * ```ts
 * dayOfWeek('2025-09-28'); // 7 (a Sunday, and a make-up working day)
 * ```
 */
export function dayOfWeek(date: IsoDate): number {
  return isoWeekday(toDayNumber(date));
}

/** @internal 1970-01-01 was a Thursday (4). */
export function isoWeekday(dayNumber: DayNumber): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** @internal Counts must be safe integers; a fraction of a day is a programming error. */
export function assertInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${String(value)}`);
}
