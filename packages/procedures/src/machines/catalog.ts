import type { MachineDefinition, StateDefinition, TransitionDefinition } from '@gdx/kernel';
import type { LimitId, Profile } from '../profile-schema.js';
import { profileLimit } from './profile-limit.js';

const AUTHORITY = ['data_authority'];
const PROVIDER = ['data_provider'];
const CITY_GOVERNMENT = ['city_government'];

/** The review states a sharing-type dispute interrupts, and to which it returns. */
const REVIEWS = ['submitted', 'change_submitted'] as const;

/** Events that end a dispute: the review resumes in the state the dispute interrupted. */
function resumeReview(profile: Profile, from: string | string[], event: string, by: string[], requires?: string[]): TransitionDefinition[] {
  const clock = profile.options.catalog.disputeReviewClock === 'resume' ? { deadline: 'resume' as const } : {};
  return REVIEWS.map((review) => ({ from, event, to: review, by, guard: `data.disputedReview=${review}`, ...(requires ? { requires } : {}), ...clock }));
}

/**
 * 厦门 第十五条: "市大数据主管部门对标注的公共数据共享属性有异议，且经协商不能达成一致意见的，报市人民政府决定".
 * While reviewing, the authority disputes the provider's label (reasons and the proposed
 * `sharing`) → `sharing_type_negotiation`; the provider agrees (the proposed label applies) or
 * keeps its label with reasons → `sharing_type_unresolved`; the authority withdraws the dispute
 * or escalates → `sharing_type_escalated`, where the city government decides the label. Every end
 * resumes the interrupted review (`data.disputedReview`). Under `disputeReviewClock: runs` the
 * dispute states carry the review step, so its deadline keeps running; under `restart` they carry
 * none, so the resumed review starts a fresh one; under `resume` they carry none either, and the
 * review resumes with the working days it had left (the kernel's `deadline: 'resume'`).
 */
function sharingTypeDisputePart(profile: Profile): Pick<MachineDefinition, 'states' | 'transitions'> {
  const step: Pick<StateDefinition, 'step'> = profile.options.catalog.disputeReviewClock === 'runs' ? { step: 'review' } : {};
  return {
    states: {
      sharing_type_negotiation: { ...step, label: { zh: '共享属性协商中', en: 'Sharing type under negotiation' } },
      sharing_type_unresolved: { ...step, label: { zh: '共享属性协商未达成一致', en: 'Sharing type unresolved' } },
      sharing_type_escalated: { ...step, label: { zh: '共享属性报市人民政府决定', en: 'Sharing type escalated' } },
    },
    transitions: [
      ...REVIEWS.map((review) => ({ from: review, event: 'dispute_sharing_type', to: 'sharing_type_negotiation', by: AUTHORITY, requires: ['reasons', 'sharing'], set: { disputedReview: review } })),
      ...resumeReview(profile, 'sharing_type_negotiation', 'agree_sharing_type', PROVIDER),
      { from: 'sharing_type_negotiation', event: 'keep_sharing_type', to: 'sharing_type_unresolved', by: PROVIDER, requires: ['reasons'] },
      ...resumeReview(profile, ['sharing_type_negotiation', 'sharing_type_unresolved'], 'withdraw_dispute', AUTHORITY),
      { from: 'sharing_type_unresolved', event: 'escalate', to: 'sharing_type_escalated', by: AUTHORITY },
      ...resumeReview(profile, 'sharing_type_escalated', 'decide_sharing_type', CITY_GOVERNMENT, ['reasons', 'sharing']),
    ],
  };
}

/**
 * A catalog entry (目录): drafted by the provider, reviewed by the data authority of its level
 * (choice: 5 WD), returned with reasons (退回纠正) or published; a published entry can go
 * through a change request (the published version stays visible) or be withdrawn. A `not_open`
 * entry's reclassification (`reclassify`, its ground as the reason) is reviewed as a change, or
 * published at once where `options.reclassificationReview` is `none`. Where
 * `options.catalog.sharingTypeDispute` is on (xiamen), the authority may dispute the provider's
 * sharing-type label during a review (see `sharingTypeDisputePart`).
 *
 * @example
 * engine.create('catalog.entry', { id: 'cat_1', actor: { role: 'data_provider' } });
 */
export function catalogEntryMachine(profile: Profile): MachineDefinition {
  const dispute = profile.options.catalog.sharingTypeDispute ? sharingTypeDisputePart(profile) : undefined;
  return {
    id: 'catalog.entry',
    initial: 'draft',
    states: {
      draft: { label: { zh: '预编', en: 'Draft' } },
      submitted: { step: 'review', label: { zh: '已报送', en: 'Submitted' } },
      returned: { label: { zh: '退回纠正', en: 'Returned' } },
      published: { label: { zh: '已发布', en: 'Published' } },
      change_submitted: { step: 'review', label: { zh: '变更审核中', en: 'Change submitted' } },
      withdrawn: { terminal: true, label: { zh: '已撤销', en: 'Withdrawn' } },
      ...dispute?.states,
    },
    transitions: [
      { from: ['draft', 'returned'], event: 'submit', to: 'submitted', by: PROVIDER },
      { from: ['submitted', 'change_submitted'], event: 'publish', to: 'published', by: AUTHORITY },
      { from: ['submitted', 'change_submitted'], event: 'return', to: 'returned', by: AUTHORITY, requires: ['reasons'] },
      { from: 'published', event: 'propose_change', to: 'change_submitted', by: PROVIDER },
      // 厦门 第二十二条: a not_open resource opens only on a stated ground (processing or the right
      // holder's consent), so the ground is the event's written reason.
      { from: 'published', event: 'reclassify', to: profile.options.reclassificationReview === 'none' ? 'published' : 'change_submitted', by: PROVIDER, requires: ['reasons'] },
      { from: 'published', event: 'withdraw', to: 'withdrawn', by: [...PROVIDER, ...AUTHORITY] },
      ...(dispute?.transitions ?? []),
    ],
    limits: { review: profileLimit(profile, 'catalog.review', 'review', 'flag_overdue') },
  };
}

/** The three update duties on the provider, by machine key. */
const OBLIGATIONS = {
  newResource: 'catalog.new_resource',
  infoChange: 'catalog.info_change',
  functionChange: 'catalog.function_change',
} as const satisfies Record<string, LimitId>;

/**
 * An update obligation on the provider (32号 二(五); Xiamen 第九条): `pending` until fulfilled,
 * flagged overdue when its limit passes.
 *
 * @example
 * catalogObligationMachine(resolveProfile('xiamen'), 'functionChange').limits?.update?.value; // 7
 */
export function catalogObligationMachine(profile: Profile, kind: keyof typeof OBLIGATIONS): MachineDefinition {
  const limitId = OBLIGATIONS[kind];
  return {
    id: `catalog.obligation.${limitId.slice('catalog.'.length)}`,
    initial: 'pending',
    states: {
      pending: { step: 'update', label: { zh: '待更新', en: 'Pending' } },
      fulfilled: { terminal: true, label: { zh: '已完成', en: 'Fulfilled' } },
    },
    transitions: [{ from: 'pending', event: 'fulfil', to: 'fulfilled', by: PROVIDER }],
    limits: { update: profileLimit(profile, limitId, 'update', 'flag_overdue') },
  };
}

/**
 * The catalog platform's machines.
 *
 * @example
 * catalogMachines(profile).obligation.functionChange.id; // 'catalog.obligation.function_change'
 */
export function catalogMachines(profile: Profile): {
  entry: MachineDefinition;
  obligation: Record<keyof typeof OBLIGATIONS, MachineDefinition>;
} {
  return {
    entry: catalogEntryMachine(profile),
    obligation: {
      newResource: catalogObligationMachine(profile, 'newResource'),
      infoChange: catalogObligationMachine(profile, 'infoChange'),
      functionChange: catalogObligationMachine(profile, 'functionChange'),
    },
  };
}
