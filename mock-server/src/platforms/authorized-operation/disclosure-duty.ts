import type { WorkflowEvent, WorkflowInstance } from '@gdx/kernel';
import { disclosureDuty, type DisclosureDuty, type DutyOptions } from '@gdx/procedures';
import { REVISIONS } from '../../app/platform-module.js';
import type { AuthorizedOperationState } from './ao-records.js';
import { ENDED } from './permission-effects.js';
import { onCalendar, reachesYear, unlessYearUnpublished, type CalendarEstimate } from './unpublished-year.js';

/** Events that start a disclosure period (`disclosureDuty`): an approved change, and a disclosure's yearly repeat. */
const STARTS_PERIOD = new Set(['approve_amendment', 'disclose']);

/** `disclosureDuty` of an authorization that carries the duty (`data.disclosureDuty`), else `undefined`. */
function dutyOf(state: AuthorizedOperationState, instance: WorkflowInstance): ((options: DutyOptions) => DisclosureDuty) | undefined {
  const signedOn = instance.data['signedOn'];
  if (instance.data['disclosureDuty'] !== true || typeof signedOn !== 'string') return undefined;
  return (options) => disclosureDuty(state.host.procedures.profile, state.sandbox.calendar, signedOn, instance.events, options);
}

/**
 * The running disclosure period of an authorization that carries the duty (`data.disclosureDuty`:
 * signed since `REVISIONS.reportingDuties`, or disclosed once), else `undefined`; an estimate
 * (`onCalendar`) while it reaches a year without a published calendar.
 */
function runningDuty(state: AuthorizedOperationState, instance: WorkflowInstance): (DisclosureDuty & CalendarEstimate) | undefined {
  const duty = dutyOf(state, instance);
  return (duty && onCalendar(state.sandbox.calendar, duty)) ?? undefined;
}

/**
 * The running period the clock may be planned for: never an estimate (its end is not an official
 * day). Before `REVISIONS.dutyEstimates` only a log counted without any missing year was, and a
 * command journaled then replays so.
 */
function plannableDuty(state: AuthorizedOperationState, instance: WorkflowInstance): DisclosureDuty | undefined {
  if (state.sandbox.revision() < REVISIONS.dutyEstimates) {
    const duty = dutyOf(state, instance);
    return duty && unlessYearUnpublished(() => duty({}));
  }
  const duty = runningDuty(state, instance);
  return duty?.estimate === false ? duty : undefined;
}

/** Plans the clock's `disclosure_overdue` for the end of the running period (the machine's guard drops it if met by then). */
function planOverdue(state: AuthorizedOperationState, instance: WorkflowInstance): void {
  const duty = plannableDuty(state, instance);
  if (duty) state.host.plan(Date.parse(duty.dueAt), instance.id, 'disclosure_overdue', { role: 'clock' }, { since: duty.since, dueAt: duty.dueAt });
}

/**
 * Plans the end of a running disclosure period that reaches `year`, just loaded into the sandbox
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
  const duty = runningDuty(state, instance);
  if (duty && reachesYear(duty, year)) planOverdue(state, instance);
}

/**
 * The instance data that puts a just signed authorization under the disclosure duty (27号
 * 第十八条, choice: 20 WD from the signing day, `startDisclosureDuty` then plans its end): none
 * for a signing journaled before the duty (`REVISIONS.reportingDuties`), which replays without it,
 * since its plan and overdue event would shift the feed an older version answered.
 *
 * @example
 * ```ts
 * host.create('authorized-operation.authorization', { id, actor, data: { termEnd, signedOn, ...disclosureDutyData(state) } });
 * ```
 */
export function disclosureDutyData(state: AuthorizedOperationState): { disclosureDuty?: true } {
  return state.sandbox.revision() < REVISIONS.reportingDuties ? {} : { disclosureDuty: true };
}

/**
 * Plans the end of a just signed authorization's first disclosure period, when it carries the duty.
 *
 * @example
 * ```ts
 * startDisclosureDuty(state, id); // right after creating the authorization
 * ```
 */
export function startDisclosureDuty(state: AuthorizedOperationState, id: string): void {
  const instance = state.host.get(id);
  if (instance) planOverdue(state, instance);
}

/**
 * Plans the end of the period an approved amendment or a disclosure starts (a change: 20 WD,
 * unless the running period ends sooner; a disclosure: its yearly repeat).
 *
 * @example
 * ```ts
 * onDisclosureEvent(state, instance, event); // from onAuthorizationEvent
 * ```
 */
export function onDisclosureEvent(state: AuthorizedOperationState, instance: WorkflowInstance, event: WorkflowEvent): void {
  if (event.event === undefined || !STARTS_PERIOD.has(event.event)) return;
  // A change whose period ends after the running one's leaves that one (already planned) in place.
  if (event.event === 'approve_amendment' && runningDuty(state, instance)?.startTrigger !== 'agreement_amended') return;
  planOverdue(state, instance);
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
  if (ENDED.has(instance.state)) return null;
  const duty = runningDuty(state, instance);
  if (!duty) return null;
  const { since: _since, lastLate, ...period } = duty;
  return { ...period, overdue: instance.data['disclosureOverdue'] === true, lastLate };
}
