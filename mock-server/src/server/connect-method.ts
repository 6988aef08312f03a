import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { requestId as newRequestId } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';
import { problemResponse } from '../app/problem-response.js';
import { writeAndClose } from './client-error.js';
import type { RequestLogHooks } from './request-log.js';

/** The 405 answer to a `CONNECT`: the mock is an origin server, not a proxy. */
function connectAnswer(): DispatchResponse {
  return problemResponse(
    'METHOD_NOT_ALLOWED',
    {
      detail: 'this server is not a proxy: CONNECT is not allowed (send the request to the mock itself, e.g. GET /_sim/v1/health)',
      errors: [{ pointer: '/method', code: 'METHOD_NOT_ALLOWED', message: { zh: '本服务不是代理，不支持 CONNECT', en: 'This server is not a proxy: CONNECT is not allowed' } }],
    },
    newRequestId(),
    undefined,
  );
}

/**
 * A `connect` listener for `node:http` servers: answers a `CONNECT` (a client that takes the mock
 * for a proxy) 405 `METHOD_NOT_ALLOWED` problem+json, closes the connection, and logs it. Without
 * a listener Node closes such a connection unanswered, and nothing is logged.
 *
 * @example
 * ```ts
 * server.on('connect', refuseConnect(log));
 * ```
 */
export function refuseConnect(log: RequestLogHooks | undefined): (req: IncomingMessage, socket: Duplex) => void {
  return (req, socket) => {
    // A reset from the client is its own business: nothing is left to tell it.
    socket.on('error', () => undefined);
    const answer = connectAnswer();
    writeAndClose(socket, answer);
    log?.unparsed({ method: 'CONNECT', target: req.url ?? null }, answer, socket);
  };
}
