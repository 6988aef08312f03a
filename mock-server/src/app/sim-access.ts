import { contentDigest, requestId as newRequestId } from '@gdx/protocol';
import type { DispatchRequest, DispatchResponse } from './dispatch-types.js';
import { problemResponse } from './problem-response.js';
import { isJsonContentType } from './media-type.js';
import { SIM_PREFIX } from './route-table.js';
import { PROBE_PATHS } from './sim/service.js';
import { bearerTokenOf } from './bearer-token.js';

/** Options of {@link simAccessGuard}. */
export interface SimAccessOptions {
  /** When set, every `/_sim/v1` request needs `Authorization: Bearer <simToken>`. */
  simToken?: string | undefined;
  /**
   * Whether a handler serves `method` on `path` (the app's router). A write that none serves is
   * let through to be answered 404 or 405 like any other: the content-type rule guards handlers,
   * and a vendor sending `DELETE /_sim/v1/health` learns the method is wrong, not the media type.
   * Default: every write is taken to reach a handler.
   */
  routes?: (method: string, path: string) => boolean;
}

/** A guard: the refusal of a request, or `undefined` to let it through. */
export type SimAccessGuard = (request: DispatchRequest) => DispatchResponse | undefined;

/** What a usable token looks like: RFC 6750 `b64token` characters, at least 16 of them. */
const TOKEN = /^[A-Za-z0-9\-._~+/]{16,512}=*$/;
/** Methods that change nothing and that a cross-origin page may send without a preflight anyway. */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** `GET /_sim/v1/health` and `/ready`: probes (a kubelet, a CI job) carry no secret, and the answers tell none. */
const PROBES = new Set(PROBE_PATHS.map((path) => `${SIM_PREFIX}${path}`));

/**
 * Whether a request is a liveness or readiness probe: `GET` or `HEAD` of `/_sim/v1/health` or
 * `/_sim/v1/ready` (`path` without the query).
 *
 * @example
 * ```ts
 * isProbe('HEAD', '/_sim/v1/ready'); // true
 * ```
 */
export function isProbe(method: string, path: string): boolean {
  return (method === 'GET' || method === 'HEAD') && PROBES.has(path);
}

/** Whether a path lies under the simulation API (`/_sim/v1` or below it). */
export function isSimPath(path: string): boolean {
  return path.startsWith(SIM_PREFIX) && (path.length === SIM_PREFIX.length || path.charCodeAt(SIM_PREFIX.length) === 47 /* / */);
}

/** Same-length digests compared with XOR, so neither the token's length nor a matching prefix shows in the timing. */
function sameDigest(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < a.length && i < b.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * Checks the token a `simToken` option names; throws `[INVALID_SIM_TOKEN]` for one that is too
 * short to resist guessing or that cannot travel in an `Authorization: Bearer` header.
 *
 * @example
 * ```ts
 * assertSimToken('s3cret-token-for-the-bureau'); // ok
 * assertSimToken('abc'); // throws RangeError
 * ```
 */
export function assertSimToken(token: string): void {
  if (!TOKEN.test(token)) {
    throw new RangeError('[INVALID_SIM_TOKEN] 模拟接口令牌须为 16–512 个字母、数字或 -._~+/ 字符 / the sim token must be 16–512 letters, digits or -._~+/ characters');
  }
}

/**
 * The control-plane rules of the core, for every transport: with a `simToken`, `/_sim/v1` answers
 * 401 `SIM_TOKEN_REQUIRED` (and `WWW-Authenticate: Bearer`) unless the request carries that
 * bearer token; a `/_sim/v1` write (any method but GET, HEAD, OPTIONS) answers 415
 * `UNSUPPORTED_MEDIA_TYPE` unless it says `Content-Type: application/json`, or, without a body,
 * carries `Authorization`. Both make a write impossible as a CORS "simple request" (which may only
 * send `text/plain`, form types and safelisted headers), so a page of another origin cannot reset
 * a sandbox without the preflight the HTTP server refuses. A write no route serves (`options.routes`)
 * passes on to its 404 or 405: it runs nothing either way. Platform routes pass untouched, and so
 * do `GET /_sim/v1/health` and `GET /_sim/v1/ready` (the probes), also without the token.
 *
 * @example
 * ```ts
 * const guard = simAccessGuard({ simToken: 'a-long-random-token-1234' });
 * guard({ method: 'GET', path: '/_sim/v1/sandboxes', query: '', headers: {}, body: undefined })?.status; // 401
 * ```
 */
export function simAccessGuard(options: SimAccessOptions = {}): SimAccessGuard {
  const { simToken, routes = () => true } = options;
  if (simToken !== undefined) assertSimToken(simToken);
  const expected = simToken === undefined ? undefined : contentDigest(simToken, 'HMAC-SHA256');
  return (request) => {
    if (!isSimPath(request.path)) return undefined;
    if (request.method === 'GET' && PROBES.has(request.path)) return undefined;
    if (expected !== undefined) {
      const presented = bearerTokenOf(request.headers.authorization);
      if (presented === undefined || !sameDigest(contentDigest(presented, 'HMAC-SHA256'), expected)) {
        return problemResponse(
          'SIM_TOKEN_REQUIRED',
          {
            detail: presented === undefined ? 'send Authorization: Bearer <token> (the --sim-token of this mock)' : 'the bearer token is not the one this mock was started with',
            errors: [{ pointer: '/header/authorization', code: 'SIM_TOKEN_REQUIRED', message: { zh: '须携带 Authorization: Bearer <令牌>（启动模拟服务时的 --sim-token）', en: 'Send Authorization: Bearer <token> with the --sim-token the mock was started with' } }],
            headers: { 'www-authenticate': 'Bearer realm="gdx-mock simulation API"' },
          },
          newRequestId(),
          request.path,
        );
      }
    }
    if (SAFE.has(request.method)) return undefined;
    const contentType = request.headers['content-type'];
    const bodyless = request.body === undefined || request.body.length === 0;
    if (isJsonContentType(contentType) || (bodyless && contentType === undefined && request.headers.authorization !== undefined)) return undefined;
    if (!routes(request.method, request.path)) return undefined;
    return problemResponse(
      'UNSUPPORTED_MEDIA_TYPE',
      {
        detail: `simulation API writes take application/json (also without a body), got ${contentType || 'no content type'}`,
        errors: [{ pointer: '/header/content-type', code: 'UNSUPPORTED_MEDIA_TYPE', message: { zh: '模拟接口的写操作须声明 Content-Type: application/json（无请求体时亦然）', en: 'Simulation API writes must say Content-Type: application/json, also when they have no body' } }],
      },
      newRequestId(),
      request.path,
    );
  };
}
