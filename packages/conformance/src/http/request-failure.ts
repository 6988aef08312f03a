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
 * Calls `send` with the request's signal — aborted when its own `timeoutMs` runs out or the
 * check's signal aborts — and, when it throws because nothing answered, throws a
 * {@link RequestFailedError} naming the request, the cause, and which time limit ran out; other
 * errors pass unchanged. `send` should read the body too: the limits hold until it settles.
 *
 * @example
 * ```ts
 * const text = await naming('GET', url, { timeoutMs: 15_000 }, async (signal) => (await fetch(url, { signal })).text());
 * ```
 */
export async function naming<T>(method: string, url: string, limits: RequestLimits, send: (signal: AbortSignal) => Promise<T>): Promise<T> {
  // One controller whose timer is cleared as soon as the request settles. `AbortSignal.timeout`
  // keeps its timer and signal alive for the whole limit (15 s by default), and `AbortSignal.any`
  // adds weak references and a finalizer: a kit run sends ~1,500 requests in a second or two, and
  // the bookkeeping of those thousands of live timers and signals was ~5 % of a run against the
  // in-process mock (profiled), besides the collections of what they kept alive.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), limits.timeoutMs);
  // As `AbortSignal.timeout`'s: it alone does not keep the process alive.
  timer.unref?.();
  const { checkSignal } = limits;
  const onCheckAbort = () => controller.abort(checkSignal?.reason);
  if (checkSignal?.aborted) onCheckAbort();
  else checkSignal?.addEventListener('abort', onCheckAbort, { once: true });
  try {
    return await send(controller.signal);
  } catch (error) {
    const reason = unreachableReason(error);
    if (reason === undefined) throw error;
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const why = !timedOut
      ? reason
      : checkSignal?.aborted
        ? "no answer before the check's time limit ran out (--timeout-ms)"
        : `no answer within ${limits.timeoutMs} ms (a request's limit: a quarter of --timeout-ms, at least 1 s)`;
    throw new RequestFailedError(method, url, why, { cause: error });
  } finally {
    clearTimeout(timer);
    checkSignal?.removeEventListener('abort', onCheckAbort);
  }
}
