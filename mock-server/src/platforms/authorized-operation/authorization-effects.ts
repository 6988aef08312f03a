import { endOfShanghaiDay } from '@gdx/calendar';
import { shanghaiDay, type WorkflowEvent, type WorkflowInstance } from '@gdx/kernel';
import { assessTerm, termEndedReasons, type MarCalculation } from '@gdx/procedures';
import { toReasons } from '../workflow-host/index.js';
import type { AnnualReportRecord, AuthorizationRecord, AuthorizedOperationState, CeilingRecord, PricingActor } from './ao-records.js';
import { onAnnualReportOverdue } from './annual-report-duty.js';
import { onCeilingReportEvent } from './ceiling-report.js';
import { onDisclosureEvent } from './disclosure-duty.js';
import { carryAnnualReportDuty } from './ended-report-duty.js';
import { ENDED, followAuthorization } from './permission-effects.js';
import { reportYear } from './pricing-view.js';

/** Events whose written reasons the authorization shows. */
const REASONED = new Set(['suspend', 'revoke', 'request_termination', 'order_rectification', 'fail_evaluation']);

function recordEvaluation(authorization: AuthorizationRecord, instance: WorkflowInstance, event: WorkflowEvent): void {
  const to = instance.state;
  const decidedOn = shanghaiDay(Date.parse(event.at));
  const evaluation = event.data?.['evaluation'] as { result?: string; evaluator?: string } | undefined;
  const result =
    event.event === 'pass_evaluation' ? (evaluation?.result ?? 'passed') : event.event === 'fail_evaluation' || to === 'terminated' ? 'failed' : 'rectify';
  authorization.evaluations.push({
    // The year the evaluation started on (one started before `evaluatedYear` existed: the year before its decision, within the term).
    year: typeof instance.data['evaluatedYear'] === 'number' ? instance.data['evaluatedYear'] : reportYear(authorization, decidedOn),
    result,
    evaluator: evaluation?.evaluator ?? null,
    decidedOn,
    reasons: toReasons(event.data?.['reasons']),
  });
}

/** Records a pricing decision the simulation API checked before dispatching it. */
function recordPricing(authorization: AuthorizationRecord, event: WorkflowEvent): void {
  const { pricing } = authorization;
  if (event.event === 'set_mar') {
    const mar = event.data?.['mar'] as { year: number; calculation: MarCalculation };
    pricing.mar[String(mar.year)] = mar.calculation;
  }
  if (event.event === 'set_ceiling') {
    const ceiling = event.data?.['ceiling'] as CeilingRecord;
    pricing.ceilings = [...pricing.ceilings.filter((c) => c.productId !== ceiling.productId), ceiling];
  }
  if (event.event === 'apply_formal_fees') {
    // The applicant the platform checked: the grantor, or the operator in a journal an older version wrote.
    const { role, organizationId } = event.actor as PricingActor;
    pricing.formalApplication = { appliedOn: shanghaiDay(Date.parse(event.at)), appliedBy: { role, organizationId }, status: 'pending' };
  }
  if (pricing.formalApplication && (event.event === 'approve_formal_fees' || event.event === 'reject_formal_fees')) {
    pricing.formalApplication = { ...pricing.formalApplication, status: event.event === 'approve_formal_fees' ? 'approved' : 'rejected' };
  }
}

/**
 * Side effects of an authorization's events: evaluations, written reasons, an amended term,
 * the pricing decisions, its expiry at the term's end planned when it leaves `active` (whose
 * timer stops there), its annual report duty carried past its end (`carryAnnualReportDuty`), and
 * what its state means for its data access and products (`followAuthorization`: suspended with
 * it, no approvals outside `active`, ended with it).
 *
 * @example
 * ```ts
 * onAuthorizationEvent(state, instance, event); // from the binding's onEvent
 * ```
 */
export function onAuthorizationEvent(state: AuthorizedOperationState, instance: WorkflowInstance, event: WorkflowEvent): void {
  const authorization = state.authorizations.get(instance.id);
  if (!authorization) return;
  if (event.event && REASONED.has(event.event)) authorization.reasons = toReasons(event.data?.['reasons']);
  if (event.event === 'pass_evaluation' || event.event === 'fail_evaluation' || event.event === 'order_rectification') recordEvaluation(authorization, instance, event);
  if (event.event === 'approve_amendment' && typeof event.data?.['termEnd'] === 'string') {
    authorization.agreement = { ...authorization.agreement, term: { ...authorization.agreement.term, to: event.data['termEnd'] } };
    // The amendment's own justification: one given for the signed term does not cover a new one.
    const justification = event.data['justification'];
    authorization.termCheck = assessTerm(state.host.procedures.profile, authorization.agreement.term, typeof justification === 'string' ? justification : null, authorization.signedOn);
  }
  if (event.event === 'expire' && event.data?.['reasons'] !== undefined) authorization.reasons = toReasons(event.data['reasons']);
  recordPricing(authorization, event);
  onDisclosureEvent(state, instance, event);
  onCeilingReportEvent(state, instance, event);
  onAnnualReportOverdue(state, authorization, event);
  if (event.to !== null && event.from !== event.to && ENDED.has(event.to)) carryAnnualReportDuty(state, authorization, event);
  if (event.from === 'active' && event.to !== null && event.to !== 'active' && !ENDED.has(event.to)) planTermEnd(state, authorization, event.to);
  followAuthorization(state, authorization, event);
}

/**
 * Plans the clock's `expire` for the end of the term (24:00 of its last day, or now when that has
 * passed) as the authorization leaves `active`, whose own `term` timer stops there: the term bounds
 * it in every running state (27号 第十四条(二)), and `termination_requested` never returns to
 * `active`. The machine's `termEnded` guard refuses the event if the term was amended since, and
 * the authorization back in `active` has its own timer again. `leftFor` is the state it left
 * `active` for: the reason (`TERM_ENDED`) says what was pending lapses.
 */
function planTermEnd(state: AuthorizedOperationState, authorization: AuthorizationRecord, leftFor: string): void {
  const at = Math.max(state.sandbox.now(), endOfShanghaiDay(authorization.agreement.term.to));
  state.host.plan(at, authorization.id, 'expire', { role: 'clock' }, { reasons: termEndedReasons(leftFor) });
}

/**
 * The day the annual report on the year an evaluation starting on `day` evaluates (the year
 * before, within the term) was filed, if it was: the evaluation's 30 WD run from it (choice of
 * authorized-operation.md §3, "30 WD after the annual report").
 *
 * @example
 * ```ts
 * annualReportOn(authorization, '2026-03-02'); // '2026-02-02' — the report on 2025
 * ```
 */
export function annualReportOn(authorization: AuthorizationRecord, day: string): string | undefined {
  const report = authorization.pricing.reports.find((r) => r.year === reportYear(authorization, day));
  return report ? shanghaiDay(report.submittedAt) : undefined;
}

/**
 * Starts the running evaluation's clock from a report on the year it evaluates that was filed after
 * the evaluation started (the clock's `annual_report_filed`); a re-evaluation after a rectification
 * keeps its own clock, and a report on another year changes nothing.
 *
 * @example
 * ```ts
 * onAnnualReport(state, authorization, report); // after storing it
 * ```
 */
export function onAnnualReport(state: AuthorizedOperationState, authorization: AuthorizationRecord, report: AnnualReportRecord): void {
  const instance = state.host.get(authorization.id);
  if (instance?.state !== 'under_evaluation' || instance.data['rectified'] === true || instance.data['annualReportOn']) return;
  const filedOn = shanghaiDay(report.submittedAt);
  if (report.year !== reportYear(authorization, filedOn)) return;
  state.host.engine.dispatch(authorization.id, 'annual_report_filed', { actor: { role: 'clock' }, payload: { annualReportOn: filedOn } });
}
