import type { Duplex } from 'node:stream';
import type { Dispatcher } from 'undici';
import { TimeoutError } from '../errors/network-errors.js';

/**
 * The dispatcher of one attempt (of a fetch, or an undici `request()`): it hands the request to `inner` and can end it at the
 * attempt's deadline ({@link DeadlineDispatcher.end}) the way an aborted signal would, though
 * `fetch` got no signal. It keeps the abort function undici gives the request's handler when a
 * connection takes it; ended before that, the request is aborted as soon as it connects. `fetch`
 * only calls `dispatch` and reads `isMockActive`; undici's `request()` API, called on it, only
 * `dispatch`.
 */
export class DeadlineDispatcher {
  readonly #inner: Dispatcher;
  #abort: ((reason: Error) => void) | undefined;
  #endedBy: Error | undefined;

  constructor(inner: Dispatcher) {
    this.#inner = inner;
  }

  /** undici's `MockAgent` says so; fetch then hands it the body source rather than a stream. */
  get isMockActive(): boolean {
    return (this.#inner as { isMockActive?: boolean }).isMockActive === true;
  }

  dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    return this.#inner.dispatch(options, new EndableHandler(handler, this));
  }

  /** Aborts the request with `reason` (now, or when it connects); its socket is freed. */
  end(reason: Error): void {
    this.#endedBy = reason;
    this.#abort?.(reason);
  }

  /** @internal The request connected: from now on `end` aborts it directly. */
  connected(abort: (reason: Error) => void): void {
    this.#abort = abort;
    if (this.#endedBy !== undefined) abort(this.#endedBy);
  }
}

/** `timeoutMs` when it bounds an attempt (finite and > 0), else 0 (no deadline). */
export function attemptTimeout(timeoutMs: number | undefined): number {
  return timeoutMs !== undefined && timeoutMs > 0 && timeoutMs !== Number.POSITIVE_INFINITY ? timeoutMs : 0;
}

/**
 * Runs one attempt sent through `attempt`, rejecting with {@link TimeoutError} once `timeoutMs`
 * has passed and ending the request through its dispatcher (whatever it was waiting for: a
 * connection, the headers, the rest of the body), which frees its socket. A plain timer, so the
 * deadline is as accurate as Node's timers; undici's own `headersTimeout`/`bodyTimeout` run on
 * its coarse timers and fire up to a second late. When something other than the dispatcher
 * answers (MSW answering a fetch), there is no socket to free: the rejection alone ends the wait.
 */
export function settleWithin<T>(
  timeoutMs: number,
  attempt: DeadlineDispatcher,
  run: () => Promise<T>,
  operationId: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      const timeout = new TimeoutError(timeoutMs, operationId);
      reject(timeout);
      attempt.end(timeout);
    }, timeoutMs);
    run().then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Passes every event of undici's (legacy) handler API through to fetch's handler, and tells the
 * dispatcher the request's abort function on connect.
 */
class EndableHandler implements Dispatcher.DispatchHandler {
  readonly #inner: Dispatcher.DispatchHandler;
  readonly #dispatcher: DeadlineDispatcher;

  constructor(inner: Dispatcher.DispatchHandler, dispatcher: DeadlineDispatcher) {
    this.#inner = inner;
    this.#dispatcher = dispatcher;
  }

  onConnect(abort: (err?: Error) => void): void {
    this.#inner.onConnect?.(abort);
    this.#dispatcher.connected(abort);
  }

  onError(err: Error): void {
    this.#inner.onError?.(err);
  }

  onUpgrade(statusCode: number, headers: Buffer[] | string[] | null, socket: Duplex): void {
    this.#inner.onUpgrade?.(statusCode, headers, socket);
  }

  onResponseStarted(): void {
    this.#inner.onResponseStarted?.();
  }

  onHeaders(statusCode: number, headers: Buffer[], resume: () => void, statusText: string): boolean {
    return this.#inner.onHeaders?.(statusCode, headers, resume, statusText) ?? true;
  }

  onData(chunk: Buffer): boolean {
    return this.#inner.onData?.(chunk) ?? true;
  }

  onComplete(trailers: string[] | null): void {
    this.#inner.onComplete?.(trailers);
  }

  onBodySent(chunkSize: number, totalBytesSent: number): void {
    this.#inner.onBodySent?.(chunkSize, totalBytesSent);
  }
}
