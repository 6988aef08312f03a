import { shanghaiDay, type WorkflowInstance } from '@gdx/kernel';
import { agreementReportDuty } from '@gdx/procedures';
import { invalid } from './ao-access.js';
import type { AuthorizedOperationState } from './ao-records.js';
import { unlessYearUnpublished } from './unpublished-year.js';

/** The day a data access request was approved, if it was. */
function approvalDay(instance: WorkflowInstance): string | undefined {
  const approved = instance.events.find((e) => e.event === 'approve_data_access');
  return approved ? shanghaiDay(Date.parse(approved.at)) : undefined;
}

/**
 * 400 at `/signedOn` unless an approved request's 开发利用协议 was signed between its approval
 * (厦门办法 第十二条 "审核通过的…签订") and `today`: the report's 5 WD run from that day.
 * A request not approved is left to the machine (409).
 *
 * @example
 * ```ts
 * checkSignedOn(instance, body.signedOn, shanghaiDay(sandbox.now()));
 * ```
 */
export function checkSignedOn(instance: WorkflowInstance, signedOn: string, today: string): void {
  const approvedOn = approvalDay(instance);
  if (approvedOn !== undefined && signedOn < approvedOn) {
    throw invalid('/signedOn', 'SIGNED_BEFORE_APPROVAL', `开发利用协议须在申请审核通过（${approvedOn}）后签订`, `The agreement is signed once the application was approved (${approvedOn})`);
  }
  if (signedOn > today) throw invalid('/signedOn', 'DATE_IN_FUTURE', '签订日期不得晚于今天', 'signedOn cannot lie in the future');
}

/** The duty of a report stating `signedOn`, made at `reportedAt`, on a request approved on `approvedOn`; throws the calendar's `CALENDAR_NOT_PUBLISHED` when its 5 WD reach a year without a schedule. */
function dutyOf(state: AuthorizedOperationState, signedOn: string, approvedOn: string, reportedAt: number) {
  return agreementReportDuty(state.host.procedures.profile, state.sandbox.calendar, { signedOn, approvedOn, reportedAt });
}

/**
 * Refuses, before anything is recorded, a report whose period cannot be computed: its 5 WD
 * reaching a year without a published holiday schedule answer 422 `CALENDAR_NOT_PUBLISHED`, as
 * every other deadline-bearing action (domain README, Time 4) — recording it would drop the duty.
 * A request not approved is left to the machine (409).
 *
 * @example
 * ```ts
 * checkReportPeriod(state, instance, body.signedOn, sandbox.now());
 * ```
 */
export function checkReportPeriod(state: AuthorizedOperationState, instance: WorkflowInstance, signedOn: string, reportedAt: number): void {
  const approvedOn = approvalDay(instance);
  if (approvedOn !== undefined) dutyOf(state, signedOn, approvedOn, reportedAt);
}

/**
 * The contract's `AgreementReportDuty` of a request whose signed agreement was reported (Xiamen):
 * 5 WD from the signing day the report states (or from the approval, per the profile's
 * `agreementReportFrom`), `late` when reported after. `null` before the report (a report whose
 * period reaches an unpublished year is refused: `checkReportPeriod`; one kept from before that
 * check shows `null` too).
 *
 * @example
 * ```ts
 * agreementReportDutyOf(state, instance); // { startedOn: '2025-10-13', dueDate: '2025-10-20', late: false, … }
 * ```
 */
export function agreementReportDutyOf(state: AuthorizedOperationState, instance: WorkflowInstance) {
  const reported = instance.events.find((e) => e.type === 'agreement_reported');
  const approvedOn = approvalDay(instance);
  if (!reported || approvedOn === undefined) return null;
  const { signedOn } = reported.data?.['report'] as { signedOn: string };
  // A read never fails on the calendar: a report kept from before `checkReportPeriod` (an
  // imported or older sandbox) shows no duty rather than making the request unreadable.
  return unlessYearUnpublished(() => dutyOf(state, signedOn, approvedOn, Date.parse(reported.at))) ?? null;
}
