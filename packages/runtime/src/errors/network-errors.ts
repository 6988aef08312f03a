import { GdxError, type Bilingual } from './gdx-error.js';

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
 * (`Failed to fetch`, `Load failed`…) and MSW's `HttpResponse.error()` report a network error,
 * thrown as the subclass {@link FetchNetworkError} (retried at most once by default).
 *
 * @example
 * ```ts
 * if (e instanceof ConnectionError && e.causeCode === 'ECONNREFUSED') console.error('is the mock running?');
 * ```
 */
export class ConnectionError extends GdxError {
  readonly causeCode: string | undefined;
  override readonly retryable: boolean;

  /** `text` replaces the default message (`Connection failed (<code or cause message>)`). */
  constructor(cause: unknown, text?: Bilingual) {
    const causeCode = findCode(cause);
    const reason = causeCode ?? causeMessage(cause);
    super('CONNECTION_ERROR', text ?? { en: `Connection failed (${reason})`, zh: `网络连接失败（${reason}）` }, { cause });
    this.causeCode = causeCode;
    this.retryable = causeCode === undefined ? isTypeError(cause) : RETRYABLE_CODES.has(causeCode);
  }
}

/**
 * A `fetch` that rejected with a bare `TypeError` (no error code anywhere in its `cause` chain):
 * all a browser says of a network error — and of a CORS refusal, which looks exactly the same to
 * the page (the reason is only in the browser's console). The message names the URL and, in a
 * page, the page's origin the platform has to allow. `code` stays `CONNECTION_ERROR` and it is
 * a {@link ConnectionError}; the retry step retries it for repeatable requests like any
 * connection failure, but at most `retry.fetchNetworkErrorRetries` times (default 1): a blip
 * passes on the next attempt, while a CORS refusal or an unreachable host would only make every
 * retry wait its backoff before failing the same way.
 *
 * @example
 * ```ts
 * try { await client.request(req); } catch (e) {
 *   if (e instanceof FetchNetworkError) showBanner(`Cannot reach ${e.url}; is ${e.pageOrigin} allowed (CORS)?`);
 * }
 * ```
 */
export class FetchNetworkError extends ConnectionError {
  /** The URL of the failed request (with its query). */
  readonly url: string;
  /** The origin of the page that sent it (`location.origin`), `undefined` outside a page (Node). */
  readonly pageOrigin: string | undefined;

  constructor(cause: unknown, url: string, pageOrigin: string | undefined) {
    const reason = causeMessage(cause);
    const inner = innerMessage(cause);
    super(cause, inner === undefined ? networkErrorText(url, reason, pageOrigin) : { en: `Network error reaching ${url} (${reason}: ${inner})`, zh: `无法访问 ${url}（${reason}：${inner}）` });
    this.url = url;
    this.pageOrigin = pageOrigin;
  }
}

/**
 * The message of a FetchNetworkError: a page of the platform's own origin cannot be refused by
 * CORS; a page of another origin is named (the origin the platform has to allow); outside a page
 * (Node) the CORS case is mentioned for the browser.
 */
function networkErrorText(url: string, reason: string, pageOrigin: string | undefined): Bilingual {
  const head = { en: `Network error reaching ${url} (${reason}); fetch gives no reason`, zh: `无法访问 ${url}（${reason}），fetch 未说明原因` };
  if (pageOrigin !== undefined && url.startsWith(`${pageOrigin}/`)) {
    return { en: `${head.en}: the platform could not be reached`, zh: `${head.zh}：无法连接平台` };
  }
  const origin = pageOrigin === undefined ? '' : ` (${pageOrigin})`;
  return {
    en:
      `${head.en}. Either the platform cannot be reached, or, in a browser, it refused this page's origin${origin} by CORS, ` +
      `which looks the same: check that the platform allows the origin (the browser console names the cause)`,
    zh:
      `${head.zh}：平台可能无法连接；在浏览器中也可能是平台按 CORS 拒绝了本页的来源${origin}，两者表现相同。` +
      `请确认平台允许该来源（浏览器控制台会写明原因）`,
  };
}

/**
 * The message of the first `Error` in the `cause` chain below `error`: fetch on Node wraps what
 * failed (undici's `bad port` for port 1, an invalid header) in its `TypeError('fetch failed')`,
 * sometimes with no code. Then fetch did give a reason, and it is no CORS refusal. `undefined`
 * for a browser's bare TypeError, which has no cause, and for MSW's, whose cause is a Response.
 */
function innerMessage(error: unknown): string | undefined {
  let current = (error as { cause?: unknown } | null)?.cause;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (current instanceof Error && current.message !== '') return current.message;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** By name rather than `instanceof`: the error may come from another realm (a test environment, a frame). */
function isTypeError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TypeError';
}

function causeMessage(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * Which bound a {@link TimeoutError} hit: one attempt's `timeoutMs`, or the whole call's
 * `totalTimeoutMs` (every attempt and every wait between them).
 */
export type TimeoutBound = 'attempt' | 'total';

/** What a {@link TimeoutError} adds to its bound: the attempts made, and why the call stopped. */
export interface TimeoutDetails {
  /** Attempts sent before the call gave up (default 1). */
  attempts?: number;
  /** Default `'attempt'`. */
  bound?: TimeoutBound;
  /** Why the call stopped when it was not an attempt running out of time (the next wait would pass the deadline). */
  reason?: Bilingual;
  /** The last failure of the call, when the deadline stopped a retry. */
  cause?: unknown;
}

/**
 * A call ran out of time: an attempt took longer than `timeoutMs` (`bound: 'attempt'`, after
 * the retries `maxRetries` allows), or the whole call would pass its `totalTimeoutMs`
 * (`bound: 'total'`): an attempt cut at the deadline, or a retry whose wait (backoff or
 * `Retry-After`) would end past it — then the call fails at once, the last failure as `cause`.
 * `attempts` says how many attempts were sent. Retryable.
 *
 * @example
 * ```ts
 * if (e instanceof TimeoutError) console.warn(`gave up after ${e.attempts} attempts: ${e.bound} bound of ${e.timeoutMs} ms`);
 * ```
 */
export class TimeoutError extends GdxError {
  /** The bound that was hit, in ms: the per-attempt `timeoutMs` or the call's `totalTimeoutMs`. */
  readonly timeoutMs: number;
  readonly bound: TimeoutBound;
  readonly attempts: number;
  override readonly retryable = true;

  constructor(timeoutMs: number, operationId: string, details: TimeoutDetails = {}) {
    const attempts = details.attempts ?? 1;
    const bound = details.bound ?? 'attempt';
    const tries = { en: `${attempts} attempt${attempts === 1 ? '' : 's'}`, zh: `共尝试 ${attempts} 次` };
    const why = details.reason === undefined ? { en: '', zh: '' } : { en: `: ${details.reason.en}`, zh: `：${details.reason.zh}` };
    super(
      'TIMEOUT',
      bound === 'attempt'
        ? { en: `${operationId} timed out after ${timeoutMs} ms per attempt (timeoutMs; ${tries.en})`, zh: `${operationId} 请求超时（单次尝试超过 timeoutMs ${timeoutMs} 毫秒，${tries.zh}）` }
        : { en: `${operationId} ran out of its total time of ${timeoutMs} ms (totalTimeoutMs; ${tries.en})${why.en}`, zh: `${operationId} 超出整体时限 totalTimeoutMs ${timeoutMs} 毫秒（${tries.zh}）${why.zh}` },
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.timeoutMs = timeoutMs;
    this.bound = bound;
    this.attempts = attempts;
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
  /** `operationId`, when given, and the reason's message (e.g. `AbortSignal.timeout`'s) go into the message. */
  constructor(reason: unknown, operationId?: string) {
    const what = operationId ?? 'The request';
    // A reason that is an Error says why (a deadline such as AbortSignal.timeout's, a shutdown);
    // a bare abort()'s "This operation was aborted" would only repeat the message.
    const why = reason instanceof Error && reason.name !== 'AbortError' && reason.message !== '' ? reason.message : undefined;
    super(
      'ABORTED',
      {
        en: `${what} was aborted${why === undefined ? '' : ` (${why})`}`,
        zh: `${operationId === undefined ? '请求' : `${operationId} `}已被取消${why === undefined ? '' : `（${why}）`}`,
      },
      { cause: reason },
    );
  }
}

/**
 * A browser's answer to a request that the platform redirected: redirects are not followed (a
 * signed request is valid for its own path only, and a POST would become a GET), and a page is
 * not told the status or the new address.
 *
 * @example
 * ```ts
 * if (e instanceof GdxError && e.code === 'REDIRECT_NOT_FOLLOWED') console.error('check baseUrl');
 * ```
 */
export function redirectNotFollowed(url: string): GdxError {
  return new GdxError('REDIRECT_NOT_FOLLOWED', {
    en: `${url} answered a redirect, which is not followed: check that baseUrl is the platform's current address`,
    zh: `${url} 返回了重定向，客户端不会跟随：请确认 baseUrl 是平台当前的地址`,
  });
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

/** The request a transport failed to send, as its failure names it. */
export interface FailedRequest {
  readonly method: string;
  readonly url: string;
  readonly signal: AbortSignal | undefined;
  readonly operationId?: string | undefined;
}

/**
 * What a transport throws when its send fails: the signal's reason if it aborted (the timeout
 * step and the client turn that into TimeoutError / AbortError), a FetchNetworkError for a bare
 * `TypeError` of a fetch (`viaFetch`), else a ConnectionError whose message names the operation,
 * method and URL: `Connection failed (UND_ERR_SOCKET)` alone did not say which call failed.
 */
export function transportFailure(error: unknown, req: FailedRequest, viaFetch: boolean): unknown {
  if (req.signal?.aborted) return req.signal.reason ?? error;
  if (error instanceof GdxError) return error;
  if (viaFetch && isTypeError(error) && findCode(error) === undefined) return new FetchNetworkError(error, req.url, pageOrigin());
  const reason = findCode(error) ?? causeMessage(error);
  const call = `${req.operationId === undefined ? '' : `${req.operationId}: `}${req.method} ${req.url}`;
  return new ConnectionError(error, { en: `Connection failed (${reason}): ${call}`, zh: `网络连接失败（${reason}）：${call}` });
}

/** The origin of the page running the client; `undefined` where there is none (Node, a worker without `location`). */
function pageOrigin(): string | undefined {
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
  return typeof origin === 'string' && origin !== 'null' ? origin : undefined;
}
