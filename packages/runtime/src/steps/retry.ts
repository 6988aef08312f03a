import { HEADERS } from '@gdx/protocol';
import { isRetryableStatus } from '../errors/api-error.js';
import { AbortError, ConnectionError, FetchNetworkError, TimeoutError } from '../errors/network-errors.js';
import type { Emit } from '../logger.js';
import type { TransportResponse } from '../transport/types.js';
import { backoffDelay, retryAfterMs, type RetryPolicy } from './backoff.js';
import type { Call, Send, Step } from './types.js';

/** Methods safe to repeat; POST and PATCH only when the call carries an idempotency key. */
const REPEATABLE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Answers saying the request was not run, so it may be sent again whatever its method: 408 (the
 * server stopped waiting for it; RFC 9110 §15.5.9 lets the client repeat it), 425 (not run for
 * fear of a replay; RFC 8470 §5.2) and 429 (refused for its rate; RFC 6585 §4). A keyless POST
 * refused by a rate limit used to fail at once however much `maxRetries` allowed.
 */
const NOT_RUN_STATUSES = new Set([408, 425, 429]);

/**
 * Retries an attempt on connection errors, timeouts and 408/425/429/500/502/503/504 up to
 * `call.maxRetries` times (a POST or PATCH without an idempotency key only after 408, 425 and 429,
 * which say the request was not run), waiting exponential backoff with full jitter, after the platform's
 * `Retry-After` when it sends one; a bare fetch `TypeError` ({@link FetchNetworkError}, maybe a
 * browser's CORS refusal) at most `policy.fetchNetworkErrorRetries` times in the call, counted
 * apart from the retries of other failures. The caller's abort stops it at once, also while waiting.
 */
export function retryStep(policy: RetryPolicy, now: () => number, emit: Emit | undefined): Step {
  return (next) => {
    const retrying = retryLoop(policy, now, emit, next);
    // A call with no retry left (`maxRetries: 0`) is its one attempt: no loop, no extra await.
    return (call) => (call.attempt >= call.maxRetries ? attemptOnce(next, call) : retrying(call));
  };
}

/** The one attempt of a call that has no retry: what `next` answers, a synchronous throw as a rejection. */
function attemptOnce(next: Send, call: Call): Promise<TransportResponse> {
  try {
    return next(call);
  } catch (error) {
    return Promise.reject(error);
  }
}

function retryLoop(policy: RetryPolicy, now: () => number, emit: Emit | undefined, next: Send): Send {
  return async (call) => {
    const repeatable = REPEATABLE_METHODS.has(call.method) || call.headers[HEADERS.idempotencyKey] !== undefined;
    // Counted apart: a blip after a retried 503 still gets its retry.
    let fetchNetworkRetries = 0;
    for (;;) {
      let response: TransportResponse | undefined;
      let failure: unknown;
      try {
        response = await next(call);
      } catch (error) {
        failure = error;
      }
      const exhausted = call.attempt >= call.maxRetries;
      let reason: string;
      let delayMs: number;
      if (response !== undefined) {
        if (exhausted || !isRetryableStatus(response.status) || !(repeatable || NOT_RUN_STATUSES.has(response.status))) return response;
        reason = `HTTP ${response.status}`;
        // The backoff's jitter comes on top of a Retry-After: every call a 429 storm refused is
        // told the same delay, and without it they would all come back in one burst.
        const asked = retryAfterMs(response.headers.get(HEADERS.retryAfter), serverNow(response, now), policy.maxRetryAfterMs);
        delayMs = (asked ?? 0) + backoffDelay(policy, call.attempt);
      } else {
        if (exhausted || !repeatable || !isRetryable(failure, policy, fetchNetworkRetries)) throw failure;
        if (failure instanceof FetchNetworkError) fetchNetworkRetries++;
        reason = (failure as ConnectionError | TimeoutError).code;
        delayMs = backoffDelay(policy, call.attempt);
      }
      emit?.({ type: 'retry', operationId: call.operationId, method: call.method, url: call.url, attempt: call.attempt, delayMs, reason });
      await wait(policy, delayMs, call);
      call.attempt++;
    }
  };
}

/**
 * The instant a `Retry-After` date is counted from: the response's own `Date` when it has one —
 * both come from the platform's clock, so a local clock minutes off neither waits out the cap
 * nor retries at once into the same refusal — else the local clock.
 */
function serverNow(response: TransportResponse, now: () => number): number {
  const date = response.headers.get('date');
  const at = date === null ? Number.NaN : Date.parse(date);
  return Number.isNaN(at) ? now() : at;
}

function isRetryable(error: unknown, policy: RetryPolicy, fetchNetworkRetries: number): boolean {
  if (error instanceof FetchNetworkError) return fetchNetworkRetries < policy.fetchNetworkErrorRetries;
  return error instanceof TimeoutError || (error instanceof ConnectionError && error.retryable);
}

async function wait(policy: RetryPolicy, ms: number, call: Call): Promise<void> {
  const signal = call.userSignal;
  try {
    await policy.sleep(ms, signal);
  } catch (error) {
    throw signal?.aborted ? new AbortError(signal.reason, call.operationId) : error;
  }
  if (signal?.aborted) throw new AbortError(signal.reason, call.operationId);
}
