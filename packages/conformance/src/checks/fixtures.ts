import { isRecord, type HttpResponse } from '../http/response.js';
import type { SignedHttp } from '../http/signed-http.js';
import { findOperation } from '../specs/operations.js';
import { requestSample } from '../specs/samples.js';
import type { CheckContext, Platform } from '../runner/types.js';
import { expectConforms, expectSuccess, idempotencyKey as freshKey, listItems } from './requests.js';

/**
 * A valid request body for an operation — its documented example, else one generated from its
 * schema — in the caller's name and merged with `overrides`. Skips the check when the document lacks the
 * operation, since nothing can be said about an implementation without its contract.
 *
 * @example
 * ```ts
 * const body = validBody(ctx, 'catalog', 'post', '/entries', { name: '人口基础信息' });
 * ```
 */
export function validBody(ctx: CheckContext, platform: Platform, method: string, path: string, overrides: Record<string, unknown> = {}, creditCode = ctx.organizations[0]?.creditCode): Record<string, unknown> {
  const doc = ctx.specs[platform];
  const op = doc?.paths?.[path]?.[method.toLowerCase()] as Record<string, unknown> | undefined;
  const content = ((op?.requestBody as Record<string, unknown> | undefined)?.content ?? {}) as Record<string, Record<string, unknown>>;
  const media = content['application/json'];
  if (!doc || media?.schema === undefined) return ctx.skip(`the ${platform} document has no JSON body for ${method.toUpperCase()} ${path}`);
  const sample = requestSample(doc, media, ctx.random, creditCode);
  return { ...(isRecord(sample) ? sample : {}), ...overrides };
}

/**
 * Creates an object and returns its answer, failing the check unless it is the documented success
 * status (201 where the contract says so, not just any 2xx) with a valid body and an `id`.
 *
 * @example
 * ```ts
 * const { id } = await createObject(ctx, ctx.http(0), 'catalog', '/entries', body);
 * ```
 */
export async function createObject(ctx: CheckContext, http: SignedHttp, platform: Platform, path: string, body: unknown, idempotencyKey = freshKey(ctx, 24)): Promise<{ id: string; res: HttpResponse; body: Record<string, unknown> }> {
  const res = await http.request('POST', platform, path, { json: body, idempotencyKey });
  expectSuccess(ctx, res, `POST ${path} with a valid body succeeds`);
  expectConforms(ctx, platform, res, path, 'creating the object');
  const answer = isRecord(res.body) ? res.body : {};
  ctx.expect.that(typeof answer.id === 'string', `POST ${path} answers the object with an id`, 'an "id" string', answer.id);
  expectLocation(ctx, platform, res, path, answer.id as string);
  return { id: answer.id as string, res, body: answer };
}

/**
 * A create's `Location` is "where the created resource is read" (openapi/common/headers.yaml):
 * resolved against the request URL it must be the item URL of the object just created, where the
 * contract documents that item's GET (`POST /applications` → `…/applications/{id}`).
 */
function expectLocation(ctx: CheckContext, platform: Platform, res: HttpResponse, path: string, id: string): void {
  const location = res.headers.get('location');
  const itemPath = `${path}/${encodeURIComponent(id)}`;
  if (location === null || findOperation(ctx.specs, platform, 'GET', itemPath) === undefined) return;
  const created = new URL(res.url);
  const expected = `${created.pathname.replace(/\/+$/, '')}/${encodeURIComponent(id)}`;
  const resolved = new URL(location, created);
  ctx.expect.that(
    resolved.origin === created.origin && resolved.pathname === expected && resolved.search === '',
    `creating the object (POST ${res.url}): the Location header names the created object`,
    expected,
    location,
  );
}

/** The ids on the first page of a list (up to 200). */
export async function listIds(http: SignedHttp, platform: Platform, path: string): Promise<string[]> {
  return listItems(await http.request('GET', platform, path, { query: { limit: 200 } })).map((i) => String(i.id));
}
