import { HEADERS, isProblemDetails, type ProblemDetails } from '@gdx/protocol';
import type { HeaderReader } from '../transport/types.js';
import { bodyExcerpt } from './body-excerpt.js';
import { splitDetail } from './detail-languages.js';
import { describeFieldErrors } from './field-errors.js';
import { GdxError, type Bilingual } from './gdx-error.js';

/**
 * What an {@link ApiError} is built from.
 *
 * @example
 * ```ts
 * const init: ApiErrorInit = { status: 404, body: '{"code":"NOT_FOUND",…}', headers: new Headers(), operationId: 'getApplication' };
 * ```
 */
export interface ApiErrorInit {
  status: number;
  /** The raw response body text. */
  body: string;
  headers: HeaderReader;
  operationId: string;
}

/**
 * The platform answered with a non-2xx status. `problem` is the parsed problem+json body (when the
 * body is one): `problem.code`, `problem.message.zh/en`, `problem.errors[].pointer`.
 * `message` and `messageZh` each hold the problem's message, the part of its `detail` in that
 * language (a `中文 / English` detail is split; a detail in one language appears in that one only),
 * the first field errors (`[/query/limit: must be <= 200]`), the operation, the status and the
 * request id: `[VALIDATION_FAILED] Request validation failed: 1 field is invalid [/query/limit: …] (listEntries, HTTP 400, req_1)`.
 * `code` is the problem code, or `HTTP_<status>` when the body was not a problem.
 *
 * @example
 * ```ts
 * try { await client.request(req); } catch (e) {
 *   if (e instanceof ApiError && e.code === 'ILLEGAL_TRANSITION') console.log(e.problem?.message.zh, e.requestId);
 * }
 * ```
 */
export class ApiError extends GdxError {
  override readonly retryable: boolean;
  readonly status: number;
  readonly problem: ProblemDetails | undefined;
  readonly requestId: string | undefined;
  readonly headers: HeaderReader;
  readonly operationId: string;
  /** The raw body text (useful when it is not problem+json). */
  readonly body: string;

  constructor(init: ApiErrorInit, problem: ProblemDetails | undefined = parseProblem(init)) {
    const code = problem?.code ?? `HTTP_${init.status}`;
    const requestId = init.headers.get(HEADERS.requestId) ?? problem?.requestId;
    super(code, describe(init, problem, requestId));
    this.status = init.status;
    this.retryable = isRetryableStatus(init.status);
    this.problem = problem;
    this.requestId = requestId;
    this.headers = init.headers;
    this.operationId = init.operationId;
    this.body = init.body;
  }
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * Whether an answer with this status may succeed when sent again (408, 425, 429, 500, 502, 503, 504):
 * what the retry step retries and what {@link ApiError.retryable} says.
 *
 * @example
 * ```ts
 * isRetryableStatus(503); // true
 * ```
 */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status);
}

/**
 * The message of an ApiError: the problem's message, its detail, which fields were refused, and
 * where (operation, status, request id) — all a log line needs to act on or to quote to support;
 * for a body that is no problem (a gateway's HTML page), the start of its text.
 */
function describe(init: ApiErrorInit, problem: ProblemDetails | undefined, requestId: string | undefined): Bilingual {
  const where = `${init.operationId}, HTTP ${init.status}${requestId === undefined ? '' : `, ${requestId}`}${retryAfter(init)}`;
  if (problem === undefined) {
    // Only a request with `If-None-Match` or `If-Modified-Since` (a file's download) gets a 304.
    if (init.status === 304) {
      return {
        en: `Not modified: the copy that If-None-Match or If-Modified-Since names is current; the ETag and Last-Modified headers name it (${where})`,
        zh: `未修改：If-None-Match 或 If-Modified-Since 所指的副本仍是最新的，响应头 ETag 与 Last-Modified 标明该副本（${where}）`,
      };
    }
    const location = init.status >= 300 && init.status < 400 ? init.headers.get('location') : null;
    if (location !== null) {
      return {
        en: `Redirected to ${location}, which is not followed: check that baseUrl is the platform's current address (${where})`,
        zh: `平台重定向到 ${location}，客户端不会跟随：请确认 baseUrl 是平台当前的地址（${where}）`,
      };
    }
    const excerpt = bodyExcerpt(init.body);
    const en = excerpt === '' ? '' : `: ${excerpt}`;
    const zh = excerpt === '' ? '' : `：${excerpt}`;
    return { en: `Unexpected response${en} (${where})`, zh: `平台返回错误${zh}（${where}）` };
  }
  // Each language gets only its part of the detail: a Chinese message must not end in English.
  // `isProblemDetails` does not check `detail`: one that is no string is left out of the message.
  const detail = typeof problem.detail === 'string' ? splitDetail(problem.detail) : {};
  const en = detail.en === undefined ? '' : `: ${detail.en}`;
  const zh = detail.zh === undefined ? '' : `：${detail.zh}`;
  const fields = describeFieldErrors(problem.errors);
  return { en: `${problem.message.en}${en}${fields.en} (${where})`, zh: `${problem.message.zh}${zh}${fields.zh}（${where}）` };
}

/**
 * `, Retry-After: <value>` for an answer that may be retried and says when: what a job runner
 * scheduling the call again needs, also when the client did not wait that long itself.
 */
function retryAfter(init: ApiErrorInit): string {
  const value = isRetryableStatus(init.status) ? init.headers.get(HEADERS.retryAfter) : null;
  return value === null || value.trim() === '' ? '' : `, Retry-After: ${value.trim()}`;
}

function parseProblem(init: ApiErrorInit): ProblemDetails | undefined {
  if (init.body === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(init.body);
  } catch {
    return undefined;
  }
  if (isProblemDetails(value)) return value;
  return /problem\+json/i.test(init.headers.get('content-type') ?? '') ? partialProblem(value, init.status) : undefined;
}

/**
 * A problem+json body with a `code` but without the gdx `message.zh/en` pair (a gateway, or a
 * platform that sends only RFC 9457's `title`): its code, detail and field errors still count —
 * `e.code === 'ILLEGAL_TRANSITION'` must not turn into `HTTP_409` — and what is missing of the
 * message is filled from a plain-string `message`, `title` (English) or a generic Chinese phrase.
 */
function partialProblem(value: unknown, status: number): ProblemDetails | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.code !== 'string' || v.code === '') return undefined;
  const message = typeof v.message === 'object' && v.message !== null ? (v.message as Record<string, unknown>) : {};
  const title = typeof v.title === 'string' && v.title !== '' ? v.title : undefined;
  // A plain-string message goes to the language(s) it is written in.
  const said = typeof v.message === 'string' ? splitDetail(v.message) : {};
  const en = typeof message.en === 'string' ? message.en : (said.en ?? title ?? `HTTP ${status}`);
  const zh = typeof message.zh === 'string' ? message.zh : (said.zh ?? '平台返回错误');
  return {
    ...v,
    type: typeof v.type === 'string' ? v.type : 'about:blank',
    title: title ?? en,
    status: typeof v.status === 'number' ? v.status : status,
    code: v.code,
    message: { zh, en },
  };
}

/** 400: the request was malformed or failed validation (`problem.errors` has pointers). @example `if (e instanceof BadRequestError) showFieldErrors(e.problem?.errors);` */
export class BadRequestError extends ApiError {}
/** 401: signature missing or invalid, unknown app key, timestamp or nonce refused. @example `if (e instanceof AuthenticationError) checkClock();` */
export class AuthenticationError extends ApiError {}
/** 403: the organisation may not do this. @example `if (e instanceof PermissionDeniedError) …` */
export class PermissionDeniedError extends ApiError {}
/** 404: no such resource. @example `const app = await get().catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));` */
export class NotFoundError extends ApiError {}
/** 409: the resource's state does not allow it (e.g. `ILLEGAL_TRANSITION`). @example `if (e instanceof ConflictError) refresh();` */
export class ConflictError extends ApiError {}
/** 422: understood but refused (e.g. `NOT_SHAREABLE`, `IDEMPOTENCY_KEY_REUSED`). @example `if (e instanceof UnprocessableEntityError) console.log(e.problem?.detail);` */
export class UnprocessableEntityError extends ApiError {}
/** 429: rate limited; already retried `maxRetries` times, honouring `Retry-After`. @example `if (e instanceof RateLimitError) backOff();` */
export class RateLimitError extends ApiError {}
/** 5xx: the platform failed; already retried for 500/502/503/504. @example `if (e instanceof InternalServerError) alert(e.requestId);` */
export class InternalServerError extends ApiError {}

const BY_STATUS: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/**
 * Builds the {@link ApiError} subclass for a status (≥ 500 → InternalServerError, others → ApiError).
 *
 * @example
 * ```ts
 * const error = createApiError({ status: 409, body, headers, operationId: 'submitApplication' });
 * error instanceof ConflictError; // true
 * ```
 */
export function createApiError(init: ApiErrorInit): ApiError {
  const ErrorClass = BY_STATUS[init.status] ?? (init.status >= 500 ? InternalServerError : ApiError);
  return new ErrorClass(init);
}
