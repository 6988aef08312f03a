import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { DispatchResponse } from '../app/dispatch-types.js';
import { refuseHead } from '../app/limit-checks.js';
import type { Limits } from '../app/limits.js';
import { problemResponse } from '../app/problem-response.js';
import { requestId as newRequestId } from '@gdx/protocol';
import { targetPath } from './request-gate.js';

/** An error of Node's HTTP parser, as the server's `clientError` event gives it. */
interface ParserError extends Error {
  code?: string;
  /** The chunk the parser was working on when it failed (Node sets it for parse errors). */
  rawPacket?: Buffer;
}

/** `METHOD target` at the start of a request line, as far as the chunk shows it. */
const REQUEST_LINE = /^[A-Z]+ ([^\s]*)/;

/**
 * The answer to a request Node's parser refused. A head over the parser's size limit is a 414
 * when its request line is longer than the URL limit (or never ends inside the chunk), else a
 * 431; any other parse error is a 400 (`VALIDATION_FAILED`, the parser's code in the detail).
 */
function answerFor(error: ParserError, limits: Readonly<Limits>): DispatchResponse {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const head = error.rawPacket?.toString('latin1', 0, limits.maxUrlBytes + 64) ?? '';
    const target = REQUEST_LINE.exec(head)?.[1];
    if (target !== undefined) {
      // `refuseHead` words the 414 as the core does; headers are irrelevant to it here.
      const refused = refuseHead({ path: target, query: '', headers: {} }, limits);
      if (refused) return refused;
    }
    return problemResponse('HEADERS_TOO_LARGE', { detail: `the request head is larger than the server accepts (${limits.maxHeaderBytes} bytes of headers)`, extensions: { limit: limits.maxHeaderBytes } }, newRequestId(), '');
  }
  return problemResponse('VALIDATION_FAILED', { detail: `the request is not valid HTTP/1.1 (${error.code ?? 'parse error'})` }, newRequestId(), '');
}

/**
 * The 400 answer to an HTTP/1.1 request without `Host` (RFC 9112 §3.2), or `undefined`. Node's
 * own check (`requireHostHeader`) answers a bare `400` before any handler runs, with no
 * problem+json and no `X-Request-Id`: the server turns it off and asks this instead. HTTP/1.0
 * requests need no `Host`.
 *
 * @example
 * ```ts
 * hostMissing(req)?.status; // 400 for `GET / HTTP/1.1` without Host
 * ```
 */
export function hostMissing(req: Pick<IncomingMessage, 'httpVersionMajor' | 'httpVersionMinor' | 'headers' | 'url'>): DispatchResponse | undefined {
  if (req.headers.host !== undefined || req.httpVersionMajor !== 1 || req.httpVersionMinor < 1) return undefined;
  return problemResponse(
    'VALIDATION_FAILED',
    {
      detail: 'an HTTP/1.1 request must carry a Host header (RFC 9112 §3.2)',
      errors: [{ pointer: '/header/host', code: 'REQUIRED', message: { zh: 'HTTP/1.1 请求须带 Host 请求头', en: 'An HTTP/1.1 request must carry a Host header' } }],
    },
    newRequestId(),
    targetPath(req.url ?? '/'),
  );
}

/**
 * A `clientError` listener for `node:http` servers: writes a problem+json answer for a request
 * the parser refused (instead of Node's bare `431` or `400`) and closes the connection. A socket
 * that is already gone, or whose response was under way, is only destroyed; a request timeout
 * keeps Node's own `408`.
 *
 * @example
 * ```ts
 * server.on('clientError', problemOnClientError(app.limits));
 * ```
 */
export function problemOnClientError(limits: Readonly<Limits>): (error: ParserError, socket: Duplex) => void {
  return (error, socket) => {
    const writable = socket.writable && !(socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (!writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
      return;
    }
    const answer = answerFor(error, limits);
    const body = Buffer.from(answer.body);
    const head = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`];
    for (const [name, value] of Object.entries(answer.headers)) head.push(`${name}: ${value}`);
    head.push(`content-length: ${body.byteLength}`, 'connection: close', '', '');
    socket.end(Buffer.concat([Buffer.from(head.join('\r\n'), 'latin1'), body]));
  };
}
