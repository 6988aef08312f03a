import { daysFromCivil, fromDayNumber, isoWeekday, toDayNumber, type DayNumber, type IsoDate } from './iso-date.js';
import { weekdaysBefore, weekdayWithRank } from './weekday-rank.js';
import type { YearSchedule } from './year-schedule.js';

/** @internal Day kinds as stored in the index. */
export const Kind = { Working: 0, Weekend: 1, Holiday: 2, MakeupWorking: 3 } as const;
/** @internal */
export type Kind = (typeof Kind)[keyof typeof Kind];

/**
 * @internal A precomputed, immutable view of the loaded years as one contiguous range
 * [1 January of the first year, 31 December of the last year]. Years in the range without a
 * schedule (gaps) and all days outside it count Monday–Friday; the caller's coverage guard decides
 * whether such days may be used at all.
 *
 * `rank(d)` is the number of working days up to and including `d`, relative to the range start
 * (monotone over all days; it steps by 1 exactly on working days). Every question is answered from
 * it in O(1): typed arrays inside the range, closed-form weekday arithmetic outside.
 */
export class WorkingDayIndex {
  private readonly first: DayNumber;
  private readonly last: DayNumber;
  private readonly kinds: Uint8Array;
  /** rankAt[i] = working days in [first, first + i]. */
  private readonly rankAt: Int32Array;
  /** workdays[i] is the working day whose rank is i + 1 (sorted ascending). */
  private readonly workdays: Int32Array;
  /** afterHoliday[i] = first day ≥ first + i that is not a listed holiday. */
  private readonly afterHoliday: Int32Array;
  /**
   * The range's dates as strings both ways: parsing and formatting a `YYYY-MM-DD` costs more than
   * the index arithmetic itself, so dates inside the range are looked up instead.
   */
  private readonly labels: IsoDate[];
  private readonly dayByLabel: Map<IsoDate, DayNumber>;
  /** Every year of the range has a schedule, so any two days inside it are covered. */
  private readonly gapless: boolean;

  constructor(schedules: readonly YearSchedule[]) {
    const years = schedules.map((schedule) => schedule.year);
    const minYear = years.length ? Math.min(...years) : 1970;
    this.first = daysFromCivil(minYear, 1, 1);
    this.last = years.length ? daysFromCivil(Math.max(...years), 12, 31) : this.first - 1;
    const size = this.last - this.first + 1;

    this.kinds = new Uint8Array(size);
    for (let i = 0; i < size; i++) this.kinds[i] = isoWeekday(this.first + i) >= 6 ? Kind.Weekend : Kind.Working;
    for (const schedule of schedules) {
      for (const { date } of schedule.holidays) this.kinds[toDayNumber(date) - this.first] = Kind.Holiday;
      for (const { date } of schedule.makeupWorkdays) this.kinds[toDayNumber(date) - this.first] = Kind.MakeupWorking;
    }

    this.rankAt = new Int32Array(size);
    const workdays: number[] = [];
    for (let i = 0; i < size; i++) {
      const kind = this.kinds[i];
      if (kind === Kind.Working || kind === Kind.MakeupWorking) workdays.push(this.first + i);
      this.rankAt[i] = workdays.length;
    }
    this.workdays = Int32Array.from(workdays);

    this.labels = new Array<IsoDate>(size);
    this.dayByLabel = new Map();
    for (let i = 0; i < size; i++) {
      const label = fromDayNumber(this.first + i);
      this.labels[i] = label;
      this.dayByLabel.set(label, this.first + i);
    }
    this.gapless = years.length > 0 && new Set(years).size === Math.max(...years) - minYear + 1;

    this.afterHoliday = new Int32Array(size);
    for (let i = size - 1; i >= 0; i--) {
      const next = i + 1 < size ? (this.afterHoliday[i + 1] as number) : this.last + 1;
      this.afterHoliday[i] = this.kinds[i] === Kind.Holiday ? next : this.first + i;
    }
  }

  private inRange(day: DayNumber): boolean {
    return day >= this.first && day <= this.last;
  }

  /** The day number of a valid date inside the range, else `undefined` (parse it instead). */
  dayNumberOf(date: IsoDate): DayNumber | undefined {
    return this.dayByLabel.get(date);
  }

  /** The date of a day inside the range, else `undefined` (format it instead). */
  labelOf(day: DayNumber): IsoDate | undefined {
    return this.inRange(day) ? this.labels[day - this.first] : undefined;
  }

  /** Whether both days lie in the range and every year of it is scheduled. */
  covers(a: DayNumber, b: DayNumber): boolean {
    return this.gapless && this.inRange(a) && this.inRange(b);
  }

  /** The kind of a day; outside the range by the week alone. */
  kind(day: DayNumber): Kind {
    if (this.inRange(day)) return this.kinds[day - this.first] as Kind;
    return isoWeekday(day) >= 6 ? Kind.Weekend : Kind.Working;
  }

  /** Working days up to and including `day`, relative to the range start. */
  rank(day: DayNumber): number {
    if (day < this.first) return weekdaysBefore(day + 1) - weekdaysBefore(this.first);
    if (day > this.last) return this.workdays.length + weekdaysBefore(day + 1) - weekdaysBefore(this.last + 1);
    return this.rankAt[day - this.first] as number;
  }

  /** The earliest day whose rank is `rank` — always a working day. */
  dayWithRank(rank: number): DayNumber {
    const total = this.workdays.length;
    if (rank >= 1 && rank <= total) return this.workdays[rank - 1] as number;
    if (rank > total) return weekdayWithRank(rank - total + weekdaysBefore(this.last + 1));
    return weekdayWithRank(rank + weekdaysBefore(this.first));
  }

  /** The first day at or after `day` that is not a listed holiday. */
  firstNonHolidayFrom(day: DayNumber): DayNumber {
    return this.inRange(day) ? (this.afterHoliday[day - this.first] as number) : day;
  }
}
