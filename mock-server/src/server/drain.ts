import type { IncomingMessage, Server } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { requestId as newRequestId } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';
import { problemResponse } from '../app/problem-response.js';
import { REFUSAL_RETRY_AFTER_SECONDS } from './connection-limit.js';
import { targetPath } from './request-gate.js';

/**
 * How long a drain leaves the keep-alive connections that are idle when it begins before closing
 * them: a client's next request may already be on its way on one. All the answers of a commit
 * batch are written in one turn, so at a signal most connections of a busy client are idle, and
 * closing them at once reset nearly every one (28 of 30 in a burst of writes) — requests that
 * never ran, but that the client could not tell from lost answers.
 */
const IDLE_LINGER_MS = 250;

/**
 * How long no connection must have come before the listening socket is closed. Closing it resets
 * every connection the kernel has queued but the server not yet accepted (their requests already
 * sent): waiting for a lull, with each new connection answered 503 meanwhile, leaves none queued.
 */
const QUIET_MS = 100;

/**
 * How long after the drain began the listening socket closes at the latest once the connections it
 * had are closed, lull or not: a client told `Retry-After: 1` has gone by then, and one that keeps
 * coming back at once would be reset at the close however long it waited.
 */
const LISTEN_AT_MOST_MS = 2_000;

/** How often the drain looks again at its connections. */
const TICK_MS = 50;

/** A server's graceful stop (see `drainer`). */
export interface Drain {
  /** Starts the drain (or, called again, cuts every connection now); resolves once every connection is closed. */
  close(): Promise<void>;
  /** Whether the drain has begun and `socket` was opened after it began: its requests are answered `shuttingDownAnswer`. */
  late(socket: Socket): boolean;
}

/**
 * The answer to a request on a connection opened while the server drains: 503 `SHUTTING_DOWN`
 * problem+json with `Retry-After` (the caller adds `Connection: close`). Nothing of it runs.
 *
 * @example
 * ```ts
 * shuttingDownAnswer(req).status; // 503
 * ```
 */
export function shuttingDownAnswer(req: Pick<IncomingMessage, 'url'>): DispatchResponse {
  return problemResponse(
    'SHUTTING_DOWN',
    {
      detail: 'the server is stopping (SIGTERM, or close()); this request was not run: send it again later, or to another instance',
      extensions: { retryAfterSeconds: REFUSAL_RETRY_AFTER_SECONDS },
      headers: { 'retry-after': String(REFUSAL_RETRY_AFTER_SECONDS) },
    },
    newRequestId(),
    targetPath(req.url ?? '/'),
  );
}

/** Whether no response is under way on the socket (`_httpMessage` is the response Node attached to it; it detaches it once written). */
function idle(socket: Socket): boolean {
  return !(socket as Socket & { _httpMessage?: unknown })._httpMessage;
}

/**
 * The `close` of a running server: a graceful drain, as Fastify's `close` does, but with the
 * listening socket kept open while the connections it had finish. From the start of the drain:
 * - each answer carries `Connection: close` (`onDrain` tells the server to add it), so a request
 *   arriving on a kept connection is answered and its connection closed after it;
 * - a connection opened during the drain is served a 503 `SHUTTING_DOWN` for each request
 *   (`late`, `shuttingDownAnswer`) and closed: its client learns to go elsewhere, where closing
 *   the listener at once reset the connections the kernel had queued (their requests already
 *   sent, so a client could not tell whether they ran);
 * - the connections open at the start that are still idle after `IDLE_LINGER_MS` are closed, and
 *   again every `TICK_MS` (an answer written before the drain leaves its connection idle);
 * - once those are all closed and no connection came for `QUIET_MS` (or `LISTEN_AT_MOST_MS`
 *   after the start of the drain, lull or not), the listening socket closes, and the idle
 *   connections left are closed once the last one accepted has had `QUIET_MS` to be read;
 * - past `graceMs`, the connections of before the drain still open are cut (a client stuck on a
 *   slow request must not hold a rolling restart for ever) and the listener closes; with
 *   `graceMs` 0 at once, every connection.
 * A request whose head is only partly received on an idle connection when it is closed is reset,
 * as with Node's own `closeIdleConnections`.
 *
 * @example
 * ```ts
 * const drain = drainer(server, served, 10_000, () => (scope.draining = true));
 * process.on('SIGTERM', () => void drain.close());
 * ```
 */
export function drainer(server: Server, served: ReadonlySet<Socket>, graceMs: number, onDrain: () => void): Drain {
  let closed: Promise<void> | undefined;
  let stopListening: (() => void) | undefined;
  let early: ReadonlySet<Socket> | undefined;
  return {
    late: (socket) => early !== undefined && !early.has(socket),
    close: () => {
      // A second call (a second SIGTERM) does not wait for the grace period.
      if (closed) {
        stopListening?.();
        server.closeAllConnections();
        return closed;
      }
      onDrain();
      const began = Date.now();
      const open = new Set(served);
      early = new Set(open);
      for (const socket of open) socket.once('close', () => open.delete(socket));
      let lastConnection = began;
      const seen = (): void => void (lastConnection = Date.now());
      server.on('connection', seen);
      closed = new Promise<void>((resolve, reject) => {
        let listening = true;
        const tick = setInterval(() => {
          const now = Date.now();
          // A connection accepted less than QUIET_MS ago may not have had its request read yet.
          const quiet = now - lastConnection >= QUIET_MS;
          if (!listening) return void (quiet && server.closeIdleConnections());
          // Only the connections of before the drain while it listens: a new one may not have been read yet.
          if (now - began >= IDLE_LINGER_MS) for (const socket of open) if (idle(socket)) socket.destroy();
          if (open.size === 0 && (quiet || now - began >= LISTEN_AT_MOST_MS)) stop();
        }, TICK_MS).unref();
        // The connections of before the drain are cut; those opened since are answered at once, and
        // closed by the tick once their requests are read.
        const cut = setTimeout(() => {
          stop();
          for (const socket of open) socket.destroy();
        }, graceMs).unref();
        const stop = (): void => {
          if (!listening) return;
          listening = false;
          server.off('connection', seen);
          // net.Server's close, not http.Server's: the latter closes the idle connections at once.
          NetServer.prototype.close.call(server, (error) => {
            clearInterval(tick);
            clearTimeout(cut);
            if (error) reject(error);
            else resolve();
          });
        };
        stopListening = stop;
        if (graceMs === 0) {
          stop();
          server.closeAllConnections();
        }
      });
      return closed;
    },
  };
}
