import type { IncomingMessage } from 'node:http';
import { HEADERS, requestId } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';

/** Answers that a browser script may read besides the CORS-safelisted ones. */
const EXPOSED = 'x-request-id, idempotent-replayed, retry-after, location, allow, www-authenticate';
const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';

/**
 * Checks a `--cors-origin` value and gives it as browsers send `Origin` (scheme, lower-case host,
 * port unless the default one). Throws `[INVALID_CORS_ORIGIN]` for anything that is not an http(s)
 * origin without path, query or credentials.
 *
 * @example
 * ```ts
 * normalizeOrigin('HTTP://LocalHost:5173/'); // 'http://localhost:5173'
 * ```
 */
export function normalizeOrigin(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new RangeError(`[INVALID_CORS_ORIGIN] 允许的来源须为 http(s)://主机[:端口] / an allowed origin is http(s)://host[:port]: ${value}`);
  }
  return url.origin;
}

/**
 * Whether a page of `origin` may call the simulation API of a server reached as `host`: an
 * origin of the allow-list, or the server's own origin (a console it serves itself). The `Host`
 * must have passed the host check first, or a rebinding page would count as "own".
 *
 * @example
 * ```ts
 * simOriginAllowed('http://localhost:4010', 'localhost:4010', new Set()); // true (same origin)
 * simOriginAllowed('https://evil.example', 'localhost:4010', new Set()); // false
 * ```
 */
export function simOriginAllowed(origin: string, host: string | undefined, allowed: ReadonlySet<string>): boolean {
  if (allowed.has(origin)) return true;
  if (host === undefined) return false;
  const own = host.toLowerCase();
  return origin === `http://${own}` || origin === `https://${own}`;
}

/**
 * A CORS preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) answered at once
 * with the methods and requested headers allowed; `undefined` for any other request. The caller
 * decides first whether the origin may call at all (every origin may call the platforms).
 */
export function preflight(req: IncomingMessage): DispatchResponse | undefined {
  const origin = req.headers.origin;
  if (req.method !== 'OPTIONS' || origin === undefined || req.headers['access-control-request-method'] === undefined) return undefined;
  return {
    status: 204,
    // `pushCorsHeaders` adds the origin, as on every answer.
    headers: {
      // Every answer carries a request id, the preflight too (the contracts' X-Request-Id).
      [HEADERS.requestId]: requestId(),
      'access-control-allow-methods': METHODS,
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
      'access-control-max-age': '600',
    },
    body: '',
  };
}

/**
 * Appends the CORS answer headers for a request that names an `Origin` (browsers always do on
 * cross-origin calls): the origin is echoed when `allowed`; `Vary: Origin` is always set, so a
 * cache never hands one origin's answer to another.
 */
export function pushCorsHeaders(req: IncomingMessage, flat: string[], allowed: boolean): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  if (allowed) flat.push('access-control-allow-origin', origin, 'access-control-expose-headers', EXPOSED);
  flat.push('vary', 'origin');
}
