import type { IncomingMessage } from 'node:http';
import type { DispatchResponse } from '../app/dispatch-types.js';

/** Answers that a browser script may read besides the CORS-safelisted ones. */
const EXPOSED = 'x-request-id, idempotent-replayed, retry-after, location, allow';
const METHODS = 'GET, POST, PUT, PATCH, DELETE';

/**
 * A CORS preflight (`OPTIONS` with `Access-Control-Request-Method`) answered at once, so web apps
 * on another origin (a dev server on localhost:5173, say) can call the mock; `undefined` for any
 * other request. The mock is a local test double: every origin is allowed.
 */
export function preflight(req: IncomingMessage): DispatchResponse | undefined {
  const origin = req.headers.origin;
  if (req.method !== 'OPTIONS' || origin === undefined || req.headers['access-control-request-method'] === undefined) return undefined;
  return {
    status: 204,
    // `pushCorsHeaders` adds the origin, as on every answer.
    headers: {
      'access-control-allow-methods': METHODS,
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
      'access-control-max-age': '600',
    },
    body: '',
  };
}

/** Appends the CORS answer headers for a request that names an `Origin` (browsers always do). */
export function pushCorsHeaders(req: IncomingMessage, flat: string[]): void {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  flat.push('access-control-allow-origin', origin, 'access-control-expose-headers', EXPOSED, 'vary', 'origin');
}
