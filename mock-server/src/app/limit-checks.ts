import { requestId as newRequestId } from '@gdx/protocol';
import type { DispatchRequest, DispatchResponse } from './dispatch-types.js';
import { bodyLimitFor, type Limits } from './limits.js';
import { problemResponse } from './problem-response.js';
import { utf8Length } from '../sandbox/utf8-length.js';

/** The parts of a request known before its body arrives. */
export type RequestHead = Pick<DispatchRequest, 'path' | 'query' | 'headers'>;

/**
 * The 413 `PAYLOAD_TOO_LARGE` answer, naming the limit (also as the `limit` member, in bytes).
 *
 * @example
 * ```ts
 * payloadTooLarge(1_048_576, '/registration/v1/applications').status; // 413
 * ```
 */
export function payloadTooLarge(maxBodyBytes: number, instance: string): DispatchResponse {
  return problemResponse('PAYLOAD_TOO_LARGE', { detail: `the request body is larger than the limit of ${maxBodyBytes} bytes`, extensions: { limit: maxBodyBytes } }, newRequestId(), instance);
}

/** Bytes of the request target as sent: path, and `?query` when there is one. */
function targetBytes(head: RequestHead): number {
  return head.path.length + (head.query === '' ? 0 : head.query.length + 1);
}

/** Bytes of the header section on the wire: `name: value\r\n` per header (header values are byte strings). */
function headerBytes(headers: Readonly<Record<string, string>>): number {
  let total = 0;
  for (const name in headers) total += name.length + (headers[name] as string).length + 4;
  return total;
}

/**
 * The refusal of a request whose target or headers exceed the limits (414 `URI_TOO_LONG`, 431
 * `HEADERS_TOO_LARGE`), or `undefined`. Needs no body, so the HTTP server can ask before reading it.
 *
 * @example
 * ```ts
 * refuseHead({ path: '/x', query: 'q='.padEnd(9000, 'a'), headers: {} }, DEFAULT_LIMITS)?.status; // 414
 * ```
 */
export function refuseHead(head: RequestHead, limits: Readonly<Limits>): DispatchResponse | undefined {
  if (targetBytes(head) > limits.maxUrlBytes) {
    return problemResponse('URI_TOO_LONG', { detail: `the request target is longer than the limit of ${limits.maxUrlBytes} bytes`, extensions: { limit: limits.maxUrlBytes } }, newRequestId(), head.path.slice(0, 256));
  }
  if (headerBytes(head.headers) > limits.maxHeaderBytes) {
    return problemResponse('HEADERS_TOO_LARGE', { detail: `the request headers are larger than the limit of ${limits.maxHeaderBytes} bytes`, extensions: { limit: limits.maxHeaderBytes } }, newRequestId(), head.path);
  }
  return undefined;
}

/**
 * Whether a body already in memory is larger than `maxBytes` (a string counts its UTF-8 bytes;
 * one short enough even at 3 bytes per UTF-16 unit is not measured).
 *
 * @example
 * ```ts
 * bodyExceeds('数据', 5); // true: 6 bytes
 * ```
 */
export function bodyExceeds(body: DispatchRequest['body'], maxBytes: number): boolean {
  if (body === undefined) return false;
  if (typeof body !== 'string') return body.byteLength > maxBytes;
  return body.length * 3 > maxBytes && utf8Length(body) > maxBytes;
}

/**
 * The answer to a request Node's HTTP parser refused with `code` (see `DispatchRequest.parseError`):
 * 431 `HEADERS_TOO_LARGE` for a head over the parser's size, else 400 `VALIDATION_FAILED` naming
 * the parser's code. `instance` is the request target, `undefined` when it could not be read.
 *
 * @example
 * ```ts
 * parseErrorAnswer('HPE_INVALID_METHOD', DEFAULT_LIMITS, undefined).status; // 400
 * ```
 */
export function parseErrorAnswer(code: string, limits: Readonly<Limits>, instance: string | undefined): DispatchResponse {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return problemResponse('HEADERS_TOO_LARGE', { detail: `the request head is larger than the server accepts (${limits.maxHeaderBytes} bytes of headers)`, extensions: { limit: limits.maxHeaderBytes } }, newRequestId(), instance);
  }
  return problemResponse('VALIDATION_FAILED', { detail: `the request is not valid HTTP/1.1 (${code})` }, newRequestId(), instance);
}

/**
 * The refusal of a request over any limit, or that the transport's parser refused
 * (`DispatchRequest.parseError`), or `undefined`: the core's own check, so every
 * transport (and a direct `app.dispatch`) answers alike. Transports that read a body from a
 * stream also count its bytes while reading and stop at the limit (see `readBoundedBody`).
 *
 * @example
 * ```ts
 * refuseOverLimits({ method: 'POST', path: '/x', query: '', headers: {}, body: 'x'.repeat(2e6) }, DEFAULT_LIMITS)?.status; // 413
 * ```
 */
export function refuseOverLimits(req: DispatchRequest, limits: Readonly<Limits>): DispatchResponse | undefined {
  const maxBytes = bodyLimitFor(limits, req.path);
  const sized = refuseHead(req, limits) ?? (req.bodyTooLarge || bodyExceeds(req.body, maxBytes) ? payloadTooLarge(maxBytes, req.path) : undefined);
  return sized ?? (req.parseError === undefined ? undefined : parseErrorAnswer(req.parseError, limits, req.path));
}
