import { isRecord } from '../../http/response.js';
import type { Sandbox } from '../../http/sim-client.js';
import type { CheckContext } from '../../runner/types.js';
import { validBody } from '../fixtures.js';
import { readObject } from './sandbox.js';

/** A published catalog entry the sharing checks request, with who provides it and who asks. */
export interface RequestableEntry {
  id: string;
  /** The published entry as the requester reads it (`content.items`, `content.sharing`). */
  entry: Record<string, unknown>;
  /** Index of the providing organisation among the sandbox's organisations. */
  provider: number;
  /** Index of another organisation, the data user that asks. */
  requester: number;
}

const records = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/**
 * Finds a published entry of a sharing type of a sandbox organisation in the public catalog
 * search and reads it as the requester (published entries are readable by every organisation), to
 * learn its data items, conditions and delivery methods. Skips when the seed catalog has none.
 *
 * @example
 * ```ts
 * const { id, entry, requester } = await requestableEntry(ctx, sbx, 'conditional');
 * ```
 */
export async function requestableEntry(ctx: CheckContext, sbx: Sandbox, sharingType: string): Promise<RequestableEntry> {
  const res = await sbx.http(0).request('GET', 'catalog', '/search', { sign: false, query: { sharingType, limit: 20 } });
  const codes = sbx.organizations.map((o) => o.creditCode);
  const hit = records(isRecord(res.body) ? res.body.items : undefined).find((i) => isRecord(i.provider) && codes.includes(String(i.provider.creditCode)));
  if (!hit || typeof hit.id !== 'string' || !isRecord(hit.provider)) return ctx.skip(`no ${sharingType} catalog entry of a sandbox organisation in the search`);
  const provider = codes.indexOf(String(hit.provider.creditCode));
  const requester = provider === 0 ? 1 : 0;
  const entry = await readObject(ctx, sbx, 'catalog', `/entries/${encodeURIComponent(hit.id)}`, requester);
  return { id: hit.id, entry, provider, requester };
}

/**
 * A valid sharing request for an entry: the contract's example, naming the entry, two of its data
 * items, its first delivery method and (for a conditional entry) its first listed condition.
 *
 * @example
 * ```ts
 * const body = sharingRequestBody(ctx, sbx, target);
 * ```
 */
export function sharingRequestBody(ctx: CheckContext, sbx: Sandbox, target: RequestableEntry): Record<string, unknown> {
  const content = isRecord(target.entry.content) ? target.entry.content : {};
  const sharing = isRecord(content.sharing) ? content.sharing : {};
  const fields = records(content.items).slice(0, 2).map((i) => String(i.name));
  const methods = Array.isArray(sharing.deliveryMethods) ? sharing.deliveryMethods : [];
  const conditions = Array.isArray(sharing.conditions) ? sharing.conditions : [];
  const body = validBody(ctx, 'sharing', 'post', '/requests', { entryId: target.id, fields }, sbx.organizations[target.requester]?.creditCode);
  if (methods[0] !== undefined) body.deliveryMethod = methods[0];
  if (conditions[0] !== undefined) body.condition = conditions[0];
  else delete body.condition;
  return body;
}
