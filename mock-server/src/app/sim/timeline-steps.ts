import { addDays, daysBetween, shanghaiDate, type WorkingCalendar } from '@gdx/calendar';
import type { Deadline } from '@gdx/kernel';
import { stateLabel, type LocalizedLabel, type ObjectDuty, type ObjectEvent } from '../workflow-objects.js';

/** A weekend or statutory holiday a working-day limit did not count. */
export interface SkippedDay {
  date: string;
  reason: 'weekend' | 'holiday';
}

/** A step's limit on the working-day calendar (`StepDeadline` of the simulation contract). */
export interface StepDeadline {
  kind: string;
  workingDays: number | null;
  unit: Deadline['unit'];
  limit: number;
  startedOn: string;
  dueDate: string;
  dueAt: string;
  countedDays: string[];
  skippedDays: SkippedDay[];
  makeUpDays: string[];
  overdue: boolean;
  rule: string | null;
  estimate: boolean;
  unpublishedYears: number[];
  truncated?: boolean;
}

/** A stay of an object in one state (`TimelineStep`). */
export interface TimelineStep {
  state: string;
  label: LocalizedLabel;
  enteredAt: string;
  leftAt: string | null;
  deadline: StepDeadline | null;
}

/** Longest span of days listed per step: a limit overdue for years still answers in bounded work. */
const MAX_SPAN_DAYS = 366;

/**
 * The years from `from` to `to` whose holiday schedule the calendar does not have.
 *
 * @example
 * ```ts
 * unpublishedYears(WorkingCalendar.official(), '2026-12-10', '2027-01-07'); // [2027]
 * ```
 */
export function unpublishedYears(calendar: WorkingCalendar, from: string, to: string): number[] {
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) if (!calendar.hasYear(year)) years.push(year);
  return years;
}

/**
 * A deadline on the calendar, from its start day (not counted, unless the profile counts it) to
 * `untilDay` (the step's end or today): working days counted so far, and the skipped and make-up days up to the later of the
 * due date and `untilDay`. Limits in other units than working days list no days (their end is
 * the kernel's, which refuses a year without a schedule unless the limit opts into an estimate);
 * one due in a year without a schedule is an `estimate` all the same (its end may yet move off a
 * holiday), conservatively also where no rest-day rule moves it (an agreed term's last day).
 */
function stepDeadline(deadline: Deadline, untilDay: string, endedAt: number, calendar: WorkingCalendar): StepDeadline {
  const counted: string[] = [];
  const skipped: SkippedDay[] = [];
  const makeUp: string[] = [];
  const last = untilDay > deadline.dueDate ? untilDay : deadline.dueDate;
  const workingDays = deadline.unit === 'working_days';
  // Never silently Monday–Friday: days of a year without a schedule are estimated, and the answer
  // says so. A period in calendar days or years ends off a rest day (民法典 第二百零三条), on its
  // due year's schedule: due in a year the calendar lacks, the date may move once it is added.
  const unpublished = workingDays
    ? unpublishedYears(calendar, deadline.startedOn, last)
    : deadline.unit === 'hours' ? [] : unpublishedYears(calendar, deadline.dueDate, deadline.dueDate);
  let truncated = false;
  if (workingDays) {
    const span = Math.max(0, daysBetween(deadline.startedOn, last));
    truncated = span > MAX_SPAN_DAYS;
    let toDue = 0;
    for (let i = 1; i <= Math.min(span, MAX_SPAN_DAYS); i += 1) {
      const date = addDays(deadline.startedOn, i);
      const kind = calendar.dayKind(date, { estimate: unpublished.includes(Number(date.slice(0, 4))) });
      if (kind === 'weekend' || kind === 'holiday') skipped.push({ date, reason: kind });
      else {
        if (kind === 'makeup_working') makeUp.push(date);
        if (date <= untilDay) counted.push(date);
        if (date <= deadline.dueDate) toDue += 1;
      }
    }
    // A profile counting the start day (`startDayCounted`, not 民法典 第二百零一条) made a working
    // start day the first of the limit: the due date is then one working day short of it after the start.
    if (!truncated && toDue === deadline.limit - 1) countStartDay(deadline.startedOn, untilDay, calendar, unpublished, counted, makeUp);
  }
  return {
    kind: deadline.step,
    workingDays: workingDays ? deadline.limit : null,
    unit: deadline.unit,
    limit: deadline.limit,
    startedOn: deadline.startedOn,
    dueDate: deadline.dueDate,
    dueAt: deadline.dueAt,
    countedDays: counted,
    skippedDays: skipped,
    makeUpDays: makeUp,
    overdue: deadline.overdue || endedAt > Date.parse(deadline.dueAt),
    rule: deadline.basis || null,
    estimate: unpublished.length > 0,
    unpublishedYears: unpublished,
    ...(truncated ? { truncated } : {}),
  };
}

/** Puts a working `startedOn` first in `counted` (when reached by `untilDay`) and, a make-up day, in `makeUp`. */
function countStartDay(startedOn: string, untilDay: string, calendar: WorkingCalendar, unpublished: readonly number[], counted: string[], makeUp: string[]): void {
  const kind = calendar.dayKind(startedOn, { estimate: unpublished.includes(Number(startedOn.slice(0, 4))) });
  if (kind === 'weekend' || kind === 'holiday') return;
  if (kind === 'makeup_working') makeUp.unshift(startedOn);
  if (startedOn <= untilDay) counted.unshift(startedOn);
}

/**
 * An object's steps from its events, oldest first: a step begins with each change of state
 * (the first event creates the object) and ends with the next; events that keep the state
 * (an overdue flag, a restarted or extended limit) update the running step's deadline. Each
 * step's deadline is laid on the sandbox's working-day calendar up to its end, or `now`.
 *
 * @example
 * ```ts
 * timelineSteps(object.events(), object.label, sandbox.calendar, sandbox.now())[0].deadline?.dueDate; // '2025-09-30'
 * ```
 */
export function timelineSteps(
  events: readonly ObjectEvent[],
  label: (state: string) => LocalizedLabel | undefined,
  calendar: WorkingCalendar,
  now: number,
): TimelineStep[] {
  const stays: { state: string; enteredAt: string; leftAt: string | null; deadline: Deadline | null }[] = [];
  for (const event of events) {
    if (event.to === null) continue;
    const current = stays.at(-1);
    if (current && event.from === event.to && current.state === event.to) {
      current.deadline = event.deadline;
      continue;
    }
    if (current) current.leftAt = event.at;
    stays.push({ state: event.to, enteredAt: event.at, leftAt: null, deadline: event.deadline });
  }
  return stays.map((stay) => {
    const endedAt = stay.leftAt === null ? now : Date.parse(stay.leftAt);
    // A step left at midnight ran until 24:00 of the day before: the day it was left is not one of
    // its days (a 10 WD notice ending at 24:00 counts 10 days, not the next morning's 11th).
    const lastDay = stay.leftAt !== null && endedAt > Date.parse(stay.enteredAt) ? shanghaiDate(endedAt - 1) : shanghaiDate(endedAt);
    return {
      state: stay.state,
      label: stateLabel(label, stay.state),
      enteredAt: stay.enteredAt,
      leftAt: stay.leftAt,
      deadline: stay.deadline ? stepDeadline(stay.deadline, lastDay, endedAt, calendar) : null,
    };
  });
}

/** A duty of an object beside its steps (`TimelineDuty`). */
export interface TimelineDuty extends Omit<ObjectDuty, 'deadline'> {
  deadline: StepDeadline;
}

/**
 * A duty's period on the working-day calendar, as a step's: its days counted up to the day it was
 * met, or today while it runs; never `overdue` while the platform answers it as an estimate (it
 * reaches a year without a published holiday schedule, so its end may still move).
 *
 * @example
 * ```ts
 * timelineDuty(object.duties()[0], sandbox.calendar, sandbox.now()).deadline.countedDays.length; // 3
 * ```
 */
export function timelineDuty(duty: ObjectDuty, calendar: WorkingCalendar, now: number): TimelineDuty {
  const endedAt = duty.metAt === null ? now : Date.parse(duty.metAt);
  const deadline = stepDeadline(duty.deadline, shanghaiDate(endedAt), endedAt, calendar);
  return { ...duty, deadline: duty.deadline.estimate ? { ...deadline, overdue: false } : deadline };
}
