import type { IncomingMessage } from 'node:http';
import { HEADERS, requestId as newRequestId } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';
import { problemResponse } from '../app/problem-response.js';
import { SERVED_METHODS } from '../app/spec-operations.js';

/** `Allow` of the server as a whole: every method it routes an operation with. */
const SERVER_ALLOW = SERVED_METHODS.join(', ');

/**
 * The answer to a request whose target is `*` (the asterisk form, RFC 9112 §3.2.4), which asks
 * about the server as a whole rather than a resource: `OPTIONS *` is 204 with `Allow` naming every
 * method some route of the mock takes (RFC 9110 §9.3.7, as a server-wide capability probe expects);
 * any other method is 400, since the form is for `OPTIONS` alone. `undefined` for any other target.
 *
 * @example
 * ```ts
 * asteriskFormAnswer(req); // for `OPTIONS * HTTP/1.1`: { status: 204, headers: { allow: 'GET, PUT, POST, DELETE, PATCH, HEAD, OPTIONS', … } }
 * ```
 */
export function asteriskFormAnswer(req: IncomingMessage): DispatchResponse | undefined {
  if (req.url !== '*') return undefined;
  const requestId = newRequestId();
  if (req.method === 'OPTIONS') return { status: 204, headers: { allow: SERVER_ALLOW, [HEADERS.requestId]: requestId }, body: '' };
  return problemResponse(
    'VALIDATION_FAILED',
    {
      detail: `the request target * (asterisk form) is for OPTIONS only, not ${req.method ?? 'this method'} (RFC 9112 §3.2.4): send the request to a path, e.g. GET /_sim/v1/health`,
      errors: [{ pointer: '/path', code: 'ASTERISK_FORM_NOT_OPTIONS', message: { zh: '请求目标 * 仅可用于 OPTIONS 请求，请改为具体路径', en: 'The request target * is for OPTIONS only: send the request to a path' } }],
    },
    requestId,
    undefined,
  );
}
