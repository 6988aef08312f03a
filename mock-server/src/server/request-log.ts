import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { HEADERS } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';

/**
 * One answered request, as the server's request log sees it: what the core learnt of it (the
 * sandbox, organisation, operation and problem code come from the app's answer, not from parsing
 * the request again), its status, how long the server took from the request's arrival to the
 * answer written (body reading included), and the client's address.
 */
export interface RequestLogEntry {
  /** The `X-Request-Id` of the answer (`null` for an answer made before the core, e.g. a CORS preflight). */
  readonly requestId: string | null;
  readonly sandboxId: string | null;
  readonly organizationId: string | null;
  /** `null` when Node's HTTP parser could not read the request line (e.g. `GARBAGE`). */
  readonly method: string | null;
  /** The path without the query (bytes outside visible ASCII percent-encoded when the parser refused it); `null` as `method`. */
  readonly path: string | null;
  readonly operationId: string | null;
  /** 0 for an injected connection reset, and for a connection closed before its answer was sent (`problemCode` `CONNECTION_CLOSED`). */
  readonly status: number;
  readonly problemCode: string | null;
  /**
   * From the request's arrival to its answer. For a request Node's parser refused or that did not
   * arrive in time (its arrival is not known), from the opening of its connection, or from the
   * connection's previous answer: the time the client held the connection for it (the head
   * timeout, for a 408 whose head was late).
   */
  readonly durationMs: number;
  /**
   * The client's address as the server's socket sees it (`127.0.0.1`, `::ffff:10.0.0.7`), so an
   * operator can tell which client sent it; `null` when the socket no longer knows it. A proxy in
   * front of the mock is what is seen then: no `X-Forwarded-For` is trusted.
   */
  readonly remoteAddress: string | null;
}

/**
 * Where the server reports each answered request (`ServerOptions.requestLog`). It is called after
 * the answer was handed to the socket; it should not throw (an error is ignored).
 *
 * @example
 * ```ts
 * const requestLog: RequestLogSink = (entry) => logger.info(entry, `${entry.method} ${entry.path} ${entry.status}`);
 * ```
 */
export type RequestLogSink = (entry: RequestLogEntry) => void;

/** The request log of one server: when each request arrived, and the entry once it is answered. */
export interface RequestLogHooks {
  /** A connection opened: a request on it that Node's parser refuses is timed from here (or from its previous answer). */
  connected(socket: Duplex): void;
  /** A request arrived; its connection closing before `answered` (the client gone, a stop's grace cut) is reported then. */
  arrived(req: IncomingMessage, res: ServerResponse): void;
  answered(req: IncomingMessage, answer: DispatchResponse): void;
  /**
   * An answer to a request Node's parser refused (or that did not arrive in time), written to
   * `socket`: its request line as far as it was read (`null` parts when not at all).
   */
  unparsed(line: { method: string | null; target: string | null }, answer: DispatchResponse, socket: Duplex): void;
}

/** The peer address of a socket (a `net.Socket`; `undefined` once it is closed, or for another duplex). */
function addressOf(socket: Duplex): string | null {
  return (socket as Duplex & { remoteAddress?: string }).remoteAddress ?? null;
}

/** What a request whose connection closed before its answer is reported with: nothing was sent. */
const CLOSED_UNANSWERED: DispatchResponse = { status: 0, headers: {}, body: '', problemCode: 'CONNECTION_CLOSED' };

/**
 * Times requests and reports them to `sink`. The arrival times live in maps of this server only,
 * keyed by the request object (and the connection), so nothing is added to Node's objects and
 * nothing outlives them. A request whose connection closes before its answer is written (the
 * client left, or a stop cut it after its grace) is reported when it closes, with status 0 and
 * `CONNECTION_CLOSED`, and not again when the app's late answer comes (or never: the process may
 * be stopping).
 *
 * @example
 * ```ts
 * const log = requestLogHooks((entry) => lines.push(entry));
 * server.on('connection', log.connected);
 * log.arrived(req, res); // … later
 * log.answered(req, answer);
 * ```
 */
export function requestLogHooks(sink: RequestLogSink, monotonic: () => number = () => performance.now()): RequestLogHooks {
  // The address is taken on arrival: a socket that closed (CONNECTION_CLOSED) no longer knows its peer.
  const arrivals = new WeakMap<IncomingMessage, { started: number; remoteAddress: string | null }>();
  // Each connection's peer, and when it began waiting for its next request: its opening, then each
  // answer. Taken on opening: a socket Node has ended or destroyed no longer knows its peer.
  const connections = new WeakMap<Duplex, { since: number; remoteAddress: string | null }>();
  const report = (method: string | null, target: string | null, answer: DispatchResponse, durationMs: number, remoteAddress: string | null): void => {
    const meta = answer.meta;
    const q = target === null ? -1 : target.indexOf('?');
    try {
      sink({
        requestId: meta?.requestId ?? answer.headers[HEADERS.requestId] ?? null,
        sandboxId: meta?.sandboxId ?? null,
        organizationId: meta?.organizationId ?? null,
        method,
        path: target === null || q < 0 ? target : target.slice(0, q),
        operationId: meta?.operationId ?? null,
        status: answer.connectionReset ? 0 : answer.status,
        problemCode: meta?.problemCode ?? answer.problemCode ?? null,
        durationMs,
        remoteAddress,
      });
    } catch {
      // A log that fails must not fail the request it reports.
    }
  };
  return {
    connected(socket) {
      connections.set(socket, { since: monotonic(), remoteAddress: addressOf(socket) });
    },
    arrived(req, res) {
      arrivals.set(req, { started: monotonic(), remoteAddress: addressOf(req.socket) });
      res.once('close', () => {
        const arrival = arrivals.get(req);
        if (arrival === undefined || res.writableFinished) return;
        arrivals.delete(req);
        report(req.method ?? 'GET', req.url ?? '/', CLOSED_UNANSWERED, Math.max(0, monotonic() - arrival.started), arrival.remoteAddress);
      });
    },
    answered(req, answer) {
      const arrival = arrivals.get(req);
      // Reported already: its connection closed before this answer (see `arrived`).
      if (arrival === undefined) return;
      arrivals.delete(req);
      const now = monotonic();
      const connection = connections.get(req.socket);
      if (connection) connection.since = now;
      report(req.method ?? 'GET', req.url ?? '/', answer, Math.max(0, now - arrival.started), arrival.remoteAddress);
    },
    unparsed(line, answer, socket) {
      const connection = connections.get(socket);
      const durationMs = connection === undefined ? 0 : Math.max(0, monotonic() - connection.since);
      report(line.method, line.target, answer, durationMs, connection?.remoteAddress ?? addressOf(socket));
    },
  };
}
