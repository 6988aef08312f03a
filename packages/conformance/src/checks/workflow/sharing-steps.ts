import { isRecord } from '../../http/response.js';
import type { Sandbox } from '../../http/sim-client.js';
import type { CheckContext } from '../../runner/types.js';
import { createObject, validBody } from '../fixtures.js';
import { expectStatus, expectSuccess, missingFromSeed, postJson, readList } from '../requests.js';
import { act, ACTIONS } from './officials.js';
import { readObject } from './sandbox.js';

/** The sharing scenarios start on Friday 2025-09-26, 10:00. */
export const START = '2025-09-26T10:00:00+08:00';

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
 * learn its data items, conditions and delivery methods. Fails when the search fails or the seed
 * catalog has none.
 *
 * @example
 * ```ts
 * const { id, entry, requester } = await requestableEntry(ctx, sbx, 'conditional');
 * ```
 */
export async function requestableEntry(ctx: CheckContext, sbx: Sandbox, sharingType: string): Promise<RequestableEntry> {
  const items = await readList(ctx, sbx.http(0), 'catalog', '/search', { sharingType, limit: 20 }, false);
  const codes = sbx.organizations.map((o) => o.creditCode);
  const hit = items.find((i) => isRecord(i.provider) && codes.includes(String(i.provider.creditCode)));
  if (!hit || typeof hit.id !== 'string' || !isRecord(hit.provider)) return missingFromSeed(ctx, `${sharingType} catalog entry of a sandbox organisation`, 'GET /catalog/v1/search');
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

/**
 * Submits a request for a published entry of a sharing type as its data user; returns the request
 * id, the target entry and the answer.
 *
 * @example
 * ```ts
 * const { id, target } = await submitRequest(ctx, sbx, 'conditional');
 * ```
 */
export async function submitRequest(ctx: CheckContext, sbx: Sandbox, sharingType: string): Promise<{ id: string; target: RequestableEntry; body: Record<string, unknown> }> {
  const target = await requestableEntry(ctx, sbx, sharingType);
  const created = await createObject(ctx, sbx.http(target.requester), 'sharing', '/requests', sharingRequestBody(ctx, sbx, target));
  return { id: created.id, target, body: created.body };
}

/**
 * The authority rejects a request under review with written reasons and the requester disputes
 * the rejection (厦门 第十七条); the check fails unless both are taken.
 *
 * @example
 * ```ts
 * await rejectAndDispute(ctx, sbx, id, target.requester); // the request is now `disputed`
 * ```
 */
export async function rejectAndDispute(ctx: CheckContext, sbx: Sandbox, requestId: string, requester: number): Promise<void> {
  expectStatus(ctx, await act(sbx, 'sharing', 'request', requestId, ACTIONS.reject), 200, 'the authority rejects with reasons');
  const dispute = await postJson(ctx, sbx.http(requester), 'sharing', `/requests/${encodeURIComponent(requestId)}/disputes`, { text: 'conformance: 申请符合限定应用场景' });
  expectSuccess(ctx, dispute, 'the requester disputes the rejection');
}
