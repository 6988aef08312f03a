import { explainResponse, isRecord, type HttpResponse } from '../http/response.js';
import type { SignedHttp } from '../http/signed-http.js';
import type { CheckContext, Platform } from '../runner/types.js';

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
 * POSTs a JSON body with a fresh {@link idempotencyKey}, as every create or command of the
 * platforms expects.
 *
 * @example
 * ```ts
 * const res = await postJson(ctx, sbx.http(0), 'registration', `/registrations/${id}/renewals`, {});
 * ```
 */
export function postJson(ctx: CheckContext, http: SignedHttp, platform: Platform, path: string, json: unknown): Promise<HttpResponse> {
  return http.request('POST', platform, path, { json, idempotencyKey: idempotencyKey(ctx) });
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
