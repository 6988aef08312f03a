import type { DispatchRequest, DispatchResponse } from './dispatch-types.js';
import { bodyLimitFor, DEFAULT_LIMITS, type Limits } from './limits.js';

/** Reading stopped at the body limit. */
const TOO_LARGE = Symbol('too large');

/**
 * Reads a body stream with a byte counter and cancels it as soon as it passes `maxBytes`, so an
 * oversized (or endless) stream is never held in memory.
 */
async function readBoundedBody(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | typeof TOO_LARGE> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Not awaited: a source may take its time to clean up; the answer does not wait for it.
      reader.cancel().catch(() => undefined);
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * Converts a WHATWG `Request` into the core's plain request (lower-case headers, raw body bytes).
 * A body over `limits.maxBodyBytes` is not read whole: from its `Content-Length` it is not read
 * at all, while streaming it is cancelled at the limit; the request then goes without it, marked
 * `bodyTooLarge`, and the core answers 413 (journaled and logged like its other refusals).
 *
 * @example
 * ```ts
 * const plain = await toDispatchRequest(new Request('http://x/_sim/v1/sandboxes'));
 * plain.path; // '/_sim/v1/sandboxes'
 * ```
 */
export async function toDispatchRequest(request: Request, limits: Pick<Limits, 'maxBodyBytes' | 'maxImportBytes'> = DEFAULT_LIMITS): Promise<DispatchRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  // A WHATWG Request never carries Host; the core needs it for absolute URLs.
  headers.host ??= url.host;
  const declared = headers['content-length'];
  const maxBytes = bodyLimitFor(limits, url.pathname);
  const head: DispatchRequest = { method: request.method, path: url.pathname, query: url.search.slice(1), headers, body: undefined, origin: url.origin };
  if (request.body && declared !== undefined && Number(declared) > maxBytes) {
    request.body.cancel().catch(() => undefined);
    return { ...head, bodyTooLarge: true };
  }
  const bytes = request.body ? await readBoundedBody(request.body, maxBytes) : undefined;
  if (bytes === TOO_LARGE) return { ...head, bodyTooLarge: true };
  if (bytes && bytes.length > 0) head.body = bytes;
  return head;
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/**
 * Converts the core's answer into a `Response`; a connection reset becomes `Response.error()`.
 *
 * @example
 * ```ts
 * toResponse({ status: 204, headers: {}, body: '' }).status; // 204
 * ```
 */
export function toResponse(answer: DispatchResponse): Response {
  if (answer.connectionReset) return Response.error();
  const body = NULL_BODY_STATUS.has(answer.status) || answer.body.length === 0 ? null : answer.body;
  return new Response(body as BodyInit | null, { status: answer.status, headers: answer.headers });
}

/**
 * Answers a `Request` through a dispatch function (the `handle` of the app), refusing a body over
 * the limit before reading it whole.
 *
 * @example
 * ```ts
 * const response = await handleRequest((r) => app.dispatch(r), new Request('http://x/catalog/v1/search'), app.limits);
 * ```
 */
export async function handleRequest(dispatch: (r: DispatchRequest) => Promise<DispatchResponse>, request: Request, limits: Pick<Limits, 'maxBodyBytes' | 'maxImportBytes'> = DEFAULT_LIMITS): Promise<Response> {
  return toResponse(await dispatch(await toDispatchRequest(request, limits)));
}
