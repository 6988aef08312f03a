import { Agent, type Dispatcher } from 'undici';
import { TimeoutError, transportFailure } from '../errors/network-errors.js';
import { RecordHeaders } from './record-headers.js';
import type { Transport, TransportRequest, TransportResponse } from './types.js';

/**
 * Options of {@link undiciTransport}.
 *
 * @example
 * ```ts
 * const options: UndiciTransportOptions = { connections: 32, keepAliveTimeout: 30_000 };
 * ```
 */
export interface UndiciTransportOptions {
  /** Sockets per origin (default 128). */
  connections?: number;
  /** Requests in flight per socket (default 1: no HTTP pipelining). */
  pipelining?: number;
  /** Idle socket lifetime in ms (default 10 000). */
  keepAliveTimeout?: number;
  /** Use this dispatcher (Pool, Agent, MockAgent…) instead of creating one; `close()` then leaves it open. */
  dispatcher?: Dispatcher;
}

/**
 * The fast transport: `undici`'s `dispatcher.request()` over a keep-alive Agent it owns (call
 * `close()` when done). About 2–4× the throughput of `fetch`, but invisible to MSW — use it in
 * production and load tests, and the default {@link fetchTransport} where MSW must intercept.
 *
 * It enforces `timeoutMs` natively with undici's `headersTimeout` and `bodyTimeout` (cheap coarse
 * timers): the wait for the response headers and every pause inside the body are each bounded by
 * `timeoutMs`, so a body trickling in slowly can take longer in total.
 *
 * @example
 * ```ts
 * import { ApiClient, undiciTransport } from '@gdx/runtime';
 * const transport = undiciTransport({ connections: 32 });
 * const client = new ApiClient({ baseUrl, transport });
 * // … later
 * await transport.close();
 * ```
 */
export function undiciTransport(options: UndiciTransportOptions = {}): Transport & { close(): Promise<void> } {
  const owned = options.dispatcher === undefined;
  const dispatcher =
    options.dispatcher ??
    new Agent({
      connections: options.connections ?? 128,
      pipelining: options.pipelining ?? 1,
      keepAliveTimeout: options.keepAliveTimeout ?? 10_000,
    });

  return {
    enforcesTimeout: true,
    async send(req: TransportRequest): Promise<TransportResponse> {
      const timeoutMs = req.timeoutMs !== undefined && req.timeoutMs > 0 ? req.timeoutMs : 0;
      try {
        const response = await dispatcher.request({
          origin: req.origin,
          path: req.path,
          method: req.method as Dispatcher.HttpMethod,
          headers: req.headers,
          body: req.body ?? null,
          signal: req.signal ?? null,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
        });
        const body = await response.body.text();
        return { status: response.statusCode, headers: new RecordHeaders(response.headers), body };
      } catch (error) {
        if (!req.signal?.aborted && isUndiciTimeout(error)) throw new TimeoutError(timeoutMs, req.operationId ?? req.method);
        throw transportFailure(error, req.signal);
      }
    },
    close: () => (owned ? dispatcher.close() : Promise.resolve()),
  };
}

function isUndiciTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}
