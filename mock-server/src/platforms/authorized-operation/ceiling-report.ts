import type { WorkflowEvent, WorkflowInstance } from '@gdx/kernel';
import { ceilingReportDuty, type CeilingReportDuty, type DutyOptions } from '@gdx/procedures';
import { REVISIONS } from '../../app/platform-module.js';
import type { AuthorizedOperationState } from './ao-records.js';
import { onCalendar, reachesYear, unlessYearUnpublished, type CalendarEstimate } from './unpublished-year.js';

/** `ceilingReportDuty` over the authorization's log. */
function dutyOf(state: AuthorizedOperationState, instance: WorkflowInstance): (options: DutyOptions) => CeilingReportDuty | null {
  return (options) => ceilingReportDuty(state.host.procedures.profile, state.sandbox.calendar, instance.events, options);
}

/** The latest ceiling-report period, `undefined` before any ceiling under the duty; an estimate (`onCalendar`) while it reaches a year without a published calendar. */
function latestDuty(state: AuthorizedOperationState, instance: WorkflowInstance): (CeilingReportDuty & CalendarEstimate) | undefined {
  return onCalendar(state.sandbox.calendar, dutyOf(state, instance)) ?? undefined;
}

/**
 * The latest period the clock may be planned for: never an estimate. Before
 * `REVISIONS.dutyEstimates` only a log counted without any missing year was (a journal replays so).
 */
function plannableDuty(state: AuthorizedOperationState, instance: WorkflowInstance): CeilingReportDuty | undefined {
  if (state.sandbox.revision() < REVISIONS.dutyEstimates) return unlessYearUnpublished(() => dutyOf(state, instance)({})) ?? undefined;
  const duty = latestDuty(state, instance);
  return duty?.estimate === false ? duty : undefined;
}

/** Plans the clock's `ceiling_report_overdue` for the end of the latest period (the machine's guard drops it if reported by then). */
function planOverdue(state: AuthorizedOperationState, instance: WorkflowInstance, duty: CeilingReportDuty): void {
  state.host.plan(Date.parse(duty.dueAt), instance.id, 'ceiling_report_overdue', { role: 'clock' }, { since: duty.since, dueAt: duty.dueAt });
}

/**
 * Plans the clock's `ceiling_report_overdue` for the end of the period a ceiling just set started
 * (the first since the grantor's last report; a later one joins the running period). The
 * machine's guard drops it if the grantor reported by then.
 *
 * @example
 * ```ts
 * onCeilingReportEvent(state, instance, event); // from onAuthorizationEvent
 * ```
 */
export function onCeilingReportEvent(state: AuthorizedOperationState, instance: WorkflowInstance, event: WorkflowEvent): void {
  if (event.event !== 'set_ceiling') return;
  const duty = plannableDuty(state, instance);
  if (duty?.since === instance.events.length) planOverdue(state, instance, duty);
}

/**
 * Plans the end of an unreported ceiling-report period that reaches `year`, just loaded into the
 * sandbox calendar (`PlatformClockHooks.calendarChanged`): an estimate until then, it was not
 * planned (since `REVISIONS.dutyEstimates`; a due day already past is flagged at the clock's next
 * step; a second plan of a period planned before is dropped by the machine's guard).
 *
 * @example
 * ```ts
 * planCeilingReportOnCalendar(state, instance, 2027); // after PUT …/calendar/2027
 * ```
 */
export function planCeilingReportOnCalendar(state: AuthorizedOperationState, instance: WorkflowInstance, year: number): void {
  if (state.sandbox.revision() < REVISIONS.dutyEstimates) return;
  const duty = latestDuty(state, instance);
  if (duty && duty.reportedAt === null && !duty.estimate && reachesYear(duty, year)) planOverdue(state, instance, duty);
}

/**
 * The contract's `Pricing.ceilingReport`: the latest period (an `estimate`, with its
 * `unpublishedYears`, while it reaches a year without a published holiday schedule), `overdue` as
 * the clock flagged it, `null` before any ceiling was set under the duty.
 *
 * @example
 * ```ts
 * ceilingReportView(state, instance); // { startTrigger: 'ceiling_set', dueDate: '2026-03-24', reportedAt: null, overdue: false, … }
 * ```
 */
export function ceilingReportView(state: AuthorizedOperationState, instance: WorkflowInstance) {
  const duty = latestDuty(state, instance);
  if (!duty) return null;
  const { since: _since, ...period } = duty;
  return { ...period, overdue: duty.reportedAt === null && instance.data['ceilingReportOverdue'] === true };
}

/**
 * The grantor's latest written report of its ceilings and whether it came at or after the end of
 * the period it met; `null` before the first. A ceiling set after a report starts a period no
 * report has met yet (`Pricing.ceilingReport.reportedAt` is then `null`), yet the duty was met
 * before it: the simulation timeline's `lastMet` says so ("this period or the one before").
 *
 * @example
 * ```ts
 * lastCeilingReport(state, instance); // { at: '2025-10-31T09:00:00+08:00', late: true }
 * ```
 */
export function lastCeilingReport(state: AuthorizedOperationState, instance: WorkflowInstance): { at: string; late: boolean } | null {
  const latest = latestDuty(state, instance);
  if (!latest) return null;
  if (latest.reportedAt !== null) return { at: latest.reportedAt, late: latest.late };
  // The period before ends with the events before the ceiling that started this one: a report met it.
  const before = unlessYearUnpublished(() => ceilingReportDuty(state.host.procedures.profile, state.sandbox.calendar, instance.events.slice(0, latest.since - 1)));
  return before?.reportedAt ? { at: before.reportedAt, late: before.late } : null;
}
