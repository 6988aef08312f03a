import { explainResponse, isRecord, type HttpResponse } from '../http/response.js';
import type { RequestOptions, SignedHttp } from '../http/signed-http.js';
import type { CheckContext, Platform } from '../runner/types.js';
import { findOperation, type Operation } from '../specs/operations.js';
import { validatorFor } from '../specs/validator.js';

/**
 * A fresh `Idempotency-Key` drawn from the check's own random stream, so a run with the same seed
 * sends the same keys. The length is part of the stream: keep it when moving a call here.
 *
 * @example
 * ```ts
 * http.request('POST', 'catalog', '/entries', { json: body, idempotencyKey: idempotencyKey(ctx) });
 * ```
 */
export function idempotencyKey(ctx: CheckContext, length = 20): string {
  return `conformance-${ctx.random.string(length)}`;
}

/**
 * Sends a command — a request that changes state (POST, PATCH, PUT, DELETE) — and holds its answer,
 * whatever the status, to the contract before the check looks at it: a status the operation
 * documents, a documented media type, and a body valid against that status's schema (the
 * object a command answers with, or the problem of a refusal). A check then asserts the status,
 * problem code or state it expects; an answer its contract does not allow has failed already,
 * naming the request, operation, pointer and schema rule.
 *
 * @example
 * ```ts
 * const res = await sendCommand(ctx, sbx.http(0), 'PATCH', 'catalog', `/entries/${id}`, { json: { summary: '…' } });
 * ```
 */
export async function sendCommand(ctx: CheckContext, http: SignedHttp, method: string, platform: Platform, path: string, options: RequestOptions): Promise<HttpResponse> {
  const res = await http.request(method, platform, path, options);
  expectDocumented(ctx, platform, res, path, 'the command');
  return res;
}

/**
 * POSTs a JSON body with a fresh {@link idempotencyKey}, as every create or command of the
 * platforms expects, through {@link sendCommand}: the answer is held to its schema.
 *
 * @example
 * ```ts
 * const res = await postJson(ctx, sbx.http(0), 'registration', `/registrations/${id}/renewals`, {});
 * ```
 */
export function postJson(ctx: CheckContext, http: SignedHttp, platform: Platform, path: string, json: unknown): Promise<HttpResponse> {
  return sendCommand(ctx, http, 'POST', platform, path, { json, idempotencyKey: idempotencyKey(ctx) });
}

/**
 * Asserts a 2xx answer; a refusal is reported with its problem detail and field errors.
 *
 * @example
 * ```ts
 * expectSuccess(ctx, res, 'the provider submits the entry');
 * ```
 */
export function expectSuccess(ctx: CheckContext, res: HttpResponse, what: string): void {
  ctx.expect.that(res.status >= 200 && res.status < 300, what, '2xx', explainResponse(res));
}

/**
 * Asserts one exact status, e.g. the 200 of an official's action.
 *
 * @example
 * ```ts
 * expectStatus(ctx, await act(sbx, 'catalog', 'entry', id, ACTIONS.publish), 200, 'the authority publishes the entry');
 * ```
 */
export function expectStatus(ctx: CheckContext, res: HttpResponse, status: number, what: string): void {
  ctx.expect.that(res.status === status, what, String(status), explainResponse(res));
}

/**
 * The objects in a list answer's `items` (none when the answer is not a list).
 *
 * @example
 * ```ts
 * listItems(await http.request('GET', 'open-data', '/rejections')).find((r) => r.applicationId === id);
 * ```
 */
export function listItems(res: HttpResponse): Record<string, unknown>[] {
  return isRecord(res.body) && Array.isArray(res.body.items) ? res.body.items.filter(isRecord) : [];
}

/**
 * Asserts an answer is the one the contract documents for the operation at `path`: one of the
 * operation's documented 2xx statuses (a create documented 201 must not answer 200), a documented
 * media type and a body valid against the operation's response schema — the validator of the
 * contract checks, so real objects' bodies are held to the same schemas as the lists there.
 * A failure names the request and operation and, for the body, the pointer and the schema rule.
 *
 * @example
 * ```ts
 * expectConforms(ctx, 'catalog', res, `/entries/${id}`, 'the requester reads the entry');
 * ```
 */
export function expectConforms(ctx: CheckContext, platform: Platform, res: HttpResponse, path: string, what: string): void {
  const op = operationOf(ctx, platform, res, path, what);
  const success = Object.keys((op.definition.responses ?? {}) as object).filter((s) => /^2\d\d$/.test(s)).map(Number);
  ctx.expect.that(success.includes(res.status), `${what} (${res.method} ${res.url}): ${op.operationId} answers its documented status`, success.join(' or '), explainResponse(res));
  expectDocumented(ctx, platform, res, path, what, op);
}

/** The operation a request went to, failing the check when the contract has none. */
function operationOf(ctx: CheckContext, platform: Platform, res: HttpResponse, path: string, what: string): Operation {
  const op = findOperation(ctx.specs, platform, res.method, path);
  return op ?? ctx.expect.fail(`${what} (${res.method} ${res.url}): the ${platform} contract documents no such operation`, 'a documented operation', path);
}

/** Fails the check unless the answer's status, media type and body are ones its operation documents. */
function expectDocumented(ctx: CheckContext, platform: Platform, res: HttpResponse, path: string, what: string, op = operationOf(ctx, platform, res, path, what)): void {
  for (const v of validatorFor(ctx.specs).check(op, res)) ctx.expect.fail(`${what} (${res.method} ${res.url}): ${op.operationId} ${v.message}`, v.expected, v.actual);
}

/**
 * Reads a list (a search, the open datasets, an organisation's objects) and returns its items,
 * failing the check — naming the request, status and problem — unless it conforms to the
 * contract: a check that cannot look up what it needs has found a defect, not a reason to skip.
 *
 * @example
 * ```ts
 * const hits = await readList(ctx, sbx.http(0), 'catalog', '/search', { sharingType: 'conditional', limit: 20 }, false);
 * ```
 */
export async function readList(ctx: CheckContext, http: SignedHttp, platform: Platform, path: string, query: Record<string, string | number>, sign = true): Promise<Record<string, unknown>[]> {
  const res = await http.request('GET', platform, path, { sign, query });
  expectConforms(ctx, platform, res, path, `looking up ${JSON.stringify(query)}`);
  return listItems(res);
}

/**
 * Fails a check whose sandbox — one the kit created, so its seed data must hold what the check
 * needs — has no such item; only a missing simulation API is a reason to skip.
 *
 * @example
 * ```ts
 * if (!hit) return missingFromSeed(ctx, 'a conditional catalog entry of a sandbox organisation', 'GET /catalog/v1/search');
 * ```
 */
export function missingFromSeed(ctx: CheckContext, what: string, where: string): never {
  return ctx.expect.fail(`${where} lists no ${what} in a sandbox the kit created (its seed data must hold one)`, what, 'none');
}
