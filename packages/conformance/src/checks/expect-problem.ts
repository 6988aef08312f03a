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
  const what = res.url === '' || description.includes(res.url) ? description : `${description} (${res.method} ${res.url})`;
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
