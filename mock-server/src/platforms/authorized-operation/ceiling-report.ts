import type { WorkflowEvent, WorkflowInstance } from '@gdx/kernel';
import { ceilingReportDuty, type CeilingReportDuty } from '@gdx/procedures';
import type { AuthorizedOperationState } from './ao-records.js';
import { unlessYearUnpublished } from './unpublished-year.js';

/** The latest ceiling-report period, `undefined` before any ceiling under the duty or when it reaches a year without a published calendar (not guessed). */
function latestDuty(state: AuthorizedOperationState, instance: WorkflowInstance): CeilingReportDuty | undefined {
  return unlessYearUnpublished(() => ceilingReportDuty(state.host.procedures.profile, state.sandbox.calendar, instance.events)) ?? undefined;
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
  const duty = latestDuty(state, instance);
  if (duty?.since !== instance.events.length) return;
  state.host.plan(Date.parse(duty.dueAt), instance.id, 'ceiling_report_overdue', { role: 'clock' }, { since: duty.since, dueAt: duty.dueAt });
}

/**
 * The contract's `Pricing.ceilingReport`: the latest period, `overdue` as the clock flagged it,
 * `null` before any ceiling was set under the duty.
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
