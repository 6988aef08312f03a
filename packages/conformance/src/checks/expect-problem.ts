import { describeResponse, isRecord, type HttpResponse } from '../http/response.js';
import type { Expect } from '../runner/expect.js';

/**
 * Asserts an RFC 9457 problem answer of docs/design.md §Errors: the status (exact, or a class such
 * as `4xx`), `application/problem+json`, a body whose `status` repeats the HTTP status, a stable
 * `code` (exact when given) and a Chinese and an English message. A failure's message is
 * `description`, then the request (`(POST http://…/registration/v1/applications)`) unless it is named
 * there already, then what is wrong.
 *
 * @example
 * ```ts
 * expectProblem(ctx.expect, res, 401, 'SIGNATURE_MISSING', 'an unsigned request is rejected');
 * ```
 */
export function expectProblem(expect: Expect, res: HttpResponse, status: number | '4xx', code: string | readonly string[] | undefined, description: string): void {
  // Every failure names the request it is about, so a vendor can replay it.
  const what = naming(res, description);
  const statusOk = status === '4xx' ? res.status >= 400 && res.status < 500 : res.status === status;
  const codes = typeof code === 'string' ? [code] : code;
  const expected = `${status} application/problem+json${codes ? ` ${codes.join(' | ')}` : ''}`;
  expect.that(statusOk, `${what}: status`, expected, describeResponse(res));
  expect.that(res.contentType === 'application/problem+json', `${what}: content type`, 'application/problem+json', res.contentType || '(none)');
  const body = isRecord(res.body) ? res.body : {};
  expect.that(body.status === res.status, `${what}: problem "status" repeats the HTTP status`, res.status, body.status);
  expect.that(typeof body.code === 'string', `${what}: problem has a stable "code"`, 'a string', body.code);
  if (codes) expect.oneOf(body.code, codes, `${what}: problem code`);
  const message = isRecord(body.message) ? body.message : {};
  expect.that(typeof message.zh === 'string' && typeof message.en === 'string', `${what}: problem message in zh and en`, '{ zh, en }', body.message);
}

/** `description`, then the request unless `description` names it already. */
function naming(res: HttpResponse, description: string): string {
  return res.url === '' || description.includes(res.url) ? description : `${description} (${res.method} ${res.url})`;
}

/**
 * Asserts that the problem's field `errors` point at `pointer` or below it (docs/design.md §Errors:
 * pointers to the offending fields) and, when `fieldCode` is given, that one such error carries it.
 *
 * @example
 * ```ts
 * expectPointer(ctx.expect, res, '/reasons', 'a rejection without reasons');
 * ```
 */
export function expectPointer(expect: Expect, res: HttpResponse, pointer: string, description: string, fieldCode?: string): void {
  const errors = isRecord(res.body) && Array.isArray(res.body.errors) ? res.body.errors.filter(isRecord) : [];
  const at = errors.filter((e) => typeof e.pointer === 'string' && (e.pointer === pointer || e.pointer.startsWith(`${pointer}/`)));
  const what = naming(res, description);
  expect.that(at.length > 0, `${what}: the problem points at the field`, pointer, errors.map((e) => e.pointer));
  if (fieldCode !== undefined && at.length > 0) expect.that(at.some((e) => e.code === fieldCode), `${what}: the field error's code at ${pointer}`, fieldCode, at.map((e) => e.code));
}

/**
 * Asserts the refusal of a request that lacks (or breaks) a field the contract requires: 400
 * `VALIDATION_FAILED` problem+json with a field error at `pointer` (docs/design.md §Errors). Any
 * other 4xx is a refusal for another reason — a 401 (credentials), a 403 (role), a 404 — and
 * says nothing about whether the platform demands the field, so it fails.
 *
 * @example
 * ```ts
 * expectFieldRefusal(ctx.expect, await sbx.act({ platform: 'sharing', objectType: 'request', objectId: id, action: 'reject' }), '/reasons', 'a rejection without reasons');
 * ```
 */
export function expectFieldRefusal(expect: Expect, res: HttpResponse, pointer: string, description: string, fieldCode?: string): void {
  expectProblem(expect, res, 400, 'VALIDATION_FAILED', description);
  expectPointer(expect, res, pointer, description, fieldCode);
}
