import { formatShanghaiInstant } from '@gdx/calendar';
import { shanghaiDay, type WorkflowEvent } from '@gdx/kernel';
import { annualReportDue } from '@gdx/procedures';
import { REVISIONS } from '../../app/platform-module.js';
import type { FiredLog } from '../../sandbox/fired-log.js';
import type { AuthorizationRecord, AuthorizedOperationState, EndedReportDuty } from './ao-records.js';
import { EndedReportClock } from './ended-report-clock.js';
import { pricingRules } from './pricing-view.js';
import { authorizationView } from './wire-views.js';

const yearOf = (day: string) => Number(day.slice(0, 4));

/** The report's deadline: 24:00 of its due day (`annualReportDue`), epoch ms and as the contract writes it. */
function dueOf(state: AuthorizedOperationState, year: number): { at: number; dueAt: string } {
  const { dueAt } = annualReportDue(year, pricingRules(state), { submittedAt: null, now: state.sandbox.now() });
  return { at: Date.parse(dueAt), dueAt };
}

/** Queues the duty's year on the platform's clock: at its deadline, never before now (no event is dated before it was planned). */
function schedule(state: AuthorizedOperationState, authorizationId: string, duty: EndedReportDuty): void {
  state.endedReports.schedule(authorizationId, Math.max(dueOf(state, duty.year).at, state.sandbox.now()), duty);
}

/** Awaits the report on `duty.year` while it is a year the authorization ran; past its last year the duty is met. */
function awaitYear(state: AuthorizedOperationState, authorization: AuthorizationRecord, duty: EndedReportDuty): void {
  if (duty.year > duty.lastYear) {
    delete authorization.pricing.endedReportDuty;
    return;
  }
  authorization.pricing.endedReportDuty = duty;
  schedule(state, authorization.id, duty);
}

/**
 * Gives the state its clock of the reports due after an authorization ended, with the duties its
 * records hold queued (a state built from a snapshot holds those of authorizations ended before).
 *
 * @example
 * ```ts
 * startEndedReportClock(state); // once the state's records and host are in place
 * ```
 */
export function startEndedReportClock(state: AuthorizedOperationState): void {
  state.endedReports = new EndedReportClock((entry) => state.authorizations.get(entry.ref)?.pricing.endedReportDuty === entry.owner);
  for (const authorization of state.authorizations.values()) {
    const duty = authorization.pricing.endedReportDuty;
    if (duty) schedule(state, authorization.id, duty);
  }
}

/**
 * Carries the annual report duty past the authorization's end (`event`: it expired or
 * terminated): the duty is on the years it ran (65号 五, 上一年度), so the report planned next is
 * still owed, and those after it up to the year it ended in (the last instant it ran). The
 * engine's plan is withdrawn (the ended machine would refuse it) and the platform's clock times
 * the rest (`fireEndedReportDuties`). An end journaled before
 * `REVISIONS.annualReportOverdueAfterEnd` replays as it ran: the plan is left to be refused.
 *
 * @example
 * ```ts
 * carryAnnualReportDuty(state, authorization, event); // from onAuthorizationEvent, as it ends
 * ```
 */
export function carryAnnualReportDuty(state: AuthorizedOperationState, authorization: AuthorizationRecord, event: WorkflowEvent): void {
  const planned = authorization.pricing.reportOverduePlan;
  if (!planned || state.sandbox.revision() < REVISIONS.annualReportOverdueAfterEnd) return;
  state.host.cancelPlan(planned.planId);
  delete authorization.pricing.reportOverduePlan;
  // An expiry at 24:00 of the term's last day ran none of the next day; an end planned late never runs past the term.
  const lastYear = Math.min(yearOf(shanghaiDay(Date.parse(event.at) - 1)), yearOf(authorization.agreement.term.to));
  awaitYear(state, authorization, { year: planned.year, lastYear, recorded: 0 });
}

/**
 * A report filed on the year an ended authorization's duty awaits meets it first: the next year
 * it ran is awaited, or none. Any other report changes nothing.
 *
 * @example
 * ```ts
 * onEndedReportFiled(state, authorization, 2029); // from onAnnualReportFiled
 * ```
 */
export function onEndedReportFiled(state: AuthorizedOperationState, authorization: AuthorizationRecord, year: number): void {
  const duty = authorization.pricing.endedReportDuty;
  if (duty?.year === year) awaitYear(state, authorization, { ...duty, year: year + 1 });
}

/** Puts the missed report on the authorization's feed and webhooks as the running one would be, after its log. */
function recordMissed(state: AuthorizedOperationState, authorization: AuthorizationRecord, duty: EndedReportDuty, fired: FiredLog): void {
  const instance = state.host.engine.get(authorization.id);
  const at = formatShanghaiInstant(state.sandbox.now());
  const ended = instance.state;
  state.sandbox.emit({
    platform: 'authorized-operation',
    objectType: 'authorization',
    objectId: authorization.id,
    organizationId: authorization.operatorId,
    alsoNotify: [authorization.implementingBodyId],
    event: {
      // Numbered on from the ended log, which takes no event after its end.
      seq: instance.events.length + duty.recorded + 1,
      type: 'annual_report_overdue',
      at,
      actor: { role: 'clock', organizationId: null },
      from: ended,
      to: ended,
      reason: null,
      deadline: null,
      data: { year: duty.year, dueAt: dueOf(state, duty.year).dueAt },
    },
    object: () => authorizationView(state, authorization),
  });
  if (fired.lists()) fired.listed.push({ at, platform: 'authorized-operation', objectType: 'authorization', objectId: authorization.id, type: 'annual_report_overdue', from: ended, to: ended });
}

/**
 * Records `annual_report_overdue` for each ended authorization whose awaited report fell due by
 * now without it, then awaits its next year. Called by the platform's clock after the engine's
 * timers of the same instant.
 *
 * @example
 * ```ts
 * fireEndedReportDuties(state, fired); // from the platform's fireDue
 * ```
 */
export function fireEndedReportDuties(state: AuthorizedOperationState, fired: FiredLog): void {
  for (const id of state.endedReports.takeDue(state.sandbox.now())) {
    const authorization = state.authorizations.get(id);
    const duty = authorization?.pricing.endedReportDuty;
    if (!authorization || !duty) continue;
    recordMissed(state, authorization, duty, fired);
    awaitYear(state, authorization, { year: duty.year + 1, lastYear: duty.lastYear, recorded: duty.recorded + 1 });
  }
}
