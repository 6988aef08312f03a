import type { DispatchRequest } from '../app/dispatch-types.js';
import { toDispatchRequest } from '../app/handle-request.js';
import { DEFAULT_LIMITS, type Limits } from '../app/limits.js';
import { fetchMethod, headerValue } from './request-init-checks.js';

/**
 * Adds `init.headers` to `out` with lower-case names (a repeated name is joined as `Headers` does),
 * checked as `Headers` checks them. A `Headers` object checked its own.
 */
function addHeaders(out: Record<string, string>, init: HeadersInit | undefined): void {
  if (init === undefined) return;
  const add = (name: string, value: string): void => {
    const key = name.toLowerCase();
    const known = out[key];
    out[key] = known === undefined ? value : `${known}, ${value}`;
  };
  const addChecked = (name: string, value: string): void => add(name, headerValue(name, String(value)));
  if (init instanceof Headers) init.forEach((value, name) => add(name, value));
  else if (Array.isArray(init)) for (const [name, value] of init) addChecked(name as string, value as string);
  else for (const name of Object.keys(init)) addChecked(name, (init as Record<string, string>)[name] as string);
}

/** The bytes of a body given as a string or bytes; `null` for any other kind (left to `Request`). */
function plainBody(body: BodyInit): Uint8Array | string | null {
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return null;
}

/**
 * The core's plain request from `fetch` arguments, without a WHATWG `Request` when the call is the
 * usual one (a URL, headers, a string or byte body); a `Request` input or another body kind
 * (form data, a stream, a blob) goes through `Request`, which knows their content types.
 * Rejects with the signal's reason when it is already aborted, as `fetch` does. A streamed body
 * over `limits.maxBodyBytes` is cancelled while it is read and marked `bodyTooLarge` (the core answers 413).
 *
 * @example
 * ```ts
 * const plain = await fetchRequest('http://mock.local/catalog/v1/search?q=x', { headers: { Accept: 'application/json' } });
 * plain.query; // 'q=x'
 * ```
 */
export async function fetchRequest(input: RequestInfo | URL, init: RequestInit | undefined, limits: Pick<Limits, 'maxBodyBytes' | 'maxImportBytes'> = DEFAULT_LIMITS): Promise<DispatchRequest> {
  const body = init?.body ?? undefined;
  const bytes = body === undefined || body === null ? undefined : plainBody(body);
  if (input instanceof Request || bytes === null) {
    const request = new Request(input, init);
    if (request.signal.aborted) throw request.signal.reason;
    return toDispatchRequest(request, limits);
  }
  if (init?.signal?.aborted) throw init.signal.reason;
  const method = fetchMethod(init?.method ?? 'GET');
  if (bytes !== undefined && (method === 'GET' || method === 'HEAD')) throw new TypeError('Request with GET/HEAD method cannot have body.');
  const url = input instanceof URL ? input : new URL(input);
  const headers: Record<string, string> = {};
  addHeaders(headers, init?.headers);
  // fetch sends Host itself; the core needs it for absolute URLs.
  headers.host ??= url.host;
  if (typeof bytes === 'string' && headers['content-type'] === undefined) headers['content-type'] = 'text/plain;charset=UTF-8';
  // A string or byte body is already in memory: the core measures it (`refuseOverLimits`).
  const request: DispatchRequest = {
    method,
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    body: bytes !== undefined && bytes.length > 0 ? bytes : undefined,
    origin: url.origin,
  };
  return request;
}
