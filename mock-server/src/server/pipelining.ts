import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { requestId as newRequestId } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';
import { problemResponse } from '../app/problem-response.js';
import { DEFAULT_LINGER } from './lingering-close.js';
import { targetPath } from './request-gate.js';

/**
 * How many requests one connection may have waiting for their answers to be sent. Node stops
 * reading a connection whose client does not read its answers only after it has parsed the whole
 * chunk at hand: 64 KiB of pipelined `GET /openapi/registration.json` is a thousand requests, each
 * answered 200 KB kept until the client reads it — 520 MB for one connection that never read.
 */
export const MAX_PIPELINED = 32;

/** What `pipelineGuard` decides for a request. */
export type PipelineVerdict = 'serve' | 'refuse' | 'drop';

/**
 * Counts, per connection, the requests whose answers are not sent yet. The request past
 * `MAX_PIPELINED` is to be refused (`pipelineRefusal`, with `Connection: close`, so Node closes
 * the connection after it) and the connection closed if it stays idle for 2 s (a client that
 * reads nothing); the ones after it on the same connection are dropped unanswered: nothing is
 * sent after a `Connection: close`, so running them would only hold their answers.
 *
 * @example
 * ```ts
 * const guard = pipelineGuard();
 * if (guard.check(req, res) !== 'serve') …
 * ```
 */
export function pipelineGuard(): { check(req: IncomingMessage, res: ServerResponse): PipelineVerdict } {
  const waiting = new WeakMap<Socket, number>();
  const closing = new WeakSet<Socket>();
  return {
    check(req, res) {
      const { socket } = req;
      if (closing.has(socket)) return 'drop';
      const count = (waiting.get(socket) ?? 0) + 1;
      waiting.set(socket, count);
      // 'finish': the answer is handed to the socket; 'close': the connection went first.
      res.once('finish', () => waiting.set(socket, (waiting.get(socket) ?? 1) - 1));
      if (count <= MAX_PIPELINED) return 'serve';
      closing.add(socket);
      socket.setTimeout(DEFAULT_LINGER.maxMs);
      return 'refuse';
    },
  };
}

/**
 * The 429 answer to the request past `MAX_PIPELINED` on one connection: problem+json
 * `RATE_LIMITED`; nothing of it runs.
 *
 * @example
 * ```ts
 * pipelineRefusal(req).status; // 429
 * ```
 */
export function pipelineRefusal(req: Pick<IncomingMessage, 'url'>): DispatchResponse {
  return problemResponse(
    'RATE_LIMITED',
    {
      detail: `more than ${MAX_PIPELINED} requests on this connection are waiting for their answers (pipelined, and the answers not read): this one was not run, and the connection closes after this answer; read the answers before sending more`,
      extensions: { retryAfterSeconds: 1 },
      headers: { 'retry-after': '1' },
    },
    newRequestId(),
    targetPath(req.url ?? '/'),
  );
}
