import { HEADERS } from '@gdx/protocol';
import type { DispatchResponse } from './dispatch-types.js';
import { problemResponse } from './problem-response.js';

/** The methods of what is only read: a served contract, a page, a file. */
export const READ_ONLY: readonly string[] = ['GET', 'HEAD'];

/**
 * The `Allow` header of a path taking `methods`: those and `OPTIONS`, which every known path
 * answers (RFC 9110 §10.2.1: `Allow` lists every method the resource supports), in its 204 and
 * in the 405 of a method it does not take.
 *
 * @example
 * ```ts
 * allowHeader(['GET', 'HEAD']); // 'GET, HEAD, OPTIONS'
 * ```
 */
export function allowHeader(methods: readonly string[]): string {
  return [...methods, 'OPTIONS'].join(', ');
}

/**
 * The answer to a plain `OPTIONS` (no CORS preflight: the HTTP server answers those first) on a
 * path the server knows: 204 with `Allow` naming the methods the path takes and `OPTIONS`
 * (RFC 9110 §9.3.7), where any other method the path does not take answers 405 with the same
 * `Allow`. A path the server does not know stays 404.
 *
 * @example
 * ```ts
 * optionsAnswer(['GET', 'HEAD', 'POST'], 'req_1'); // { status: 204, headers: { allow: 'GET, HEAD, POST, OPTIONS', 'x-request-id': 'req_1' }, body: '' }
 * ```
 */
export function optionsAnswer(allow: readonly string[], requestId: string): DispatchResponse {
  return { status: 204, headers: { allow: allowHeader(allow), [HEADERS.requestId]: requestId }, body: '' };
}

/**
 * The 405 answer to `method` on a path taking `allow`: the methods in its `detail`, in a field
 * error at `/method` in both languages, in `allowedMethods` and in `Allow` with `OPTIONS`, the
 * same whoever answers (a route of the core, a served contract, a page, a file). `what` names
 * what the path is (`a contract`) where that says more than "here".
 *
 * @example
 * ```ts
 * methodNotAllowed('POST', '/openapi/sharing.json', READ_ONLY, 'req_1', { en: 'a contract', zh: '接口契约' }).headers.allow; // 'GET, HEAD, OPTIONS'
 * ```
 */
export function methodNotAllowed(method: string, path: string, allow: readonly string[], requestId: string, what?: { readonly en: string; readonly zh: string }): DispatchResponse {
  const methods = allow.join(', ');
  return problemResponse(
    'METHOD_NOT_ALLOWED',
    {
      detail: `${method} is not allowed${what ? ` on ${what.en}` : ''}; use ${methods}`,
      errors: [{ pointer: '/method', code: 'METHOD_NOT_ALLOWED', message: { zh: `${what ? what.zh : '该路径'}不支持 ${method}，可用方法：${methods}`, en: `${method} is not allowed ${what ? `on ${what.en}` : 'here'}; use ${methods}` } }],
      extensions: { allowedMethods: [...allow] },
      headers: { allow: allowHeader(allow) },
    },
    requestId,
    path,
  );
}
