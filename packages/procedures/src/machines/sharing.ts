import type { MachineDefinition } from '@gdx/kernel';
import type { Profile } from '../profile-schema.js';
import { answerDutyMachine } from './answer-duty.js';
import { WHILE_PERIOD_RUNS } from './period-of-use.js';
import { explainOverdue, profileLimit } from './profile-limit.js';

const AUTHORITY = ['data_authority'];
/** The data authority reviews jointly with the provider (Xiamen 第十七条); either may record the decision. */
const REVIEWERS = ['data_authority', 'data_provider'];
/** 合规性审查 is the task of 自治区大数据中心, the platform's operator (内政办发〔2023〕32号 八(二十三)). */
const COMPLIANCE_REVIEWER = ['platform_operator'];

/**
 * Inner Mongolia's compliance review (合规性审查) of a conditional request before the joint review,
 * where `options.sharing.complianceReview` is on: the operator passes it (→ `under_review`, whose
 * clock starts then) or fails it with written reasons (→ `compliance_rejected`, terminal: the
 * sources give no dispute of it, the requester corrects and submits a new request).
 */
function complianceReviewPart(profile: Profile): Pick<MachineDefinition, 'states' | 'transitions' | 'limits'> {
  return {
    states: {
      compliance_review: { step: 'compliance_review', label: { zh: '合规性审查', en: 'Compliance review' } },
      compliance_rejected: { terminal: true, label: { zh: '合规性审查未通过', en: 'Compliance review failed' } },
    },
    transitions: [
      { from: 'compliance_review', event: 'pass_compliance_review', to: 'under_review', by: COMPLIANCE_REVIEWER },
      { from: 'compliance_review', event: 'fail_compliance_review', to: 'compliance_rejected', by: COMPLIANCE_REVIEWER, requires: ['reasons'] },
      explainOverdue('compliance_review', COMPLIANCE_REVIEWER),
    ],
    limits: { compliance_review: profileLimit(profile, 'sharing.compliance_review', 'compliance_review', 'flag_overdue') },
  };
}

/**
 * A data-sharing request (政务数据共享 有条件共享). Created with `data.sharingType`: an
 * `unconditional` resource is granted at once (`submitted` → `delivered`, still recorded);
 * otherwise the request goes to `under_review` (5 WD Xiamen, 10 WD national), or first to
 * `compliance_review` where the profile enables it (Inner Mongolia, choice 3 WD). Rejections,
 * upheld rejections, failed compliance reviews and revocations carry reasons; a rejected
 * requester may dispute → the authority coordinates → approves, upholds or escalates to the city
 * government. `not_shared` resources are refused before a request exists (`NOT_SHAREABLE`, the
 * host's job). Approving and delivering are refused once the period of use in
 * `data.periodOfUseEnds` is over (`PERIOD_ENDED`, see `WHILE_PERIOD_RUNS`); an approval not yet
 * delivered can be revoked with reasons.
 *
 * @example
 * engine.create('sharing.request', { id: 'shr_1', actor: { role: 'data_user' }, data: { sharingType: 'conditional' } });
 */
export function sharingRequestMachine(profile: Profile): MachineDefinition {
  const compliance = profile.options.sharing.complianceReview ? complianceReviewPart(profile) : undefined;
  return {
    id: 'sharing.request',
    initial: 'submitted',
    states: {
      submitted: { always: 'route', label: { zh: '已提交', en: 'Submitted' } },
      ...compliance?.states,
      under_review: { step: 'review', label: { zh: '审核中', en: 'Under review' } },
      approved: { step: 'delivery', label: { zh: '已同意', en: 'Approved' } },
      delivered: { label: { zh: '已交付', en: 'Delivered' } },
      rejected: { label: { zh: '已驳回', en: 'Rejected' } },
      disputed: { label: { zh: '有异议', en: 'Disputed' } },
      coordinating: { label: { zh: '协调中', en: 'Coordinating' } },
      escalated: { label: { zh: '报市人民政府决定', en: 'Escalated' } },
      rejection_upheld: { terminal: true, label: { zh: '维持驳回', en: 'Rejection upheld' } },
      revoked: { terminal: true, label: { zh: '已撤销', en: 'Revoked' } },
      expired: { terminal: true, label: { zh: '已到期', en: 'Expired' } },
    },
    transitions: [
      { from: 'submitted', event: 'route', to: 'delivered', by: ['clock'], guard: 'data.sharingType=unconditional', eventType: 'grant_issued' },
      { from: 'submitted', event: 'route', to: compliance ? 'compliance_review' : 'under_review', by: ['clock'] },
      ...(compliance?.transitions ?? []),
      { from: 'under_review', event: 'approve', to: 'approved', by: REVIEWERS, ...WHILE_PERIOD_RUNS },
      { from: 'under_review', event: 'reject', to: 'rejected', by: REVIEWERS, requires: ['reasons'] },
      explainOverdue('under_review', REVIEWERS),
      { from: 'approved', event: 'deliver', to: 'delivered', by: ['data_provider', 'platform_operator'], assign: ['grant'], eventType: 'grant_issued', ...WHILE_PERIOD_RUNS },
      explainOverdue('approved', ['data_provider', 'platform_operator']),
      // An approval not delivered yet can be withdrawn, with reasons (choice): the way out once
      // the period of use ended before delivery, when nothing can be delivered any more.
      { from: 'approved', event: 'revoke', to: 'revoked', by: REVIEWERS, requires: ['reasons'] },
      { from: 'delivered', event: 'revoke', to: 'revoked', by: REVIEWERS, requires: ['reasons'] },
      { from: 'delivered', event: 'expire', to: 'expired', by: ['clock'] },
      { from: 'rejected', event: 'dispute', to: 'disputed', by: ['data_user'], requires: ['reasons'] },
      { from: 'disputed', event: 'coordinate', to: 'coordinating', by: AUTHORITY },
      { from: 'coordinating', event: 'approve', to: 'approved', by: AUTHORITY, ...WHILE_PERIOD_RUNS },
      { from: 'coordinating', event: 'uphold_rejection', to: 'rejection_upheld', by: AUTHORITY, requires: ['reasons'] },
      { from: 'coordinating', event: 'escalate', to: 'escalated', by: AUTHORITY },
      // 报市人民政府决定: the city government decides (Xiamen 第十五、二十条).
      { from: 'escalated', event: 'approve', to: 'approved', by: ['city_government'], ...WHILE_PERIOD_RUNS },
      { from: 'escalated', event: 'uphold_rejection', to: 'rejection_upheld', by: ['city_government'], requires: ['reasons'] },
    ],
    limits: {
      ...compliance?.limits,
      review: profileLimit(profile, 'sharing.review', 'review', 'flag_overdue'),
      delivery: profileLimit(profile, 'sharing.delivery', 'delivery', 'flag_overdue'),
    },
  };
}

/**
 * The sharing platform's machines: requests, data-subject objections (数据异议, Xiamen 第十四条,
 * 5 WD) and data-quality issues (Inner Mongolia; choice 5 WD).
 *
 * @example
 * sharingMachines(profile).dataObjection.id; // 'sharing.data-objection'
 */
export function sharingMachines(profile: Profile): { request: MachineDefinition; dataObjection: MachineDefinition; qualityIssue: MachineDefinition } {
  return {
    request: sharingRequestMachine(profile),
    dataObjection: answerDutyMachine(profile, 'sharing.data-objection', 'sharing.data_objection', ['data_provider', 'data_authority', 'platform_operator']),
    qualityIssue: answerDutyMachine(profile, 'sharing.quality-issue', 'sharing.quality_issue', ['data_provider']),
  };
}
