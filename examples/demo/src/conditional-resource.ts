import type { SeededOrganization } from '@gdx/simulation';
import type { SharingCondition, SubmitRequestBody } from '@gdx/sharing';
import type { DemoSandbox } from './sandbox.js';

/** What a requester needs to know of a conditional catalog resource to ask for it. */
export interface ConditionalResource {
  entryId: string;
  name: string;
  provider: { creditCode: string; name: string };
  conditions: SharingCondition[];
  deliveryMethods: SubmitRequestBody['deliveryMethod'][];
  /** Data item names, non-sensitive first (最小必要: ask only for what the scenario needs). */
  items: string[];
}

/**
 * The first published conditional resource of a provider: found through the public catalog
 * search, its conditions, delivery methods and data items read from the published catalog
 * entry, signed as the requester (published entries are readable by every organisation).
 *
 * @example
 * ```ts
 * const resource = await conditionalResourceOf(s, s.organisation('data_provider', '公安局'), s.organisation('data_user', '人力资源'));
 * ```
 */
export async function conditionalResourceOf(s: DemoSandbox, provider: { creditCode: string; name: string }, requester: SeededOrganization): Promise<ConditionalResource> {
  const [summary] = await s.catalog().search.query({ sharingType: 'conditional', provider: provider.creditCode, limit: 1 }).toArray(1);
  if (!summary) throw new Error(`${provider.name} publishes no conditional resource in sandbox ${s.sandbox.id} (该单位没有有条件共享资源)`);
  const entry = await s.catalog(requester).entries.get(summary.id);
  const { name, sharing, items } = entry.content;
  if (name === undefined || sharing === undefined || items === undefined) throw new Error(`catalog entry ${entry.id} has no published content (目录条目内容不完整)`);
  return {
    entryId: entry.id,
    name,
    provider: entry.provider,
    conditions: (sharing.conditions ?? []) as SharingCondition[],
    deliveryMethods: sharing.deliveryMethods,
    items: [...items.filter((i) => !i.sensitive), ...items.filter((i) => i.sensitive)].map((i) => i.name),
  };
}
