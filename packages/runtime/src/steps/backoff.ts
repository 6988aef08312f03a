/**
 * Tuning of the retry step; every field has a default.
 *
 * @example
 * ```ts
 * // Deterministic retries in tests: no jitter, no real waiting, delays recorded.
 * const delays: number[] = [];
 * const retry: RetryOptions = { random: () => 1, sleep: async (ms) => { delays.push(ms); } };
 * ```
 */
export interface RetryOptions {
  /** First backoff ceiling in ms (default 200); doubles per retry. */
  baseDelayMs?: number;
  /** Largest backoff ceiling in ms (default 8 000). */
  maxDelayMs?: number;
  /**
   * Longest `Retry-After` waited for in ms (default 60 000); the backoff's jitter is added to it.
   * An answer asking for longer is not retried: the call ends at once with its error.
   */
  maxRetryAfterMs?: number;
  /**
   * Most retries of a `FetchNetworkError` in one call — a bare `fetch` `TypeError`, which in a
   * browser may be a CORS refusal no retry can fix — counted apart from the retries of other
   * failures, within `maxRetries` (default 1; 0: none).
   */
  fetchNetworkErrorRetries?: number;
  /** Source of jitter in [0, 1) (default `Math.random`). */
  random?: () => number;
  /** Waits `ms`; should reject when `signal` aborts (default: a timer). */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/** {@link RetryOptions} with the defaults filled in. */
export type RetryPolicy = Required<RetryOptions>;

/**
 * Fills the defaults of {@link RetryOptions}.
 *
 * @example
 * ```ts
 * retryPolicy({ baseDelayMs: 100 }).maxDelayMs; // 8000
 * ```
 */
export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  return {
    baseDelayMs: options.baseDelayMs ?? 200,
    maxDelayMs: options.maxDelayMs ?? 8_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    fetchNetworkErrorRetries: options.fetchNetworkErrorRetries ?? 1,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? sleep,
  };
}

/**
 * Exponential backoff with full jitter: a random delay in [0, min(max, base × 2^retry)).
 *
 * @example
 * ```ts
 * backoffDelay(retryPolicy({ random: () => 0.5 }), 2); // 400 (half of 800)
 * ```
 */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(policy.random() * ceiling);
}

/**
 * The delay a `Retry-After` header asks for, in ms (delta-seconds or an HTTP date, a past date
 * 0); `undefined` when absent or unreadable.
 *
 * @example
 * ```ts
 * retryAfterMs('2', Date.now()); // 2000
 * retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('2026-10-21T07:27:30Z')); // 30000
 * ```
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) ms = Number(text) * 1000;
  else {
    // An HTTP date always names a weekday and month; Date.parse alone would read "-5" as a year.
    const at = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(at)) return undefined;
    ms = at - now;
  }
  return Math.max(0, Math.ceil(ms));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
