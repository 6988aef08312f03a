import type { IncomingMessage } from 'node:http';
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
  /** 0 for an injected connection reset. */
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
  arrived(req: IncomingMessage): void;
  answered(req: IncomingMessage, answer: DispatchResponse): void;
  /** An answer to a request Node's parser refused: its request line as far as it was read (`null` parts when not at all). */
  unparsed(line: { method: string | null; target: string | null }, answer: DispatchResponse): void;
}

/**
 * Times requests and reports them to `sink`. The arrival times live in a map of this server only,
 * keyed by the request object, so nothing is added to Node's objects and nothing outlives them.
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
    arrived(req) {
      arrivals.set(req, monotonic());
    },
    answered(req, answer) {
      const started = arrivals.get(req);
      arrivals.delete(req);
      report(req.method ?? 'GET', req.url ?? '/', answer, started === undefined ? 0 : Math.max(0, monotonic() - started));
    },
    unparsed(line, answer) {
      report(line.method, line.target, answer, 0);
    },
  };
}
