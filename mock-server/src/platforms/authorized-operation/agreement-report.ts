import { shanghaiDay, type WorkflowInstance } from '@gdx/kernel';
import { agreementReportDuty } from '@gdx/procedures';
import { invalid } from './ao-access.js';
import type { AuthorizedOperationState } from './ao-records.js';
import { onCalendar } from './unpublished-year.js';

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

/**
 * The contract's `AgreementReportDuty` of a request whose signed agreement was reported (Xiamen):
 * 5 WD from the signing day the report states (or from the approval, per the profile's
 * `agreementReportFrom`), `late` when reported after; `null` before the report. A period reaching a
 * year without a published holiday schedule is an estimate (`onCalendar`: `estimate: true`,
 * `unpublishedYears`, counted Monday–Friday there), never judged `late` on that estimate: the read
 * counts it on the year once it is loaded (`PUT …/calendar/{year}`). Nothing is planned for it, so
 * a journal replays it as it was answered.
 *
 * @example
 * ```ts
 * agreementReportDutyOf(state, instance); // { startedOn: '2025-10-13', dueDate: '2025-10-20', late: false, estimate: false, … }
 * ```
 */
export function agreementReportDutyOf(state: AuthorizedOperationState, instance: WorkflowInstance) {
  const reported = instance.events.find((e) => e.type === 'agreement_reported');
  const approvedOn = approvalDay(instance);
  if (!reported || approvedOn === undefined) return null;
  const { signedOn } = reported.data?.['report'] as { signedOn: string };
  const { profile } = state.host.procedures;
  const { calendar } = state.sandbox;
  const duty = onCalendar(calendar, (options) => agreementReportDuty(profile, calendar, { signedOn, approvedOn, reportedAt: Date.parse(reported.at) }, options));
  // A report made in an unpublished year may have come after the estimated end but not the real one.
  return duty && { ...duty, late: duty.late && !duty.estimate };
}
