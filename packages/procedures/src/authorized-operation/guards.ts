import { endOfDay, payloadGuard, shanghaiDay, type GuardRegistry, type WorkflowInstance } from '@gdx/kernel';
import type { Profile } from '../profile-schema.js';
import { assessTerm } from './term-check.js';

/**
 * Whether `term` is a term in order within the profile's cap, or over it with `justification` where
 * the `termPolicy` warns; the cap counted from `signedOn` when that comes before the term starts.
 */
function termWithinPolicy(profile: Profile, term: unknown, justification: unknown, signedOn: unknown): boolean {
  const t = term as { from?: unknown; to?: unknown } | undefined;
  if (typeof t?.from !== 'string' || typeof t.to !== 'string' || t.to < t.from) return false;
  const signed = typeof signedOn === 'string' ? signedOn : null;
  return assessTerm(profile, { from: t.from, to: t.to }, typeof justification === 'string' ? justification : null, signed).outcome !== 'error';
}

/** The selection methods that are tenders, whose bid period closes (招标投标法 第二十四、二十八条). */
const TENDERS: ReadonlySet<unknown> = new Set(['open_tender', 'invited_tender']);

const FORMAL_FEE_EVENTS = new Set(['apply_formal_fees', 'approve_formal_fees', 'reject_formal_fees']);

/**
 * Whether the formal-fee application awaits its assessment: the latest formal-fee
 * event of the log is the application. Read from the log, not from `data`, so an authorization
 * recorded before this guard existed (a snapshot, a replayed journal) is judged the same way.
 */
function formalFeesPending(instance: WorkflowInstance): boolean {
  for (let i = instance.events.length - 1; i >= 0; i -= 1) {
    const event = instance.events[i]!.event;
    if (event !== undefined && FORMAL_FEE_EVENTS.has(event)) return event === 'apply_formal_fees';
  }
  return false;
}

/** Whether the latest ceiling set under the duty came after the grantor's latest report. */
function ceilingsAwaitReport(instance: WorkflowInstance): boolean {
  for (let i = instance.events.length - 1; i >= 0; i -= 1) {
    const event = instance.events[i]!;
    if (event.event === 'report_ceilings') return false;
    if (event.event === 'set_ceiling' && event.data?.['reportDue'] === true) return true;
  }
  return false;
}

/**
 * Whether a duty's period planned at log position `since` is still unmet: not flagged yet
 * (`data[flag]`), and no `meetingEvent` in the log from there on.
 */
function stillDue(instance: WorkflowInstance, since: unknown, flag: string, meetingEvent: string): boolean {
  if (typeof since !== 'number' || instance.data[flag] === true) return false;
  return !instance.events.slice(since).some((e) => e.event === meetingEvent);
}

/**
 * The named guards of the authorized-operation machines, bound to a profile:
 * - `tenderPeriodOver` — a negotiation may select at once; a tender only after its minimum bid
 *   period (`data.tenderClosed`, set by the clock's `close_tender`).
 * - `tenderOpen` — a tender (`open_tender`, `invited_tender`) takes bids only until that period
 *   ends: its end is the bid deadline (招标投标法 第二十四条 counts the 20 days up to 投标截止, and
 *   第二十八条 refuses a bid after it). A negotiation names whom it negotiated with and runs no bid
 *   deadline, so it takes bids throughout.
 * - `termAcceptable` — the signed agreement's term (`payload.agreement.term`) is within the cap,
 *   or over it with `payload.justification` where the profile's `termPolicy` is `warning`; the
 *   cap counted from the signing day (today) when the term starts later (`assessTerm`).
 * - `amendedTermAcceptable` — the same cap for an amendment's new term (`payload.term`, 27号
 *   第十四条(二) binds the agreement however it is changed), from `data.signedOn` when the term
 *   started after it; an amendment keeping the term passes.
 *   These two read the payload only, and are marked so (`payloadGuard`): the kernel's
 *   `acceptedEvents` lists their events, which a payload may pass.
 * - `accessApprovable` — a data access request may be approved: its authorization is neither
 *   suspended (`data.accessSuspended`) nor awaiting its early termination (`data.approvalClosed`),
 *   both set by the clock.
 * - `termEnded` — the clock's `expire` comes at or after 24:00 of the term's last day
 *   (`data.termEnd`; without it, when the `term` step's timer says so): an expiry planned for an
 *   earlier end, since amended, is refused.
 * - `grantorApplies` — the formal-fee application (`apply_formal_fees`) is sent by the grantor
 *   (65号 二 "授权主体应…提出书面申请"). Named, not left to the transition's roles, so a host can
 *   replay an application an older version took from the operator (a journal) as it was answered.
 * - `formalFeesPending` — the formal-fee application (`apply_formal_fees`) awaits its assessment:
 *   `approve_formal_fees` and `reject_formal_fees` decide a pending application only (65号 二).
 * - `negotiationOpensWithoutPeriod` — a negotiation is created in `selecting` without the tender
 *   period (招标投标法 第二十四条 binds tenders only), so no event of it carries one;
 *   `negotiationRunsNoPeriod` — the clock's `start_negotiation` drops the period from a
 *   negotiation created with it, once; `negotiationWithoutPeriod` — a negotiation's bid keeps it
 *   dropped. Named, so a host can keep the period, or its drop by the clock, for a command of a
 *   version that ran it so (a journal replayed), as it ran.
 * - `holdStopsReviewClock` — a hold of a review's approval stops its limit (`heldReview`, under
 *   `heldReviewClock: resume`): the review is not overdue yet, since a pause must not clear the
 *   record of a missed limit. Named, not the built-in `!overdue`, so a host can make a hold
 *   recorded before the clock stopped (a journal replayed) keep it running, as it ran.
 * - `ceilingsAwaitReport` — the grantor's `report_ceilings` reports ceilings set under the duty
 *   (`data.reportDue` on `set_ceiling`) since its last report (65号 二): read from the log.
 * - `ceilingReportStillDue` — the clock's `ceiling_report_overdue` flags the period it was planned
 *   for (`payload.since`) only if no `report_ceilings` came since and it is not flagged already.
 * - `disclosureStillDue` — the clock's `disclosure_overdue` flags the disclosure period it was
 *   planned for (`payload.since`, the log position the period starts after) only if no
 *   `disclose` came since and the duty is not flagged already (a period an amendment shortened
 *   has two plans; the later one finds it flagged).
 * - `operatorDisclosureStillDue` — the same for the operator's disclosure (27号 第十九条): the
 *   clock's `operator_disclosure_overdue` flags its period only if no `disclose_operation` came since.
 * - `statusReportStillDue` — the same for Xiamen's status report (厦门办法 第二十四条): the clock's
 *   `status_report_overdue` flags its period only if no `report_status` came since.
 *
 * @example
 * new WorkflowEngine({ machines, calendar, clock, guards: authorizedOperationGuards(profile) });
 */
export function authorizedOperationGuards(profile: Profile): GuardRegistry {
  return {
    tenderPeriodOver: (instance) => instance.data['method'] === 'negotiation' || instance.data['tenderClosed'] === true,
    tenderOpen: (instance) => !TENDERS.has(instance.data['method']) || instance.data['tenderClosed'] !== true,
    negotiationOpensWithoutPeriod: (instance) => instance.data['method'] === 'negotiation',
    negotiationRunsNoPeriod: (instance) => instance.data['method'] === 'negotiation' && instance.deadline !== null,
    negotiationWithoutPeriod: (instance) => instance.data['method'] === 'negotiation',
    // On the payload: marked, so a refusal's allowed events and the timelines list `sign` and `approve_amendment`.
    // Signed today: the authorization is in force from today (Asia/Shanghai), so the cap counts from it when the term starts later.
    termAcceptable: payloadGuard((_instance, input, ctx) =>
      termWithinPolicy(profile, (input.payload?.['agreement'] as { term?: unknown } | undefined)?.term, input.payload?.['justification'], shanghaiDay(ctx.now))),
    amendedTermAcceptable: payloadGuard((instance, input) =>
      input.payload?.['term'] === undefined || termWithinPolicy(profile, input.payload['term'], input.payload['justification'], instance.data['signedOn'])),
    accessApprovable: (instance) => instance.data['accessSuspended'] !== true && instance.data['approvalClosed'] !== true,
    termEnded: (instance, _input, ctx) => {
      const termEnd = instance.data['termEnd'];
      return typeof termEnd !== 'string' || ctx.now >= endOfDay(termEnd);
    },
    grantorApplies: (_instance, input) => input.actor.role === 'grantor',
    formalFeesPending,
    holdStopsReviewClock: (instance) => instance.deadline?.overdue !== true,
    ceilingsAwaitReport,
    ceilingReportStillDue: payloadGuard((instance, input) => stillDue(instance, input.payload?.['since'], 'ceilingReportOverdue', 'report_ceilings')),
    disclosureStillDue: payloadGuard((instance, input) => stillDue(instance, input.payload?.['since'], 'disclosureOverdue', 'disclose')),
    operatorDisclosureStillDue: payloadGuard((instance, input) => stillDue(instance, input.payload?.['since'], 'operatorDisclosureOverdue', 'disclose_operation')),
    statusReportStillDue: payloadGuard((instance, input) => stillDue(instance, input.payload?.['since'], 'statusReportOverdue', 'report_status')),
  };
}
