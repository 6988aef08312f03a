import { isRecord, type HttpResponse } from '../../http/response.js';
import type { Operation } from '../../specs/operations.js';
import type { CheckContext } from '../../runner/types.js';
import { validBody } from '../fixtures.js';
import { holdsRole, indexWithRole } from '../roles.js';
import { idempotencyKey, listItems } from '../requests.js';

/** Whether the platform's document declares a GET at `template` (`'get'`), or a POST there with a JSON body (`'post'`). */
function declares(ctx: CheckContext, op: Operation, template: string, method: 'get' | 'post'): boolean {
  const item = ctx.specs[op.platform]?.paths?.[template];
  const operation = item?.[method];
  if (!isRecord(operation)) return false;
  if (method === 'get') return true;
  const content = isRecord(operation.requestBody) && isRecord(operation.requestBody.content) ? operation.requestBody.content : {};
  return isRecord(content['application/json']);
}

/** An object's id, and the index of the organisation that reaches it (`ctx.http(org)`). */
interface Reached { id: string; org: number }

/**
 * The id of an object in the collection at `path` (template `template`) that organisation `org`
 * reaches: the first item its list answers, else one created there from the contract's sample
 * body — as `org`, or, when that answers 403 naming the `requiredRole` (docs/design.md §Errors),
 * as the first organisation known to hold it. `undefined` when the list is empty or undocumented
 * and no create is documented or taken: what may be created depends on roles and the platform's rules.
 */
async function reachableId(ctx: CheckContext, op: Operation, path: string, template: string, org: number): Promise<Reached | undefined> {
  if (declares(ctx, op, template, 'get')) {
    const first = listItems(await ctx.http(org).request('GET', op.platform, path, { query: { limit: 1 } }))[0];
    if (typeof first?.id === 'string') return { id: first.id, org };
  }
  if (!declares(ctx, op, template, 'post')) return undefined;
  const create = async (as: number): Promise<HttpResponse> => ctx.http(as).request('POST', op.platform, path, {
    json: validBody(ctx, op.platform, 'post', template, {}, ctx.organizations[as]?.creditCode), idempotencyKey: idempotencyKey(ctx),
  });
  let creator = org;
  let created = await create(creator);
  const role = created.status === 403 && isRecord(created.body) ? created.body.requiredRole : undefined;
  const holder = typeof role === 'string' ? indexWithRole(ctx.organizations, role) : undefined;
  // Only an organisation known to hold the role: with `--org` the roles are unknown, and indexWithRole falls back to the first.
  if (holder !== undefined && holder !== org && holdsRole(ctx.organizations[holder]!, role as string) === true) {
    creator = holder;
    created = await create(creator);
  }
  const id = isRecord(created.body) ? created.body.id : undefined;
  return created.status >= 200 && created.status < 300 && typeof id === 'string' ? { id, org: creator } : undefined;
}

/**
 * The path of an item operation with each path parameter filled, left to right, with the id of a
 * real object (see {@link reachableId}), and the organisation that reaches it:
 * `/entries/{entryId}/submissions` → `/entries/ent_01…/submissions` from `GET /entries` as the
 * first organisation; a nested one such as `/grants/{grantId}/spot-checks/{spotCheckId}/answer`
 * reads `GET /grants`, then `GET /grants/grt_…/spot-checks`. Sent there, a malformed body can
 * only be refused for the body: an unknown id would let a platform that never reads the body
 * answer 404. `undefined` when some parameter finds no object.
 *
 * @example
 * ```ts
 * await realItemPath(ctx, op); // { path: '/entries/ent_01HE37D500998DTN38MEKCYQ2X/submissions', org: 0 }
 * ```
 */
export async function realItemPath(ctx: CheckContext, op: Operation): Promise<{ path: string; org: number } | undefined> {
  let path = '';
  let template = '';
  let org = 0;
  for (const part of op.path.split(/(\{[^}]+\})/)) {
    if (!/^\{[^}]+\}$/.test(part)) {
      path += part;
      template += part;
      continue;
    }
    const reached = await reachableId(ctx, op, path.replace(/\/+$/, ''), template.replace(/\/+$/, ''), org);
    if (reached === undefined) return undefined;
    path += encodeURIComponent(reached.id);
    template += part;
    org = reached.org;
  }
  return { path, org };
}
