import type { IncomingMessage } from 'node:http';
import { requestId as newRequestId } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';
import { problemResponse } from '../app/problem-response.js';
import { isSimPath } from '../app/sim-access.js';
import { normalizeOrigin, preflight, pushCorsHeaders, simOriginAllowed } from './cors.js';
import { hostPolicy, type HostPolicy } from './host-policy.js';

/** Options of {@link requestGate}. */
export interface RequestGateOptions {
  bindHost: string;
  port: number;
  /** Origins whose pages may call the simulation API besides the server's own (`--cors-origin`). */
  corsOrigins: readonly string[];
  /** Host names answered besides the bound address (`--allowed-host`). */
  allowedHosts: readonly string[];
}

/** What the HTTP server asks before and after the core answers. */
export interface RequestGate {
  /** The answer given without the core (a preflight, or a refused `Host`/`Origin`), else `undefined`. */
  screen(req: IncomingMessage): DispatchResponse | undefined;
  /** Appends the CORS headers of the answer to `req`. */
  pushCorsHeaders(req: IncomingMessage, flat: string[]): void;
  readonly hosts: HostPolicy;
}

/**
 * The path of a request target: origin-form as sent, or the path of an absolute-form target
 * (`GET http://host/x` through a proxy), without the query.
 *
 * @example
 * ```ts
 * targetPath('http://127.0.0.1:4010/_sim/v1/sandboxes?limit=1'); // '/_sim/v1/sandboxes'
 * ```
 */
export function targetPath(target: string): string {
  const pathStart = target.startsWith('/') ? 0 : target.indexOf('/', target.indexOf('//') + 2);
  const local = pathStart < 0 ? '/' : pathStart === 0 ? target : target.slice(pathStart);
  const q = local.indexOf('?');
  return q < 0 ? local : local.slice(0, q);
}

/**
 * The HTTP server's part of the closed control plane, in front of the core. For `/_sim/v1`: a
 * `Host` the host policy refuses → 421 `HOST_NOT_ALLOWED` (DNS rebinding); an `Origin` that is
 * neither the server's own nor in `corsOrigins` → 403 `ORIGIN_NOT_ALLOWED`, preflight included and
 * without any `Access-Control-Allow-*` header, so a foreign page can neither read an answer nor
 * send a write (even a `no-cors` one, which still carries `Origin`). Platform routes answer every
 * origin and every `Host` as before: their requests are signed with secrets a foreign page does
 * not have, so CORS or rebinding would give it nothing the open CORS does not already give.
 *
 * @example
 * ```ts
 * const gate = requestGate({ bindHost: '127.0.0.1', port: 4010, corsOrigins: ['http://localhost:5173'], allowedHosts: [] });
 * const early = gate.screen(req); // undefined: on to the core
 * ```
 */
export function requestGate(options: RequestGateOptions): RequestGate {
  const hosts = hostPolicy(options);
  const origins = new Set(options.corsOrigins.map(normalizeOrigin));
  const sim = (req: IncomingMessage): boolean => isSimPath(targetPath(req.url ?? '/'));
  return {
    hosts,
    screen(req) {
      const path = targetPath(req.url ?? '/');
      if (!isSimPath(path)) return preflight(req);
      const { host, origin } = req.headers;
      if (!hosts.allows(host)) {
        return problemResponse(
          'HOST_NOT_ALLOWED',
          {
            detail: `this server does not answer the simulation API for Host ${host}; start it with --allowed-host to add a name`,
            errors: [{ pointer: '/header/host', code: 'HOST_NOT_ALLOWED', message: { zh: `主机名 ${host} 不在允许列表中（可用 --allowed-host 添加）`, en: `Host ${host} is not allowed (add it with --allowed-host)` } }],
          },
          newRequestId(),
          path,
        );
      }
      if (origin !== undefined && !simOriginAllowed(origin, host, origins)) {
        return problemResponse(
          'ORIGIN_NOT_ALLOWED',
          {
            detail: `pages of ${origin} may not call the simulation API; start the mock with --cors-origin ${origin} to allow them`,
            errors: [{ pointer: '/header/origin', code: 'ORIGIN_NOT_ALLOWED', message: { zh: `来源 ${origin} 不得调用模拟接口（可用 --cors-origin 允许）`, en: `Origin ${origin} may not call the simulation API (allow it with --cors-origin)` } }],
          },
          newRequestId(),
          path,
        );
      }
      return preflight(req);
    },
    pushCorsHeaders(req, flat) {
      const { origin } = req.headers;
      if (origin === undefined) return;
      pushCorsHeaders(req, flat, !sim(req) || (hosts.allows(req.headers.host) && simOriginAllowed(origin, req.headers.host, origins)));
    },
  };
}
