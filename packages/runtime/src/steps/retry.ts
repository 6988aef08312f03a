import { HEADERS } from '@gdx/protocol';
import { isRetryableStatus } from '../errors/api-error.js';
import { AbortError, ConnectionError, FetchNetworkError, TimeoutError } from '../errors/network-errors.js';
import type { Emit } from '../logger.js';
import type { TransportResponse } from '../transport/types.js';
import { backoffDelay, retryAfterMs, type RetryPolicy } from './backoff.js';
import { answerError, CallDeadline } from './call-deadline.js';
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
 * A call's `totalTimeoutMs` bounds it all: each attempt's timeout is shortened to the time left,
 * and a retry whose wait would end past the deadline is not waited for ({@link CallDeadline}).
 */
export function retryStep(policy: RetryPolicy, now: () => number, emit: Emit | undefined): Step {
  return (next) => {
    const retrying = retryLoop(policy, now, emit, next);
    // A call with no retry left (`maxRetries: 0`) and no deadline is its one attempt: no loop, no extra await.
    return (call) => (call.attempt >= call.maxRetries && !(call.totalTimeoutMs > 0) ? attemptOnce(next, call) : retrying(call));
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
    const deadline = CallDeadline.of(call);
    let response: TransportResponse | undefined;
    let failure: unknown;
    for (;;) {
      if (deadline !== undefined && deadline.left() <= 0) {
        // A wait whose timer fired late: no attempt would have time to finish.
        throw deadline.exceeded(call, response === undefined ? failure : answerError(call, response));
      }
      const cutByDeadline = deadline !== undefined && deadline.fitAttempt(call);
      response = undefined;
      failure = undefined;
      try {
        response = await next(call);
      } catch (error) {
        failure = error;
      }
      if (cutByDeadline && failure instanceof TimeoutError) {
        throw deadline.exceeded(call, undefined, { en: `attempt ${call.attempt + 1} was still running at the deadline`, zh: `第 ${call.attempt + 1} 次尝试到时限仍未完成` });
      }
      const exhausted = call.attempt >= call.maxRetries;
      let reason: string;
      let delayMs: number;
      let askedMs: number | undefined;
      if (response !== undefined) {
        if (exhausted || !isRetryableStatus(response.status) || !(repeatable || NOT_RUN_STATUSES.has(response.status))) return response;
        reason = `HTTP ${response.status}`;
        askedMs = retryAfterMs(response.headers.get(HEADERS.retryAfter), serverNow(response, now));
        // A platform asking for longer than the client waits (a maintenance window, a daily quota)
        // was retried after the cap, sooner than it asked and into the same refusal, the caller
        // held minutes for nothing: the call ends with the answer, whose error is `retryable` and
        // quotes the Retry-After for a job runner to schedule.
        if (askedMs !== undefined && askedMs > policy.maxRetryAfterMs) return response;
        // The backoff's jitter comes on top of a Retry-After: every call a 429 storm refused is
        // told the same delay, and without it they would all come back in one burst.
        delayMs = (askedMs ?? 0) + backoffDelay(policy, call.attempt);
      } else {
        if (exhausted || !repeatable || !isRetryable(failure, policy, fetchNetworkRetries)) throw withAttempts(failure, call);
        if (failure instanceof FetchNetworkError) fetchNetworkRetries++;
        reason = (failure as ConnectionError | TimeoutError).code;
        delayMs = backoffDelay(policy, call.attempt);
      }
      if (deadline?.passedBy(delayMs) === true) {
        // Waiting out a Retry-After (or backoff) only to fail at the deadline would hold the caller for nothing.
        const asked = askedMs === undefined ? { en: '', zh: '' } : { en: ` (Retry-After: ${askedMs} ms)`, zh: `（Retry-After：${askedMs} 毫秒）` };
        const left = Math.max(0, deadline.left());
        throw deadline.exceeded(call, response === undefined ? failure : answerError(call, response), {
          en: `not retried: the wait before the next attempt, ${delayMs} ms${asked.en}, would pass the deadline (${left} ms left)`,
          zh: `未重试：下一次尝试前需等待 ${delayMs} 毫秒${asked.zh}，将超过时限（剩余 ${left} 毫秒）`,
        });
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

/**
 * The failure a call ends with, a timeout saying how many attempts were made (the transport that
 * timed the last one out knows only that one).
 */
function withAttempts(failure: unknown, call: Call): unknown {
  if (!(failure instanceof TimeoutError) || call.attempt === 0 || failure.bound !== 'attempt') return failure;
  return new TimeoutError(failure.timeoutMs, call.operationId, { attempts: call.attempt + 1 });
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
