import type { MachineDefinition } from '@gdx/kernel';
import type { Profile } from '../../profile-schema.js';
import { explainOverdue, profileLimit } from '../profile-limit.js';

/**
 * Data access within an authorization, per scenario (101号 第十二条 一场景一清单一审定; 厦门办法
 * 第十二、十六、十七条). The profile's `dataAccessRequester` applies: the `operator`, reviewed by the
 * data authority with the holder (choice 10 WD), or Xiamen's `data_user` (二级开发主体), reviewed by
 * the operator (the 一级) within 5 WD of receipt. With `agreementReport` (Xiamen) an approval opens
 * the `agreement_report` step: the signed 开发利用协议 is reported within 5 WD (`report_agreement`,
 * payload `report`; permissions open only then).
 *
 * @example
 * engine.create('authorized-operation.data-access', { id: 'aoq_1', actor: { role: 'data_user' } });
 */
export function dataAccessMachine(profile: Profile): MachineDefinition {
  const options = profile.options.authorizedOperation;
  const reviewers = options.dataAccessRequester === 'data_user' ? ['operator'] : ['data_authority', 'data_provider'];
  return {
    id: 'authorized-operation.data-access',
    initial: 'submitted',
    states: {
      submitted: { step: 'data_access_review', label: { zh: '待审核', en: 'Submitted' } },
      approved: { ...(options.agreementReport ? { step: 'agreement_report' } : {}), label: { zh: '已同意', en: 'Approved' } },
      rejected: { terminal: true, label: { zh: '不予同意', en: 'Rejected' } },
      ended: { terminal: true, label: { zh: '已结束', en: 'Ended' } },
    },
    transitions: [
      { from: 'submitted', event: 'approve_data_access', to: 'approved', by: reviewers },
      { from: 'submitted', event: 'reject_data_access', to: 'rejected', by: reviewers, requires: ['reasons'] },
      explainOverdue('submitted', reviewers),
      ...(options.agreementReport
        ? [{ from: 'approved', event: 'report_agreement', to: 'approved', by: ['operator'], guard: '!data.agreementReported', guardError: 'ALREADY_REPORTED', requires: ['report'], assign: ['report'], set: { agreementReported: true }, deadline: 'clear' as const, eventType: 'agreement_reported' }]
        : []),
      { from: 'approved', event: 'end_data_access', to: 'ended', by: ['data_authority', 'operator', 'clock'] },
    ],
    limits: {
      data_access_review: profileLimit(profile, 'authorized_operation.data_access_review', 'data_access_review', 'flag_overdue'),
      agreement_report: profileLimit(profile, 'authorized_operation.data_access_agreement_report', 'agreement_report', 'flag_overdue'),
    },
  };
}
