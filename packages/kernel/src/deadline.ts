import { CalendarError, daysBetween } from '@gdx/calendar';
import { endOfDay, formatInstant, shanghaiDay } from './shanghai-time.js';
import type { Calendar, Deadline, IsoDate, Limit, WorkflowEvent } from './types.js';

const HOUR_MS = 3_600_000;

/**
 * How a deadline is started: from the instant `now` (the start day not counted), or from a
 * given day such as the previous due date of a renewal.
 *
 * @example
 * const start: DeadlineStart = { now: Date.parse('2025-09-26T02:00:00Z') };
 */
export interface DeadlineStart {
  now: number;
  from?: IsoDate;
  /** Instance data, read for `limit.startField`, `limit.dueField` and `limit.capField`. */
  data?: Record<string, unknown>;
}

/**
 * The deadline of a step started at `start`, computed with the injected calendar. The start day
 * is not counted; `dueAt` is the end (24:00 Asia/Shanghai) of `dueDate`, except for hour limits,
 * which end exactly `value` hours after the start. Calendar errors (e.g. `CALENDAR_NOT_PUBLISHED`)
 * propagate.
 *
 * @example
 * computeDeadline(limit, { now: Date.parse('2025-09-26T02:00:00Z') }, calendar).dueDate; // '2025-09-30'
 */
export function computeDeadline(limit: Limit, start: DeadlineStart, calendar: Calendar): { deadline: Deadline; dueAtMs: number } {
  const from = start.from ?? dataDay(limit.startField, start.data);
  const startedOn = from ?? shanghaiDay(start.now);
  const due = dataDay(limit.dueField, start.data);
  // A due date given by the data needs no calendar arithmetic (and no schedule of its year).
  let { dueDate, dueAtMs } = due !== undefined ? { dueDate: due, dueAtMs: undefined } : periodEnd(limit, start.now, from, startedOn, calendar);
  const cap = dataDay(limit.capField, start.data);
  const capped = cap !== undefined && cap < dueDate;
  if (capped) {
    dueDate = cap;
    dueAtMs = undefined;
  }
  const end = dueAtMs ?? endOfDay(dueDate);
  // A day from the data (a due date, or a cap cutting the limit short) sets its own period: the
  // deadline states that one, not the limit it replaced (a validity cut short by the authorised
  // term is not "3 years", 第十五条 以实际运营期限为准).
  const applied = due === undefined && !capped ? { value: limit.value, unit: limit.unit } : periodBetween(startedOn, dueDate, calendar);
  return {
    deadline: {
      step: limit.id,
      limit: applied.value,
      unit: applied.unit,
      startTrigger: limit.startTrigger,
      startedOn,
      dueDate,
      dueAt: formatInstant(end),
      overdue: false,
      basis: limit.basis,
    },
    dueAtMs: end,
  };
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
function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  try {
    return daysBetween(from, to);
  } catch (err) {
    if (!(err instanceof CalendarError)) throw err;
    return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  }
}

/** The ISO day in the instance data's `field`, if it names one that holds a day. */
function dataDay(field: string | undefined, data: Record<string, unknown> | undefined): IsoDate | undefined {
  const value = field === undefined ? undefined : data?.[field];
  return typeof value === 'string' && isDayShaped(value) ? value : undefined;
}

const HYPHEN = 0x2d;

/**
 * Whether `value` reads `\d{4}-\d{2}-\d{2}` (the shape only, as the RegExp this replaces: a
 * registration record tests its cap on every validity it starts).
 */
function isDayShaped(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== HYPHEN || value.charCodeAt(7) !== HYPHEN) return false;
  for (let i = 0; i < 10; i += 1) {
    if (i === 4 || i === 7) continue;
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * The end of the limit's own period from `startedOn` (hour limits end at an exact instant: `value`
 * hours after `now`, or after the end of a given start day `from`).
 */
function periodEnd(limit: Limit, now: number, from: IsoDate | undefined, startedOn: IsoDate, calendar: Calendar): { dueDate: IsoDate; dueAtMs: number | undefined } {
  const opts = limit.estimate ? { estimate: true } : undefined;
  // Literals, not a spread of `opts`: every timed transition computes a period end.
  const extension = limit.holidayExtension;
  const periodOpts = !extension ? opts : opts === undefined ? { holidayExtension: extension } : { estimate: true, holidayExtension: extension };
  switch (limit.unit) {
    case 'working_days':
      return { dueDate: calendar.addWorkingDays(startedOn, limit.value, opts), dueAtMs: undefined };
    case 'calendar_days':
      return { dueDate: calendar.addCalendarDays(startedOn, limit.value, periodOpts), dueAtMs: undefined };
    case 'years':
      return { dueDate: calendar.addPeriod(startedOn, { years: limit.value }, periodOpts), dueAtMs: undefined };
    case 'hours': {
      const dueAtMs = (from === undefined ? now : endOfDay(from)) + limit.value * HOUR_MS;
      return { dueDate: shanghaiDay(dueAtMs - 1), dueAtMs };
    }
  }
}

/**
 * The limit a step resumes with (a transition's `deadline: 'resume'`): the days its deadline had
 * left on the day the instance last left the step (that day not counted), so that a step paused
 * in another state ends as late as the days spent there, not a full limit later. Read from the
 * event log: the last event carrying the step's deadline, and the event after it, which left the
 * step. The full limit when the step never ran, or for units other than working and calendar
 * days. Calendar errors propagate.
 *
 * @example
 * // A 10-WD notice due 2025-10-22, left on 2025-10-14 (6 working days to go):
 * resumedLimit(noticeLimit, instance.events, calendar); // { ...noticeLimit, value: 6, startTrigger: 'resumed' }
 */
export function resumedLimit(limit: Limit, events: readonly WorkflowEvent[], calendar: Calendar): Limit {
  if (limit.unit !== 'working_days' && limit.unit !== 'calendar_days') return limit;
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const running = (events[i] as WorkflowEvent).deadline;
    if (running?.step !== limit.id) continue;
    const left = events[i + 1];
    if (left === undefined) return limit;
    const leftOn = shanghaiDay(Date.parse(left.at));
    return { ...limit, value: daysLeft(limit.unit, leftOn, running.dueDate, calendar), startTrigger: 'resumed' };
  }
  return limit;
}

/** Working or calendar days after `from` up to and including `to` (0 when `to` is not later). */
function daysLeft(unit: 'working_days' | 'calendar_days', from: IsoDate, to: IsoDate, calendar: Calendar): number {
  if (to <= from) return 0;
  if (unit === 'calendar_days') return calendarDaysBetween(from, to);
  let n = 0;
  // The kernel's `Calendar` has no count of working days between two dates; a step's limit is
  // days or weeks, so counting them one by one takes a few calls.
  while (calendar.addWorkingDays(from, n + 1) <= to) n += 1;
  return n;
}
