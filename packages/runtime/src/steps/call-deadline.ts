import { createApiError } from '../errors/api-error.js';
import { GdxError, type Bilingual } from '../errors/gdx-error.js';
import { TimeoutError } from '../errors/network-errors.js';
import type { TransportResponse } from '../transport/types.js';
import type { Call } from './types.js';

/**
 * The `totalTimeoutMs` of one call, on the monotonic clock (a wall clock set back or forward
 * mid-call would stretch or cut it): the retry step fits each attempt into the time left and
 * asks it before every wait, so a call ends by its deadline whatever `timeoutMs`, `maxRetries`,
 * the backoff and the platform's `Retry-After` would add up to.
 *
 * @example
 * ```ts
 * const deadline = CallDeadline.of(call); // undefined without totalTimeoutMs
 * const cut = deadline?.fitAttempt(call); // the attempt's timeoutMs is the time left
 * if (deadline?.passedBy(delayMs)) throw deadline.exceeded(call, lastFailure, reason);
 * ```
 */
export class CallDeadline {
  readonly #totalMs: number;
  readonly #attemptMs: number;
  readonly #at: number;

  private constructor(totalMs: number, attemptMs: number) {
    this.#totalMs = totalMs;
    this.#attemptMs = attemptMs;
    this.#at = performance.now() + totalMs;
  }

  /** The deadline of a call starting now; `undefined` when it has none (≤ 0, infinite, not a number). */
  static of(call: Call): CallDeadline | undefined {
    const total = call.totalTimeoutMs;
    return total > 0 && total !== Number.POSITIVE_INFINITY ? new CallDeadline(total, call.timeoutMs) : undefined;
  }

  /** Whole ms left before the deadline; 0 or less once it has passed. */
  left(): number {
    return Math.ceil(this.#at - performance.now());
  }

  /**
   * Sets the next attempt's `timeoutMs` to the caller's, or to the time left when that ends
   * first, and answers whether the deadline bounds the attempt. Call it with time left.
   */
  fitAttempt(call: Call): boolean {
    const left = this.left();
    const cut = !(this.#attemptMs > 0 && this.#attemptMs <= left);
    call.timeoutMs = cut ? left : this.#attemptMs;
    return cut;
  }

  /** Whether a wait of `ms` starting now would end at or past the deadline (no time left to try). */
  passedBy(ms: number): boolean {
    return performance.now() + ms >= this.#at;
  }

  /** The call's `TimeoutError` of bound `total`, with the last failure (if any) as its cause, quoted. */
  exceeded(call: Call, lastFailure: unknown, reason?: Bilingual): TimeoutError {
    const quoted = quote(lastFailure);
    const text = {
      en: [reason?.en, quoted === undefined ? undefined : `last failure: ${quoted.en}`].filter(Boolean).join('; '),
      zh: [reason?.zh, quoted === undefined ? undefined : `最后一次失败：${quoted.zh}`].filter(Boolean).join('；'),
    };
    return new TimeoutError(this.#totalMs, call.operationId, {
      bound: 'total',
      attempts: call.attempt + 1,
      ...(text.en === '' ? {} : { reason: text }),
      ...(lastFailure === undefined ? {} : { cause: lastFailure }),
    });
  }
}

/** The error a retried answer stands for (the one the call would have thrown had it not been retried). */
export function answerError(call: Call, response: TransportResponse): GdxError {
  return createApiError({ status: response.status, body: response.body, headers: response.headers, operationId: call.operationId });
}

function quote(error: unknown): Bilingual | undefined {
  if (error === undefined) return undefined;
  if (error instanceof GdxError) return { en: error.message, zh: error.messageZh };
  const text = error instanceof Error ? error.message : String(error);
  return { en: text, zh: text };
}
