import type { IncomingMessage, ServerResponse } from 'node:http';
import { HEADERS } from '@gdx/protocol';
import type { DispatchResponse } from '../app/dispatch-types.js';

/**
 * One answered request, as the server's request log sees it: what the core learnt of it (the
 * sandbox, organisation, operation and problem code come from the app's answer, not from parsing
 * the request again), its status and how long the server took from the request's arrival to the
 * answer written (body reading included).
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
  /** 0 for a request Node's parser refused (its arrival is not known). */
  readonly durationMs: number;
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
  /** A request arrived; its connection closing before `answered` (the client gone, a stop's grace cut) is reported then. */
  arrived(req: IncomingMessage, res: ServerResponse): void;
  answered(req: IncomingMessage, answer: DispatchResponse): void;
  /** An answer to a request Node's parser refused: its request line as far as it was read (`null` parts when not at all). */
  unparsed(line: { method: string | null; target: string | null }, answer: DispatchResponse): void;
}

/** What a request whose connection closed before its answer is reported with: nothing was sent. */
const CLOSED_UNANSWERED: DispatchResponse = { status: 0, headers: {}, body: '', problemCode: 'CONNECTION_CLOSED' };

/**
 * Times requests and reports them to `sink`. The arrival times live in a map of this server only,
 * keyed by the request object, so nothing is added to Node's objects and nothing outlives them. A
 * request whose connection closes before its answer is written (the client left, or a stop cut it
 * after its grace) is reported when it closes, with status 0 and `CONNECTION_CLOSED`, and not again
 * when the app's late answer comes (or never: the process may be stopping).
 *
 * @example
 * ```ts
 * const log = requestLogHooks((entry) => lines.push(entry));
 * log.arrived(req); // … later
 * log.answered(req, answer);
 * ```
 */
export function requestLogHooks(sink: RequestLogSink, monotonic: () => number = () => performance.now()): RequestLogHooks {
  const arrivals = new WeakMap<IncomingMessage, number>();
  const report = (method: string | null, target: string | null, answer: DispatchResponse, durationMs: number): void => {
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
      });
    } catch {
      // A log that fails must not fail the request it reports.
    }
  };
  return {
    arrived(req, res) {
      arrivals.set(req, monotonic());
      res.once('close', () => {
        const started = arrivals.get(req);
        if (started === undefined || res.writableFinished) return;
        arrivals.delete(req);
        report(req.method ?? 'GET', req.url ?? '/', CLOSED_UNANSWERED, Math.max(0, monotonic() - started));
      });
    },
    answered(req, answer) {
      const started = arrivals.get(req);
      // Reported already: its connection closed before this answer (see `arrived`).
      if (started === undefined) return;
      arrivals.delete(req);
      report(req.method ?? 'GET', req.url ?? '/', answer, Math.max(0, monotonic() - started));
    },
    unparsed(line, answer) {
      report(line.method, line.target, answer, 0);
    },
  };
}
