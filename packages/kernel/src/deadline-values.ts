import { CalendarError, daysBetween } from '@gdx/calendar';
import { endOfDay, formatInstant } from './shanghai-time.js';
import type { Calendar, Deadline, IsoDate, Limit } from './types.js';

/**
 * A computed deadline and the instant it ends. Frozen: equal inputs return the same object
 * (see `computeDeadline`), shared by every instance, event and timer that keeps it.
 */
export interface ComputedDeadline {
  readonly deadline: Deadline;
  readonly dueAtMs: number;
}

/**
 * A frozen deadline of `limit` ending at `dueAtMs` (one literal, so that every deadline has one
 * shape; frozen, so that a holder that tried to change a shared one would fail loudly).
 */
export function frozenDeadline(limit: Limit, value: number, unit: Limit['unit'], startedOn: IsoDate, dueDate: IsoDate, dueAtMs: number): ComputedDeadline {
  const deadline: Deadline = Object.freeze({
    step: limit.id,
    limit: value,
    unit,
    startTrigger: limit.startTrigger,
    startedOn,
    dueDate,
    dueAt: formatInstant(dueAtMs),
    overdue: false,
    basis: limit.basis,
  });
  return Object.freeze({ deadline, dueAtMs });
}

/**
 * A deadline whose due day the data sets (a due date, or a cap cutting the limit short): the
 * deadline states the period that day sets, not the limit it replaced (a validity cut short by
 * the authorised term is not "3 years", 第十五条 以实际运营期限为准).
 */
export function dataDayDeadline(limit: Limit, startedOn: IsoDate, dueDate: IsoDate, calendar: Calendar): ComputedDeadline {
  const applied = periodBetween(startedOn, dueDate, calendar);
  return frozenDeadline(limit, applied.value, applied.unit, startedOn, dueDate, endOfDay(dueDate));
}

/**
 * The period a due date given by the data (or a cap) actually sets from `startedOn` (start day not counted):
 * whole years when the calendar's own year arithmetic ends that many years on it (the
 * corresponding day, or the month's last day when there is none: 29 February to 28 February,
 * 民法典 第二百零二条), else calendar days — the limit's own value no longer applies (an agreed term
 * shorter than the cap, or longer with a justification). Plain date arithmetic, no rest-day
 * extension: the contract's units have no months, so days are the only unit below a year.
 */
function periodBetween(startedOn: IsoDate, dueDate: IsoDate, calendar: Calendar): { value: number; unit: Limit['unit'] } {
  const years = Number(dueDate.slice(0, 4)) - Number(startedOn.slice(0, 4));
  if (years > 0 && calendar.addPeriod(startedOn, { years }, { holidayExtension: 'none', estimate: true }) === dueDate) return { value: years, unit: 'years' };
  return { value: Math.max(0, calendarDaysBetween(startedOn, dueDate)), unit: 'calendar_days' };
}

/**
 * Natural days from `from` to `to`, on the calendar's day numbers. A day only shaped like one
 * (`2025-02-30`, which a cap read from the data may be) is counted as `Date.parse` rolls it over,
 * as it always was: the calendar refuses it, and a deadline must not start refusing it now.
 */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  try {
    return daysBetween(from, to);
  } catch (err) {
    if (!(err instanceof CalendarError)) throw err;
    return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  }
}

