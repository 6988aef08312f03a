import { addDays, endOfShanghaiDay, formatShanghaiInstant, WorkingCalendar, type IsoDate } from '@gdx/calendar';
import { RENEWAL_WINDOW_DAYS, VALIDITY_YEARS, type StepLimit } from './limits.js';

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
 * not counted, working days skip holidays and count make-up days, calendar-day and month periods
 * (ending on the month's corresponding day, 第二百零二条) ending on a holiday move past it
 * (民法典 第二百零一、二百零三条).
 *
 * @example
 * ```ts
 * expectedDeadline('2025-09-26', LIMITS.national.registration.acceptance).dueDate; // '2025-09-30'
 * ```
 */
export function expectedDeadline(startedOn: IsoDate, limit: Pick<StepLimit, 'limit' | 'unit'>): ExpectedDeadline {
  const dueDate =
    limit.unit === 'working_days' ? calendar.addWorkingDays(startedOn, limit.limit)
    : limit.unit === 'months' ? calendar.addPeriod(startedOn, { months: limit.limit })
    : calendar.addCalendarDays(startedOn, limit.limit);
  return { startedOn, dueDate, dueAt: formatShanghaiInstant(endOfShanghaiDay(dueDate)) };
}

/** Period `n` of a duty recurring every so many calendar days: where it ends, and when its act is due. */
export interface RecurringPeriod {
  periodEnd: IsoDate;
  dueDate: IsoDate;
}

/**
 * Period `n` (1, 2, …) of a duty recurring every `limit` calendar days from `start` (a usage report
 * every 90 days from the grant): it ends `n` periods after `start` by plain date arithmetic, the
 * start day not counted, and its act is due that day, or on the next working day when that is a
 * rest day. 民法典 第二百零三条 moves the day the act is due, not the period: the next one still
 * starts the day after `periodEnd`, so no day is left out and the grid never drifts.
 *
 * @example
 * ```ts
 * recurringPeriod('2025-11-03', { limit: 90 }, 1); // { periodEnd: '2026-02-01', dueDate: '2026-02-02' } (a Sunday)
 * recurringPeriod('2025-11-03', { limit: 90 }, 2); // { periodEnd: '2026-05-02', dueDate: '2026-05-06' } (Labour Day)
 * ```
 */
export function recurringPeriod(start: IsoDate, limit: Pick<StepLimit, 'limit'>, n: number): RecurringPeriod {
  const previousEnd = addDays(start, limit.limit * (n - 1));
  return { periodEnd: addDays(previousEnd, limit.limit), dueDate: calendar.addCalendarDays(previousEnd, limit.limit) };
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
 * the corresponding day, or the month's last day when there is none (民法典 第二百零一、二百零二条),
 * moved to the next working day when that is a rest day (第二百零三条; the domain rules apply it to
 * periods in years; an end year without a published schedule is estimated Monday–Friday) — but never
 * past the authorised operating term `cap` (发改数据规〔2025〕26号 第十五条), which is a day the
 * agreement fixes and is not moved.
 *
 * @example
 * ```ts
 * validityEnd('2028-02-29', null);         // '2031-02-28'
 * validityEnd('2025-11-04', null);         // '2028-11-06' (11-04 is a Saturday)
 * validityEnd('2025-10-17', '2027-06-30'); // '2027-06-30'
 * ```
 */
export function validityEnd(start: IsoDate, cap: IsoDate | null): IsoDate {
  const end = calendar.addPeriod(start, { years: VALIDITY_YEARS }, { estimate: true });
  return cap !== null && cap < end ? cap : end;
}

/**
 * Where the renewal window (期满前 60 日内) of a period stated to end on `validUntil` may open: on
 * the `RENEWAL_WINDOW_DAYS`th day up to its last valid day (that day counted: the period expires at
 * its end, the next one runs 自上一届有效期满次日起), counted back from the stated `validUntil` (`latest`) or
 * from the end before 民法典 第二百零三条 moved it off a rest day, which is at the earliest the first
 * day of the run of rest days right before `validUntil` (`earliest`): the article moves only a
 * period's last day, so a platform may keep the window's first day. A window open on `latest` and
 * closed the day before `earliest` fits either reading, whatever the period's length.
 *
 * @example
 * ```ts
 * renewalWindowOpening('2028-11-06'); // { earliest: '2028-09-06', latest: '2028-09-08' } (11-04/05 a weekend)
 * renewalWindowOpening('2028-11-08'); // { earliest: '2028-09-10', latest: '2028-09-10' }
 * ```
 */
export function renewalWindowOpening(validUntil: IsoDate): { earliest: IsoDate; latest: IsoDate } {
  let unmoved = validUntil;
  const restDay = (d: IsoDate) => ['weekend', 'holiday'].includes(calendar.dayKind(d, { estimate: true }));
  while (restDay(addDays(unmoved, -1))) unmoved = addDays(unmoved, -1);
  return { earliest: addDays(unmoved, 1 - RENEWAL_WINDOW_DAYS), latest: addDays(validUntil, 1 - RENEWAL_WINDOW_DAYS) };
}
