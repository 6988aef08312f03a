import type { IncomingMessage } from 'node:http';
import type { FieldError } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';
import { headerRefusal } from './header-refusal.js';

/**
 * A `Host` value as RFC 9110 §7.2 writes it: a host name or IPv4 address (`reg-name`: unreserved,
 * sub-delims and percent-escapes) or a bracketed IP literal, then an optional port; empty is
 * allowed (a target without an authority).
 */
const HOST_VALUE = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=%]*|\[[0-9A-Fa-f:.]+\])(?::[0-9]*)?$/;

/** How many `Host` lines the request carried (Node keeps the first in `headers` and drops the others). */
function hostLines(rawHeaders: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if ((rawHeaders[i] as string).length === 4 && (rawHeaders[i] as string).toLowerCase() === 'host') count += 1;
  return count;
}

/** The field error of a refused `Host`, or `undefined` when it is fine. */
function hostError(req: Pick<IncomingMessage, 'httpVersionMajor' | 'httpVersionMinor' | 'headers' | 'rawHeaders'>): FieldError | undefined {
  const { host } = req.headers;
  if (host === undefined) {
    if (req.httpVersionMajor !== 1 || req.httpVersionMinor < 1) return undefined;
    return { pointer: '/header/host', code: 'REQUIRED', message: { zh: 'HTTP/1.1 请求须带 Host 请求头', en: 'An HTTP/1.1 request must carry a Host header' } };
  }
  if (hostLines(req.rawHeaders) > 1) {
    return { pointer: '/header/host', code: 'DUPLICATE_HEADER', message: { zh: 'Host 请求头只能出现一次', en: 'A request must carry one Host header, not several' } };
  }
  if (!HOST_VALUE.test(host)) {
    return { pointer: '/header/host', code: 'INVALID_HOST', message: { zh: 'Host 请求头须为主机名或 IP 地址，可带端口', en: 'The Host header must be a host name or IP address, with an optional port' } };
  }
  return undefined;
}

/**
 * The 400 answer to a request whose `Host` RFC 9112 §3.2 says to refuse, or `undefined`: an
 * HTTP/1.1 request without one (HTTP/1.0 needs none), a request with more than one `Host` line
 * (Node kept the first and dropped the others, so the host policy and the app could each have
 * read another host than a proxy in front), or a value that is not a host and port
 * (`Host: a b`). Node's own check (`requireHostHeader`) answers a bare `400` before any handler
 * runs, with no problem+json and no `X-Request-Id`: the server turns it off and asks this instead.
 *
 * @example
 * ```ts
 * hostRefusal(req)?.status; // 400 for `GET / HTTP/1.1` without Host
 * ```
 */
export function hostRefusal(req: Pick<IncomingMessage, 'httpVersionMajor' | 'httpVersionMinor' | 'headers' | 'rawHeaders' | 'url'>): DispatchResponse | undefined {
  const error = hostError(req);
  if (error === undefined) return undefined;
  const detail = error.code === 'REQUIRED' ? 'an HTTP/1.1 request must carry a Host header (RFC 9112 §3.2)' : error.code === 'DUPLICATE_HEADER' ? 'a request must carry exactly one Host header (RFC 9112 §3.2)' : `the Host header is not a host name or IP address with an optional port (RFC 9112 §3.2)`;
  return headerRefusal(req, 'VALIDATION_FAILED', detail, error);
}
