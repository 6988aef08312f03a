import { utf8Length } from '../sandbox/utf8-length.js';
import type { DispatchResponse } from './dispatch-types.js';

/** Statuses that never carry a body (RFC 9110 §15.3.5, §15.4.5): nothing to announce. */
const NO_BODY = new Set([204, 304]);

/**
 * The answer to a HEAD request from the GET answer made for it: the same status and headers,
 * no body, and the `Content-Length` the GET would have sent (RFC 9110 §9.3.2, §8.6), which a
 * transport sends as it is rather than the length of the empty body.
 *
 * @example
 * ```ts
 * headAnswer({ status: 200, headers: {}, body: '{"items":[]}' }).headers['content-length']; // '12'
 * ```
 */
export function headAnswer(response: DispatchResponse): DispatchResponse {
  // The GET's body in parts (a sandbox's export) is not sent either.
  const { parts, ...rest } = response;
  if (rest.connectionReset || NO_BODY.has(rest.status)) return { ...rest, body: '' };
  const { body } = rest;
  const length = parts !== undefined ? parts.byteLength : typeof body === 'string' ? utf8Length(body) : body.byteLength;
  return { ...rest, headers: { ...rest.headers, 'content-length': String(length) }, body: '' };
}
