import { calendarDaysBetween, dataDayDeadline, frozenDeadline, type ComputedDeadline } from './deadline-values.js';
import { periodsOf } from './limit-periods.js';
import { endOfDay, shanghaiDay } from './shanghai-time.js';
import type { Calendar, Deadline, IsoDate, Limit, WorkflowEvent } from './types.js';

export type { ComputedDeadline } from './deadline-values.js';

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
 * is not counted (民法典 第二百零一条), unless a working-day limit says `countStartDay`; `dueAt` is the end (24:00 Asia/Shanghai) of `dueDate`, except for hour limits,
 * which end exactly `value` hours after the start. Calendar errors (e.g. `CALENDAR_NOT_PUBLISHED`)
 * propagate.
 *
 * The result and its `deadline` are frozen, and shared: a limit's period from a given start day
 * is built into one object, which later calls whose calendar gives the same due day return again
 * (a batch filed on one day shares its deadlines). Like the rest of a machine definition, a limit
 * must not be changed once used.
 *
 * @example
 * computeDeadline(limit, { now: Date.parse('2025-09-26T02:00:00Z') }, calendar).deadline.dueDate; // '2025-09-30'
 */
export function computeDeadline(limit: Limit, start: DeadlineStart, calendar: Calendar): ComputedDeadline {
  const periods = periodsOf(limit);
  const data = start.data;
  const from = start.from ?? (periods.startField === null ? undefined : dataDay(periods.startField, data));
  const startedOn = from ?? shanghaiDay(start.now);
  // Hours and a due day from the data are rare: the common path stays small (it runs on every timed transition).
  if (periods.unit === 'hours' || (periods.dueField !== null && dataDay(periods.dueField, data) !== undefined)) {
    return uncommonDeadline(limit, start.now, from, startedOn, data, calendar);
  }
  const dueDate = periods.endDay(startedOn, calendar);
  if (periods.capField !== null) {
    const cap = dataDay(periods.capField, data);
    if (cap !== undefined && cap < dueDate) return periods.cappedDeadline(startedOn, cap, calendar);
  }
  return periods.deadline(startedOn, dueDate);
}

/** Period arithmetic that keeps a period's natural end (and so needs no holiday schedule). */
const NATURAL_END = Object.freeze({ holidayExtension: 'none' as const });

/**
 * The last day of the period `deadline` counts, before the calendar moved it off a rest day: its
 * `limit` calendar days, months or years from `startedOn`. 民法典 第二百零三条 moves the day the act is
 * due to the next working day, not the end of the period, so the next of recurring periods
 * starts after this day (`Limit.extendFrom: 'period'`). A working-day or hour period ends on its
 * due day. Needs no holiday schedule.
 *
 * @example
 * // 90 calendar days from 2025-11-03 end on Sunday 2026-02-01; the report is due Monday 02-02.
 * periodEnd({ ...deadline, startedOn: '2025-11-03', limit: 90, unit: 'calendar_days', dueDate: '2026-02-02' }, calendar); // '2026-02-01'
 */
export function periodEnd(deadline: Deadline, calendar: Calendar): IsoDate {
  switch (deadline.unit) {
    case 'calendar_days':
      return calendar.addCalendarDays(deadline.startedOn, deadline.limit, NATURAL_END);
    case 'months':
      return calendar.addPeriod(deadline.startedOn, { months: deadline.limit }, NATURAL_END);
    case 'years':
      return calendar.addPeriod(deadline.startedOn, { years: deadline.limit }, NATURAL_END);
    default:
      return deadline.dueDate;
  }
}

/** Hour limits and due days from the data, as {@link computeDeadline} defines them (not shared). */
function uncommonDeadline(limit: Limit, now: number, from: IsoDate | undefined, startedOn: IsoDate, data: Record<string, unknown> | undefined, calendar: Calendar): ComputedDeadline {
  const due = dataDay(limit.dueField, data);
  // A due date given by the data needs no calendar arithmetic (and no schedule of its year).
  let dueDate: IsoDate;
  let dueAtMs: number | undefined;
  if (due !== undefined) dueDate = due;
  else if (limit.unit === 'hours') {
    dueAtMs = (from === undefined ? now : endOfDay(from)) + limit.value * HOUR_MS;
    dueDate = shanghaiDay(dueAtMs - 1);
  } else dueDate = periodsOf(limit).endDay(startedOn, calendar);
  const cap = dataDay(limit.capField, data);
  const capped = cap !== undefined && cap < dueDate;
  if (capped || due !== undefined) return dataDayDeadline(limit, startedOn, capped ? cap : dueDate, calendar);
  return frozenDeadline(limit, limit.value, limit.unit, startedOn, dueDate, dueAtMs ?? endOfDay(dueDate));
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
