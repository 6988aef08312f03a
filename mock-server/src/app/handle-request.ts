import type { DispatchRequest, DispatchResponse } from './dispatch-types.js';

/**
 * Converts a WHATWG `Request` into the core's plain request (lower-case headers, raw body bytes).
 *
 * @example
 * ```ts
 * const plain = await toDispatchRequest(new Request('http://x/_sim/v1/sandboxes'));
 * plain.path; // '/_sim/v1/sandboxes'
 * ```
 */
export async function toDispatchRequest(request: Request): Promise<DispatchRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  // A WHATWG Request never carries Host; the core needs it for absolute URLs.
  headers.host ??= url.host;
  const bytes = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
  return { method: request.method, path: url.pathname, query: url.search.slice(1), headers, body: bytes && bytes.length > 0 ? bytes : undefined, origin: url.origin };
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
 * Answers a `Request` through a dispatch function (the `handle` of the app).
 *
 * @example
 * ```ts
 * const response = await handleRequest((r) => app.dispatch(r), new Request('http://x/catalog/v1/search'));
 * ```
 */
export async function handleRequest(dispatch: (r: DispatchRequest) => Promise<DispatchResponse>, request: Request): Promise<Response> {
  return toResponse(await dispatch(await toDispatchRequest(request)));
}
