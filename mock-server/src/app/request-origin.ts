import type { DispatchRequest } from './dispatch-types.js';

const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/**
 * Where absolute URLs in answers start: the origin the transport saw, or else `scheme://host` from
 * `Host` and `X-Forwarded-Proto` (a malformed host gives `localhost`); then any stripped prefix.
 *
 * @example
 * ```ts
 * requestOrigin({ method: 'GET', path: '/x', query: '', headers: { host: '127.0.0.1:4010' }, body: undefined });
 * // 'http://127.0.0.1:4010'
 * ```
 */
export function requestOrigin(req: DispatchRequest): string {
  return `${transportOrigin(req)}${req.prefix ?? ''}`;
}

/**
 * `scheme://host` of the request, without a stripped prefix: the origin the transport saw, or
 * else from `Host` and `X-Forwarded-Proto` (a malformed host gives `localhost`).
 *
 * @example
 * ```ts
 * transportOrigin({ method: 'GET', path: '/x', query: '', headers: { host: 'mock.test' }, body: undefined, prefix: '/gdx' }); // 'http://mock.test'
 * ```
 */
export function transportOrigin(req: DispatchRequest): string {
  if (req.origin !== undefined) return req.origin;
  const host = req.headers.host;
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  return `${proto}://${host && HOST.test(host) ? host : 'localhost'}`;
}
