import type { MachineDefinition, TransitionDefinition } from '@gdx/kernel';
import type { Profile } from '../../profile-schema.js';
import { explainOverdue, profileLimit } from '../profile-limit.js';
import { CLOSE, heldReview, REOPEN } from './held-review.js';

const SUSPEND = { event: 'suspend_access', eventType: 'access_suspended' };
const RESUME = { event: 'resume_access', eventType: 'access_resumed' };

/**
 * Data access within an authorization, per scenario (101号 第十二条 一场景一清单一审定; 厦门办法
 * 第十二、十六、十七条). The profile's `dataAccessRequester` applies: the `operator`, reviewed by the
 * data authority with the holder (choice 10 WD), or Xiamen's `data_user` (二级开发主体), reviewed by
 * the operator (the 一级) within 5 WD of receipt. With `agreementReport` (Xiamen) the signed
 * 开发利用协议 is reported within 5 WD (`report_agreement`, payload `report`; permissions open only
 * then): from the signing day the report states (`agreementReportFrom: signing`, judged by
 * `agreementReportDuty`), or, with `approval`, as the `agreement_report` step an approval opens.
 * While the authorization is suspended the clock marks its requests `data.accessSuspended`
 * (`suspend_access`, `resume_access` on reinstatement) and none is approved (`AUTHORIZATION_NOT_ACTIVE`).
 * While the authorization takes no new permissions — amending, under evaluation, rectifying (unless
 * the profile's `permissionsOpenWhile` keeps them open) or awaiting its early termination — the
 * clock closes a pending request's approval (`close_approval`, `data.approvalClosed`; the same
 * refusal) and reopens it when the authorization is `active` again (`reopen_approval`); an
 * approved request stays approved. While held, the request's review limit stops under the
 * profile's `heldReviewClock: resume` (the default) and runs on with the days it had left once
 * released. When the authorization expires or terminates
 * the clock ends a pending request (`authorization_ended`, with `reasons`; an approved one by
 * `end_data_access`).
 *
 * @example
 * engine.create('authorized-operation.data-access', { id: 'aoq_1', actor: { role: 'data_user' } });
 */
export function dataAccessMachine(profile: Profile): MachineDefinition {
  const options = profile.options.authorizedOperation;
  const reviewers = options.dataAccessRequester === 'data_user' ? ['operator'] : ['data_authority', 'data_provider'];
  // Counted from signing, the report's period is known only once the report states the day: no step.
  const reportStep = options.agreementReport && options.agreementReportFrom === 'approval';
  // The clock's `suspend_access` / `resume_access` while the authorization is suspended (101号 第三十二条
  // 暂停其公共数据申请及加工利用使用权限), recorded on the request. A self-transition would restart a
  // cleared step: a reported agreement's `agreement_report` stays cleared.
  // A pending request's review is held, its clock stopped under `heldReviewClock: resume` (`heldReview`).
  const permissions = (state: string): TransitionDefinition[] => {
    if (state === 'submitted') return heldReview(profile, state, 'accessSuspended', SUSPEND, RESUME);
    return (['suspend_access', 'resume_access'] as const).flatMap((event) => {
      const t = { from: state, event, to: state, by: ['clock'], set: { accessSuspended: event === 'suspend_access' }, eventType: event === 'suspend_access' ? 'access_suspended' : 'access_resumed' };
      return state === 'approved' && reportStep ? [{ ...t, guard: 'data.agreementReported', deadline: 'clear' as const }, t] : [t];
    });
  };
  return {
    id: 'authorized-operation.data-access',
    initial: 'submitted',
    states: {
      submitted: { step: 'data_access_review', label: { zh: '待审核', en: 'Submitted' } },
      approved: { ...(reportStep ? { step: 'agreement_report' } : {}), label: { zh: '已同意', en: 'Approved' } },
      rejected: { terminal: true, label: { zh: '不予同意', en: 'Rejected' } },
      ended: { terminal: true, label: { zh: '已结束', en: 'Ended' } },
    },
    transitions: [
      { from: 'submitted', event: 'approve_data_access', to: 'approved', by: reviewers, guard: 'accessApprovable', guardError: 'AUTHORIZATION_NOT_ACTIVE' },
      { from: 'submitted', event: 'reject_data_access', to: 'rejected', by: reviewers, requires: ['reasons'] },
      explainOverdue('submitted', reviewers),
      ...(options.agreementReport
        ? [{ from: 'approved', event: 'report_agreement', to: 'approved', by: ['operator'], guard: '!data.agreementReported', guardError: 'ALREADY_REPORTED', requires: ['report'], assign: ['report'], set: { agreementReported: true }, deadline: 'clear' as const, eventType: 'agreement_reported' }]
        : []),
      { from: 'approved', event: 'end_data_access', to: 'ended', by: ['data_authority', 'operator', 'clock'] },
      ...permissions('submitted'),
      ...permissions('approved'),
      // While its authorization takes no new permissions (amending, under evaluation, rectifying,
      // its early termination requested: `permissionsOpen`), nothing is approved within it, as
      // nothing is submitted; `reopen_approval` when it is `active` again (a termination request
      // never is). The host sends both (payload `authorizationState`, kept in the event).
      ...heldReview(profile, 'submitted', 'approvalClosed', CLOSE, REOPEN),
      // 101号 第三十七条 (permissions revoked at the end): a request still pending can never be
      // approved, so it ends with the authorization instead of waiting, overdue, for ever.
      { from: 'submitted', event: 'authorization_ended', to: 'ended', by: ['clock'], requires: ['reasons'] },
    ],
    limits: {
      data_access_review: profileLimit(profile, 'authorized_operation.data_access_review', 'data_access_review', 'flag_overdue'),
      agreement_report: profileLimit(profile, 'authorized_operation.data_access_agreement_report', 'agreement_report', 'flag_overdue'),
    },
  };
}
