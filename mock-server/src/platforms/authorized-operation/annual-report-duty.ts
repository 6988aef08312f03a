import type { WorkflowEvent } from '@gdx/kernel';
import { annualReportDue } from '@gdx/procedures';
import { REVISIONS } from '../../app/platform-module.js';
import type { AuthorizationRecord, AuthorizedOperationState } from './ao-records.js';
import { onEndedReportFiled } from './ended-report-duty.js';
import { ENDED } from './permission-effects.js';
import { pricingRules, yearInTerm } from './pricing-view.js';

/**
 * Plans the clock's `annual_report_overdue` on `year` for the end of its due day (03-31 of the
 * next year, 65号 五: a fixed day without holiday roll-over, so never an estimate), and keeps the
 * plan on the record so that the report, filed first, withdraws it.
 */
function planYear(state: AuthorizedOperationState, authorization: AuthorizationRecord, year: number): void {
  const { dueAt } = annualReportDue(year, pricingRules(state), { submittedAt: null, now: state.sandbox.now() });
  const planId = state.host.plan(Date.parse(dueAt), authorization.id, 'annual_report_overdue', { role: 'clock' }, { year, dueAt });
  authorization.pricing.reportOverduePlan = { year, planId };
}

/**
 * Plans the report on `year` while the authorization runs and the year lies within its term (as
 * amended); else none is left to plan. One plan at a time: the report on a year is filed once the
 * year has ended, after the report on the year before fell due.
 */
function planYearWhileRunning(state: AuthorizedOperationState, authorization: AuthorizationRecord, year: number): void {
  const instance = state.host.get(authorization.id);
  if (instance && !ENDED.has(instance.state) && yearInTerm(authorization, year)) planYear(state, authorization, year);
  else delete authorization.pricing.reportOverduePlan;
}

/**
 * Puts a just signed authorization under the annual report duty (65号 五; 101号 第十六条): plans
 * the end of the report on the term's first year. None for a signing journaled before
 * `REVISIONS.annualReportOverdue`, which replays without it (its overdue events would shift the
 * feed an older version answered).
 *
 * @example
 * ```ts
 * startAnnualReportDuty(state, record); // right after creating the authorization
 * ```
 */
export function startAnnualReportDuty(state: AuthorizedOperationState, authorization: AuthorizationRecord): void {
  if (state.sandbox.revision() < REVISIONS.annualReportOverdue) return;
  planYear(state, authorization, Number(authorization.agreement.term.from.slice(0, 4)));
}

/**
 * After the clock recorded a missed report (`annual_report_overdue`), plans the next year's.
 *
 * @example
 * ```ts
 * onAnnualReportOverdue(state, authorization, event); // from onAuthorizationEvent
 * ```
 */
export function onAnnualReportOverdue(state: AuthorizedOperationState, authorization: AuthorizationRecord, event: WorkflowEvent): void {
  if (event.event !== 'annual_report_overdue') return;
  planYearWhileRunning(state, authorization, (event.data?.['year'] as number) + 1);
}

/**
 * A report filed on the year the clock's `annual_report_overdue` is planned for meets the duty
 * first: the plan is withdrawn and the next year's made; after the authorization ended, the
 * platform's clock awaits the next year instead (`onEndedReportFiled`). A late report (its year
 * already flagged) or one on an authorization without the duty changes no plan.
 *
 * @example
 * ```ts
 * onAnnualReportFiled(state, authorization, 2026); // after storing the report on 2026
 * ```
 */
export function onAnnualReportFiled(state: AuthorizedOperationState, authorization: AuthorizationRecord, year: number): void {
  const planned = authorization.pricing.reportOverduePlan;
  if (planned?.year !== year) return onEndedReportFiled(state, authorization, year);
  state.host.cancelPlan(planned.planId);
  planYearWhileRunning(state, authorization, year + 1);
}
