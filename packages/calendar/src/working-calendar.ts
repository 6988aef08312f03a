import { notPublished } from './calendar-error.js';
import { officialSchedules } from './data/index.js';
import { assertInteger, civilFromDays, daysFromCivil, daysInMonth, fromDayNumber, toDayNumber, type DayNumber, type IsoDate } from './iso-date.js';
import { addMonthsClamped } from './month-arithmetic.js';
import { Kind, WorkingDayIndex } from './working-day-index.js';
import { validateYearSchedule, type YearSchedule } from './year-schedule.js';

/** What a day is: an ordinary working day, a weekend, a statutory holiday, or a make-up working day. */
export type DayKind = 'working' | 'weekend' | 'holiday' | 'makeup_working';

/**
 * `estimate: true` lets computations run through years without a loaded schedule, counting
 * Monday–Friday there. The result is then an estimate, not an official deadline.
 */
export interface EstimateOption {
  estimate?: boolean;
}

/**
 * How a forward period whose last day is a rest day ends (民法典 第二百零三条):
 * - `rest_days` (default): on the first working day after — weekends count as 法定休假日, as courts
 *   read the article (休息日 and 法定节假日 alike); make-up working days are working days;
 * - `statutory_holidays`: only listed holidays move the end, to the day after the holiday block;
 * - `none`: the natural end, unmoved.
 */
export type HolidayExtension = 'rest_days' | 'statutory_holidays' | 'none';

/** Options of {@link WorkingCalendar.addCalendarDays} and {@link WorkingCalendar.addPeriod}. */
export interface PeriodOptions extends EstimateOption {
  holidayExtension?: HolidayExtension;
}

/** A period in years, months and days (applied in that order). */
export interface Period {
  years?: number;
  months?: number;
  days?: number;
}

const KIND_NAMES: Record<Kind, DayKind> = {
  [Kind.Working]: 'working',
  [Kind.Weekend]: 'weekend',
  [Kind.Holiday]: 'holiday',
  [Kind.MakeupWorking]: 'makeup_working',
};

/** Days outside every index remembered before they are all forgotten (the memory stays flat). */
const OUTSIDE_LIMIT = 256;
const outsideLabels = new Map<DayNumber, IsoDate>();

/**
 * The date of a day outside the loaded range, remembered: a 3-year validity ends in an unloaded
 * year, and a batch of records coded on one day ends on one day, which was formatted anew for each.
 * A day's date is the same in every calendar, so one table serves them all.
 */
function labelOutside(day: DayNumber): IsoDate {
  let label = outsideLabels.get(day);
  if (label === undefined) {
    label = fromDayNumber(day);
    if (outsideLabels.size >= OUTSIDE_LIMIT) outsideLabels.clear();
    outsideLabels.set(day, label);
  }
  return label;
}

/** The calendar `WorkingCalendar.official()` copies its schedules and index from (built on first use). */
let official: WorkingCalendar | undefined;

/**
 * China's working-day calendar over the loaded years. Working-day questions are answered in O(1)
 * from a precomputed index; any computation that touches a day in a year without a schedule throws
 * `CALENDAR_NOT_PUBLISHED` unless `{ estimate: true }` is passed.
 *
 * @example
 * ```ts
 * const calendar = WorkingCalendar.official();
 * calendar.addWorkingDays('2025-09-26', 3); // '2025-09-30' (start day not counted, 民法典 201)
 * calendar.dayKind('2025-09-28'); // 'makeup_working'
 * calendar.addCalendarDays('2025-09-25', 7); // '2025-10-09' (10-02 is a holiday → first working day after)
 * ```
 */
export class WorkingCalendar {
  private readonly schedules = new Map<number, Readonly<YearSchedule>>();
  private index: WorkingDayIndex;

  /** A calendar over the given schedules (validated); none → every computation needs `estimate`. */
  constructor(schedules: Iterable<YearSchedule> = []) {
    for (const schedule of schedules) {
      const valid = validateYearSchedule(schedule);
      this.schedules.set(valid.year, valid);
    }
    this.index = new WorkingDayIndex([...this.schedules.values()]);
  }

  /**
   * A fresh calendar with the shipped official years (see `years()`).
   *
   * @example
   * ```ts
   * WorkingCalendar.official().years(); // [2024, 2025, 2026]
   * ```
   */
  static official(): WorkingCalendar {
    official ??= new WorkingCalendar(officialSchedules);
    return official.copy();
  }

  /**
   * A new calendar with the same years, at no cost: the validated schedules are frozen and the
   * index is immutable (`addYear` replaces it), so the copy shares them, and an `addYear` on either
   * leaves the other as it was. A mock builds one calendar per sandbox: validating its years and
   * indexing their days again was ~4 % of creating a sandbox (~0.27 ms a year).
   *
   * @example
   * ```ts
   * const base = WorkingCalendar.official();
   * base.addYear(schedule2027);
   * const perSandbox = base.copy(); // 2024–2027
   * perSandbox.addYear(ownSchedule2027); // base keeps its 2027
   * ```
   */
  copy(): WorkingCalendar {
    const calendar = new WorkingCalendar();
    for (const [year, schedule] of this.schedules) calendar.schedules.set(year, schedule);
    calendar.index = this.index;
    return calendar;
  }

  /**
   * Adds or replaces a year's schedule (validated: `INVALID_SCHEDULE`) and rebuilds the index.
   *
   * @example
   * ```ts
   * calendar.addYear({ year: 2027, source: '国办发明电〔2026〕…号', holidays: [...], makeupWorkdays: [...] });
   * ```
   */
  addYear(schedule: YearSchedule): void {
    const valid = validateYearSchedule(schedule);
    this.schedules.set(valid.year, valid);
    this.index = new WorkingDayIndex([...this.schedules.values()]);
  }

  /**
   * Takes a year's schedule out (its days then need `estimate`, as in a year never loaded) and
   * rebuilds the index; answers whether the year was loaded. A mock whose server-wide years change
   * under a sandbox drops the year no longer given, in the calendar its engine already holds.
   *
   * @example
   * ```ts
   * calendar.addYear(schedule2027);
   * calendar.removeYear(2027); // true
   * calendar.hasYear(2027); // false
   * ```
   */
  removeYear(year: number): boolean {
    if (!this.schedules.delete(year)) return false;
    this.index = new WorkingDayIndex([...this.schedules.values()]);
    return true;
  }

  /**
   * Whether the year's schedule is loaded.
   *
   * @example
   * ```ts
   * WorkingCalendar.official().hasYear(2027); // false
   * ```
   */
  hasYear(year: number): boolean {
    return this.schedules.has(year);
  }

  /**
   * The loaded years, ascending.
   *
   * @example
   * ```ts
   * WorkingCalendar.official().years(); // [2024, 2025, 2026]
   * ```
   */
  years(): number[] {
    return [...this.schedules.keys()].sort((a, b) => a - b);
  }

  /**
   * The loaded (validated, frozen, date-sorted) schedule of a year, if any.
   *
   * @example
   * ```ts
   * WorkingCalendar.official().schedule(2025)?.source; // '国务院办公厅关于2025年…（国办发明电〔2024〕12号）'
   * ```
   */
  schedule(year: number): Readonly<YearSchedule> | undefined {
    return this.schedules.get(year);
  }

  /**
   * Whether people work on that day (Monday–Friday not a holiday, or a make-up working day).
   *
   * @example
   * ```ts
   * calendar.isWorkingDay('2025-10-11'); // true (Saturday, make-up working day)
   * ```
   */
  isWorkingDay(date: IsoDate, opts?: EstimateOption): boolean {
    const kind = this.kindOf(date, opts);
    return kind === Kind.Working || kind === Kind.MakeupWorking;
  }

  /**
   * The kind of a day.
   *
   * @example
   * ```ts
   * calendar.dayKind('2025-10-04'); // 'holiday' (a Saturday inside the National Day block)
   * ```
   */
  dayKind(date: IsoDate, opts?: EstimateOption): DayKind {
    return KIND_NAMES[this.kindOf(date, opts)];
  }

  /**
   * The n-th working day after `start`; the start day is not counted (民法典 第二百零一条), so the
   * result is the last day of an n-working-day limit triggered on `start`. `n = 0` returns `start`;
   * a negative `n` returns the |n|-th working day before `start`.
   *
   * @example
   * ```ts
   * calendar.addWorkingDays('2025-09-26', 20); // '2025-10-30'
   * calendar.addWorkingDays('2025-10-09', -1); // '2025-09-30'
   * ```
   */
  addWorkingDays(start: IsoDate, n: number, opts?: EstimateOption): IsoDate {
    assertInteger(n, 'n');
    const from = this.dayNumber(start);
    // Ranks step by one on working days: after `start` the n-th has rank(start) + n; before it the
    // |n|-th has rank(start - 1) - |n| + 1.
    const target = n >= 0 ? this.index.rank(from) + n : this.index.rank(from - 1) + n + 1;
    const result = n === 0 ? from : this.index.dayWithRank(target);
    this.cover(from, result, opts);
    return this.date(result);
  }

  /**
   * Working days in (from, to] — the days a limit started on `from` has used by the end of `to`.
   * Negative when `to` is before `from`.
   *
   * @example
   * ```ts
   * calendar.workingDaysBetween('2025-09-26', '2025-10-09'); // 4 (09-28, 09-29, 09-30, 10-09)
   * ```
   */
  workingDaysBetween(from: IsoDate, to: IsoDate, opts?: EstimateOption): number {
    const a = this.dayNumber(from);
    const b = this.dayNumber(to);
    this.cover(a, b, opts);
    return this.index.rank(b) - this.index.rank(a);
  }

  /**
   * The last day of a period of n natural days starting after `start` (start day not counted). If
   * that day is a rest day the period ends on the first working day after (民法典 第二百零三条;
   * see {@link HolidayExtension}). A negative n counts back with no extension (a window before a
   * date, e.g. 期满前 60 日).
   *
   * @example
   * ```ts
   * calendar.addCalendarDays('2025-09-01', 30); // '2025-10-09' (10-01 is a holiday)
   * calendar.addCalendarDays('2025-09-01', 30, { holidayExtension: 'none' }); // '2025-10-01'
   * ```
   */
  addCalendarDays(start: IsoDate, n: number, opts?: PeriodOptions): IsoDate {
    assertInteger(n, 'n');
    const from = this.dayNumber(start);
    return this.date(this.endPeriod(from, from + n, opts));
  }

  /**
   * A period in years/months/days (民法典 第二百零二条): the corresponding day of the final month,
   * or that month's last day when there is none; then `days` natural days; then the rest-day rule
   * of {@link addCalendarDays} for forward periods.
   *
   * @example
   * ```ts
   * calendar.addPeriod('2024-01-31', { months: 1 }, { holidayExtension: 'none' }); // '2024-02-29'
   * calendar.addPeriod('2025-01-29', { years: 1 }); // '2026-01-29'
   * ```
   */
  addPeriod(start: IsoDate, period: Period, opts?: PeriodOptions): IsoDate {
    const { years = 0, months = 0, days = 0 } = period;
    assertInteger(years, 'years');
    assertInteger(months, 'months');
    assertInteger(days, 'days');
    const from = this.dayNumber(start);
    const end = this.monthsAfter(start, from, years * 12 + months) + days;
    return this.date(this.endPeriod(from, end, opts));
  }

  /**
   * The day `months` months after `start` (day number `from`), clamped like `addMonthsClamped`, in
   * day numbers: a 3-year validity ends in a year outside the index, where formatting the date and
   * parsing it back was most of the cost of the period. A target year outside 0001–9999 goes
   * through `addMonthsClamped`, which rejects it as before.
   */
  private monthsAfter(start: IsoDate, from: DayNumber, months: number): DayNumber {
    const { year, month, day } = civilFromDays(from);
    const monthIndex = year * 12 + (month - 1) + months;
    const targetYear = Math.floor(monthIndex / 12);
    if (targetYear < 1 || targetYear > 9999) return this.dayNumber(addMonthsClamped(start, months));
    const targetMonth = monthIndex - targetYear * 12 + 1;
    return daysFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
  }

  private endPeriod(from: DayNumber, end: DayNumber, opts?: PeriodOptions): DayNumber {
    const rule = opts?.holidayExtension ?? 'rest_days';
    if (end <= from || rule === 'none') return end;
    const result =
      rule === 'rest_days' ? this.index.dayWithRank(this.index.rank(end - 1) + 1) : this.index.firstNonHolidayFrom(end);
    this.cover(end, result, opts);
    return result;
  }

  private kindOf(date: IsoDate, opts?: EstimateOption): Kind {
    const day = this.dayNumber(date);
    this.cover(day, day, opts);
    return this.index.kind(day);
  }

  /** The coverage guard: every year from `a` to `b` must be loaded, unless estimating. */
  /** Parses a date, through the index's table when it lies in the loaded range. */
  private dayNumber(date: IsoDate): DayNumber {
    return this.index.dayNumberOf(date) ?? toDayNumber(date);
  }

  /** Formats a day number, through the index's table when it lies in the loaded range. */
  private date(day: DayNumber): IsoDate {
    return this.index.labelOf(day) ?? labelOutside(day);
  }

  private cover(a: DayNumber, b: DayNumber, opts?: EstimateOption): void {
    if (opts?.estimate || this.index.covers(a, b)) return;
    const firstYear = civilFromDays(Math.min(a, b)).year;
    const lastYear = civilFromDays(Math.max(a, b)).year;
    for (let year = firstYear; year <= lastYear; year++) {
      if (!this.schedules.has(year)) throw notPublished(year);
    }
  }
}
