import { GdxError } from './gdx-error.js';

/** Error codes (Node and undici) that mean "the connection failed; trying again may work". */
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * The request could not be completed on the network (refused, reset, DNS…). `causeCode` is the
 * underlying Node/undici code; `retryable` says whether the retry step may try again: for a
 * connection failure's code, and for a `fetch` `TypeError` without any code — how browsers
 * (`Failed to fetch`, `Load failed`…) and MSW's `HttpResponse.error()` report a network error.
 * In a browser that also covers a CORS refusal, where a retry is wasted but harmless: the retry
 * step still repeats only idempotent requests, at most `maxRetries` times.
 *
 * @example
 * ```ts
 * if (e instanceof ConnectionError && e.causeCode === 'ECONNREFUSED') console.error('is the mock running?');
 * ```
 */
export class ConnectionError extends GdxError {
  readonly causeCode: string | undefined;
  readonly retryable: boolean;

  constructor(cause: unknown) {
    const causeCode = findCode(cause);
    const reason = causeCode ?? (cause instanceof Error ? cause.message : String(cause));
    super('CONNECTION_ERROR', { en: `Connection failed (${reason})`, zh: `网络连接失败（${reason}）` }, { cause });
    this.causeCode = causeCode;
    this.retryable = causeCode === undefined ? isTypeError(cause) : RETRYABLE_CODES.has(causeCode);
  }
}

/** By name rather than `instanceof`: the error may come from another realm (a test environment, a frame). */
function isTypeError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TypeError';
}

/**
 * An attempt took longer than `timeoutMs`. Retryable.
 *
 * @example
 * ```ts
 * if (e instanceof TimeoutError) console.warn(`gave up after ${e.timeoutMs} ms per attempt`);
 * ```
 */
export class TimeoutError extends GdxError {
  readonly timeoutMs: number;

  constructor(timeoutMs: number, operationId: string) {
    super('TIMEOUT', {
      en: `${operationId} timed out after ${timeoutMs} ms`,
      zh: `${operationId} 请求超时（${timeoutMs} 毫秒）`,
    });
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The caller's `AbortSignal` fired. `cause` is the signal's reason. Never retried.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const pending = client.request(req, { signal: controller.signal });
 * controller.abort();
 * await pending.catch((e) => e instanceof AbortError); // true
 * ```
 */
export class AbortError extends GdxError {
  constructor(reason: unknown) {
    super('ABORTED', { en: 'The request was aborted', zh: '请求已被取消' }, { cause: reason });
  }
}

/** Walks the `cause` chain (fetch wraps the socket error) for the first string `code`. */
function findCode(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * What a transport throws when its send fails: the signal's reason if it aborted (the timeout
 * step and the client turn that into TimeoutError / AbortError), else a ConnectionError.
 */
export function transportFailure(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason ?? error;
  return error instanceof GdxError ? error : new ConnectionError(error);
}
