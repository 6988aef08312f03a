import type { WorkflowEvent, WorkflowInstance } from '@gdx/kernel';
import { disclosureDuty, operatorDisclosureDuty, statusReportDuty, type DisclosureDuty, type DutyOptions, type Profile } from '@gdx/procedures';
import { REVISIONS } from '../../app/platform-module.js';
import type { AuthorizedOperationState } from './ao-records.js';
import { ENDED } from './permission-effects.js';
import { onCalendar, reachesYear, unlessYearUnpublished, type CalendarEstimate } from './unpublished-year.js';

/**
 * A periodic duty the authorization may carry, read from its log by `compute`: whether it carries
 * it (`data[dutyFlag]`, set at signing since `sinceRevision` where the profile `imposes` it, and by
 * its first disclosure or report), the flag and event of the clock that marks a period run out,
 * the events that start a period, and the change that starts one only when that ends sooner than
 * the running one.
 */
interface DisclosureKind {
  compute: typeof disclosureDuty;
  dutyFlag: string;
  overdueFlag: string;
  overdueEvent: string;
  startsPeriod: ReadonlySet<string>;
  change?: { event: string; startTrigger: string };
  sinceRevision: number;
  imposes?: (profile: Profile) => boolean;
}

/** The implementing body's disclosure (27号 第十八条): a change or a disclosure starts a period. */
const IMPLEMENTING_BODY: DisclosureKind = {
  compute: disclosureDuty,
  dutyFlag: 'disclosureDuty',
  overdueFlag: 'disclosureOverdue',
  overdueEvent: 'disclosure_overdue',
  startsPeriod: new Set(['approve_amendment', 'disclose']),
  change: { event: 'approve_amendment', startTrigger: 'agreement_amended' },
  sinceRevision: REVISIONS.reportingDuties,
};

/** The operator's disclosure of its product list and use of public data (27号 第十九条): each disclosure starts the next period. */
const OPERATOR: DisclosureKind = {
  compute: operatorDisclosureDuty,
  dutyFlag: 'operatorDisclosureDuty',
  overdueFlag: 'operatorDisclosureOverdue',
  overdueEvent: 'operator_disclosure_overdue',
  startsPeriod: new Set(['disclose_operation']),
  sinceRevision: REVISIONS.operatorDisclosure,
};

/**
 * Xiamen's status report of the 一级开发主体 (the operator) to the city data authority (厦门办法
 * 第二十四条): where the profile's `statusReport` option is on, each report starts the next period.
 */
const STATUS_REPORT: DisclosureKind = {
  compute: statusReportDuty,
  dutyFlag: 'statusReportDuty',
  overdueFlag: 'statusReportOverdue',
  overdueEvent: 'status_report_overdue',
  startsPeriod: new Set(['report_status']),
  sinceRevision: REVISIONS.statusReport,
  imposes: (profile) => profile.options.authorizedOperation.statusReport,
};

const KINDS = [IMPLEMENTING_BODY, OPERATOR, STATUS_REPORT] as const;

/** The duty of `kind` of an authorization that carries it, else `undefined`. */
function dutyOf(state: AuthorizedOperationState, instance: WorkflowInstance, kind: DisclosureKind): ((options: DutyOptions) => DisclosureDuty) | undefined {
  const signedOn = instance.data['signedOn'];
  if (instance.data[kind.dutyFlag] !== true || typeof signedOn !== 'string') return undefined;
  return (options) => kind.compute(state.host.procedures.profile, state.sandbox.calendar, signedOn, instance.events, options);
}

/**
 * The running period of a duty the authorization carries, else `undefined`; an estimate
 * (`onCalendar`) while it reaches a year without a published calendar.
 */
function runningDuty(state: AuthorizedOperationState, instance: WorkflowInstance, kind: DisclosureKind): (DisclosureDuty & CalendarEstimate) | undefined {
  const duty = dutyOf(state, instance, kind);
  return (duty && onCalendar(state.sandbox.calendar, duty)) ?? undefined;
}

/**
 * The running period the clock may be planned for: never an estimate (its end is not an official
 * day). Before `REVISIONS.dutyEstimates` only a log counted without any missing year was, and a
 * command journaled then replays so.
 */
function plannableDuty(state: AuthorizedOperationState, instance: WorkflowInstance, kind: DisclosureKind): DisclosureDuty | undefined {
  if (state.sandbox.revision() < REVISIONS.dutyEstimates) {
    const duty = dutyOf(state, instance, kind);
    return duty && unlessYearUnpublished(() => duty({}));
  }
  const duty = runningDuty(state, instance, kind);
  return duty?.estimate === false ? duty : undefined;
}

/** Plans the clock's overdue event for the end of the running period (the machine's guard drops it if met by then). */
function planOverdue(state: AuthorizedOperationState, instance: WorkflowInstance, kind: DisclosureKind): void {
  const duty = plannableDuty(state, instance, kind);
  if (duty) state.host.plan(Date.parse(duty.dueAt), instance.id, kind.overdueEvent, { role: 'clock' }, { since: duty.since, dueAt: duty.dueAt });
}

/**
 * Plans the end of a running disclosure period (of either duty) that reaches `year`, just loaded into the sandbox
 * calendar (`PlatformClockHooks.calendarChanged`): an estimate until then, it was not planned
 * (since `REVISIONS.dutyEstimates`; a due day already past is flagged at the clock's next step).
 * A period planned before (the year replaced) gets a second plan, which the machine's guard drops
 * once the first flagged it, as for a period an amendment shortened.
 *
 * @example
 * ```ts
 * planDisclosureOnCalendar(state, instance, 2027); // after PUT …/calendar/2027
 * ```
 */
export function planDisclosureOnCalendar(state: AuthorizedOperationState, instance: WorkflowInstance, year: number): void {
  if (state.sandbox.revision() < REVISIONS.dutyEstimates || ENDED.has(instance.state)) return;
  for (const kind of KINDS) {
    const duty = runningDuty(state, instance, kind);
    if (duty && reachesYear(duty, year)) planOverdue(state, instance, kind);
  }
}

/**
 * The instance data that puts a just signed authorization under the periodic duties
 * (`startDisclosureDuty` then plans their ends): the implementing body's (27号 第十八条, choice:
 * 20 WD from the signing day) since `REVISIONS.reportingDuties`, the operator's (第十九条, choice:
 * half-yearly) since `REVISIONS.operatorDisclosure`, and where the profile's `statusReport` is on
 * (Xiamen) the operator's status report (厦门办法 第二十四条, choice: quarterly) since
 * `REVISIONS.statusReport`. A signing journaled before replays without the duty, since its plan
 * and overdue event would shift the feed an older version answered.
 *
 * @example
 * ```ts
 * host.create('authorized-operation.authorization', { id, actor, data: { termEnd, signedOn, ...disclosureDutyData(state) } });
 * ```
 */
export function disclosureDutyData(state: AuthorizedOperationState): Record<string, true> {
  const revision = state.sandbox.revision();
  const profile = state.host.procedures.profile;
  return Object.fromEntries(KINDS.filter((kind) => revision >= kind.sinceRevision && (kind.imposes?.(profile) ?? true)).map((kind) => [kind.dutyFlag, true]));
}

/**
 * Plans the end of a just signed authorization's first period of each disclosure duty it carries.
 *
 * @example
 * ```ts
 * startDisclosureDuty(state, id); // right after creating the authorization
 * ```
 */
export function startDisclosureDuty(state: AuthorizedOperationState, id: string): void {
  const instance = state.host.get(id);
  if (instance) for (const kind of KINDS) planOverdue(state, instance, kind);
}

/**
 * Plans the end of the period an event starts: for the implementing body's duty an approved
 * amendment (20 WD, unless the running period ends sooner) or a disclosure (its yearly repeat);
 * for the operator's, its disclosure (the next half-year); for Xiamen's status report, the report
 * (the next quarter).
 *
 * @example
 * ```ts
 * onDisclosureEvent(state, instance, event); // from onAuthorizationEvent
 * ```
 */
export function onDisclosureEvent(state: AuthorizedOperationState, instance: WorkflowInstance, event: WorkflowEvent): void {
  if (event.event === undefined) return;
  for (const kind of KINDS) {
    if (!kind.startsPeriod.has(event.event)) continue;
    // A change whose period ends after the running one's leaves that one (already planned) in place.
    const change = kind.change;
    if (change !== undefined && event.event === change.event && runningDuty(state, instance, kind)?.startTrigger !== change.startTrigger) continue;
    planOverdue(state, instance, kind);
  }
}

/** The contract's view of a disclosure duty of `kind`, `null` when the authorization does not carry it or has ended. */
function viewOf(state: AuthorizedOperationState, instance: WorkflowInstance, kind: DisclosureKind) {
  if (ENDED.has(instance.state)) return null;
  const duty = runningDuty(state, instance, kind);
  if (!duty) return null;
  const { since: _since, lastLate, ...period } = duty;
  return { ...period, overdue: instance.data[kind.overdueFlag] === true, lastLate };
}

/**
 * The contract's `Authorization.disclosure`: the running period (an `estimate`, with its
 * `unpublishedYears`, while it reaches a year without a published holiday schedule), its `overdue`
 * flag as the clock set it, and the latest disclosure; `null` for an authorization without the
 * duty and once it expired or terminated (nothing in force is left to disclose).
 *
 * @example
 * ```ts
 * disclosureView(state, instance); // { startTrigger: 'agreement_signed', dueDate: '2026-02-02', overdue: false, estimate: false, … }
 * ```
 */
export function disclosureView(state: AuthorizedOperationState, instance: WorkflowInstance) {
  return viewOf(state, instance, IMPLEMENTING_BODY);
}

/**
 * The contract's `Authorization.operatorDisclosure` (27号 第十九条), as `disclosureView` shows the
 * implementing body's: `null` for an authorization signed before the duty (until the operator first
 * discloses) and once it ended.
 *
 * @example
 * ```ts
 * operatorDisclosureView(state, instance); // { startTrigger: 'agreement_signed', unit: 'months', limit: 6, dueDate: '2026-07-06', … }
 * ```
 */
export function operatorDisclosureView(state: AuthorizedOperationState, instance: WorkflowInstance) {
  return viewOf(state, instance, OPERATOR);
}

/**
 * The contract's `Authorization.statusReport` (厦门办法 第二十四条), as `disclosureView` shows the
 * implementing body's disclosure: `null` where the profile's `statusReport` is off, for an
 * authorization signed before the duty (until the operator first reports) and once it ended.
 *
 * @example
 * ```ts
 * statusReportView(state, instance); // { startTrigger: 'agreement_signed', unit: 'months', limit: 3, dueDate: '2026-04-07', … }
 * ```
 */
export function statusReportView(state: AuthorizedOperationState, instance: WorkflowInstance) {
  return viewOf(state, instance, STATUS_REPORT);
}
