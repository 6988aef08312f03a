import type { TransportRequest, TransportResponse } from '../transport/types.js';

/**
 * One logical call on its way through the steps. It is the transport request itself (no copy per
 * attempt): steps update `headers` and `signal` before each attempt and read the rest.
 */
export interface Call extends TransportRequest {
  readonly operationId: string;
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
  /** The caller's signal (the per-attempt `signal` may combine it with a timeout). */
  readonly userSignal: AbortSignal | undefined;
  /**
   * The current attempt's timeout: the caller's `timeoutMs`, shortened by the retry step to the
   * time left when `totalTimeoutMs` would end first.
   */
  timeoutMs: number;
  /** The whole call's bound (≤ 0 or infinite: none); the retry step enforces it. */
  readonly totalTimeoutMs: number;
  readonly maxRetries: number;
  /** True for creates: the idempotency step generates a key once per call. */
  readonly idempotent: boolean;
  /** 0 for the first attempt, 1 for the first retry, … */
  attempt: number;
}

/** Sends a call and resolves with the response of its (last) attempt. */
export type Send = (call: Call) => Promise<TransportResponse>;

/** A step wraps a send with one behaviour (sign, retry, timeout…); steps are composed once per client. */
export type Step = (next: Send) => Send;
