/**
 * A request that got no answer (refused, reset, unknown host, out of time), naming the request
 * and the cause: `GET http://127.0.0.1:4010/registration/v1/applications: ECONNREFUSED (connect
 * ECONNREFUSED 127.0.0.1:4010)` rather than fetch's bare `TypeError: fetch failed`. The original
 * error is its `cause`.
 */
export class RequestFailedError extends Error {
  readonly code = 'REQUEST_FAILED';
  constructor(readonly method: string, readonly url: string, readonly reason: string, options: { cause: unknown }) {
    super(`${method} ${url}: ${reason}`, options);
    this.name = 'RequestFailedError';
  }
}

/**
 * Why nothing answered, when `error` is a failed connection (fetch's `TypeError: fetch failed`
 * with its cause, or a timeout), also when wrapped in a {@link RequestFailedError}:
 * `ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:9)`. `undefined` for any other error.
 *
 * @example
 * ```ts
 * unreachableReason(new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' }) })); // 'ENOTFOUND (getaddrinfo ENOTFOUND x)'
 * ```
 */
export function unreachableReason(error: unknown): string | undefined {
  if (error instanceof RequestFailedError) return unreachableReason(error.cause);
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer in time (${error.message})`;
  if (!(error instanceof TypeError) || !(error.cause instanceof Error)) return undefined;
  const cause = error.cause;
  const code = (cause as { code?: unknown }).code;
  return typeof code === 'string' && !cause.message.startsWith(code) ? `${code} (${cause.message})` : cause.message;
}

/** The time limits a request ran under: its own, and the signal of the check that sent it. */
export interface RequestLimits {
  /** The request's own limit (a quarter of `--timeout-ms`, at least 1 s). */
  timeoutMs: number;
  /** Aborted when the check's whole time (`--timeout-ms`) is up. */
  checkSignal?: AbortSignal | undefined;
}

/**
 * Calls `send` with the request's signal — its own `timeoutMs`, combined with the check's signal
 * when there is one — and, when it throws because nothing answered, throws a
 * {@link RequestFailedError} naming the request, the cause, and which time limit ran out; other
 * errors pass unchanged.
 *
 * @example
 * ```ts
 * const response = await naming('GET', url, { timeoutMs: 15_000 }, (signal) => fetch(url, { signal }));
 * ```
 */
export async function naming<T>(method: string, url: string, limits: RequestLimits, send: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  try {
    // Combined only when there is a second signal: `AbortSignal.any` registers weak references
    // and a finalizer per call (~1 % of a kit run against the in-process mock, profiled).
    return await send(limits.checkSignal ? AbortSignal.any([timeout, limits.checkSignal]) : timeout);
  } catch (error) {
    const reason = unreachableReason(error);
    if (reason === undefined) throw error;
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const why = !timedOut
      ? reason
      : limits.checkSignal?.aborted
        ? "no answer before the check's time limit ran out (--timeout-ms)"
        : `no answer within ${limits.timeoutMs} ms (a request's limit: a quarter of --timeout-ms, at least 1 s)`;
    throw new RequestFailedError(method, url, why, { cause: error });
  }
}
