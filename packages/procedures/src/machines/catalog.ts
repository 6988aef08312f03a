import type { MachineDefinition } from '@gdx/kernel';
import type { LimitId, Profile } from '../profile-schema.js';
import { profileLimit } from './profile-limit.js';

const AUTHORITY = ['data_authority'];
const PROVIDER = ['data_provider'];

/**
 * A catalog entry (目录): drafted by the provider, reviewed by the data authority of its level
 * (choice: 5 WD), returned with reasons (退回纠正) or published; a published entry can go
 * through a change request (the published version stays visible) or be withdrawn. A `not_open`
 * entry's reclassification (`reclassify`, its ground as the reason) is reviewed as a change, or
 * published at once where `options.reclassificationReview` is `none`.
 *
 * @example
 * engine.create('catalog.entry', { id: 'cat_1', actor: { role: 'data_provider' } });
 */
export function catalogEntryMachine(profile: Profile): MachineDefinition {
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
