import { endOfShanghaiDay, formatShanghaiInstant, WorkingCalendar, type IsoDate } from '@gdx/calendar';
import { VALIDITY_YEARS, type StepLimit } from './limits.js';

/** The deadline a rule gives for a step started on a day. */
export interface ExpectedDeadline {
  startedOn: IsoDate;
  dueDate: IsoDate;
  /** The instant ending `dueDate` (24:00 Asia/Shanghai), RFC 3339 with `+08:00`. */
  dueAt: string;
}

const calendar = WorkingCalendar.official();

/**
 * Computes a step's deadline the way an official would, with `@gdx/calendar`: the start day is
 * not counted, working days skip holidays and count make-up days, calendar-day periods ending on
 * a holiday move past it (民法典 第二百零一、二百零三条).
 *
 * @example
 * ```ts
 * expectedDeadline('2025-09-26', LIMITS.national.registration.acceptance).dueDate; // '2025-09-30'
 * ```
 */
export function expectedDeadline(startedOn: IsoDate, limit: Pick<StepLimit, 'limit' | 'unit'>): ExpectedDeadline {
  const dueDate = limit.unit === 'working_days' ? calendar.addWorkingDays(startedOn, limit.limit) : calendar.addCalendarDays(startedOn, limit.limit);
  return { startedOn, dueDate, dueAt: formatShanghaiInstant(endOfShanghaiDay(dueDate)) };
}

/**
 * The instant one hour after a deadline ended: a clock advanced there must show the step overdue.
 *
 * @example
 * ```ts
 * justAfter(expectedDeadline('2025-09-26', limit)); // '2025-10-01T01:00:00+08:00'
 * ```
 */
export function justAfter(deadline: ExpectedDeadline): string {
  return formatShanghaiInstant(endOfShanghaiDay(deadline.dueDate) + 3_600_000);
}

/**
 * Adds working days to a date (for moving a virtual clock to a known day).
 *
 * @example
 * ```ts
 * workingDaysAfter('2025-09-30', 1); // '2025-10-09'
 * ```
 */
export function workingDaysAfter(date: IsoDate, n: number): IsoDate {
  return calendar.addWorkingDays(date, n);
}

/**
 * The last day of a registration's validity: `VALIDITY_YEARS` from `start` (coding, or the previous
 * expiry for a renewal, whose period runs from the day after it) — the start day not counted and
 * the corresponding day, or the month's last day when there is none (民法典 第二百零一、二百零二条) —
 * but never past the authorised operating term `cap` (发改数据规〔2025〕26号 第十五条). The end is
 * not moved off a rest day: 第二百零三条 extends a time limit for doing something, whereas a
 * validity term is how long a right lasts (docs/decisions/0004 makes the same reading).
 *
 * @example
 * ```ts
 * validityEnd('2028-02-29', null);         // '2031-02-28'
 * validityEnd('2025-10-17', '2027-06-30'); // '2027-06-30'
 * ```
 */
export function validityEnd(start: IsoDate, cap: IsoDate | null): IsoDate {
  const end = calendar.addPeriod(start, { years: VALIDITY_YEARS }, { holidayExtension: 'none' });
  return cap !== null && cap < end ? cap : end;
}
