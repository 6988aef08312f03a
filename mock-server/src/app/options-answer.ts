import { HEADERS } from '@gdx/protocol';
import type { DispatchResponse } from './dispatch-types.js';

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
