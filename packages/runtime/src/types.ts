import type { ZodType } from 'zod';
import type { ListBounds } from './pagination/paginator.js';
import type { QueryParams } from './request/query-string.js';
import type { HeaderReader } from './transport/types.js';

/**
 * HTTP methods the platforms use.
 *
 * @example
 * ```ts
 * const method: HttpMethod = 'PATCH';
 * ```
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One operation call as a generated SDK describes it.
 *
 * @example
 * ```ts
 * const req: ApiRequest = {
 *   operationId: 'getApplication', method: 'GET',
 *   path: '/applications/{applicationId}', pathParams: { applicationId: 'rga_01J' },
 * };
 * ```
 */
export interface ApiRequest {
  /** For logs, errors and fault rules. */
  operationId: string;
  method: HttpMethod;
  /** Template relative to the client's baseUrl, e.g. `/applications/{applicationId}`. */
  path: string;
  pathParams?: Record<string, string | number>;
  query?: QueryParams;
  /** JSON-serialised when present. */
  body?: unknown;
  /** True for creates: an Idempotency-Key is generated once per logical call and reused on every retry. */
  idempotent?: boolean;
  /**
   * The operation's JSON response body. Its presence says the operation answers JSON: a 2xx that
   * is empty, of a content type that is not JSON, or unparsable is then `RESPONSE_NOT_JSON`.
   * Checked against the body only when the client has `validateResponses: true`.
   */
  responseSchema?: ZodType;
}

/**
 * Per-call options; they override the client's.
 *
 * @example
 * ```ts
 * await client.request(req, { timeoutMs: 5_000, totalTimeoutMs: 20_000, maxRetries: 3 });
 * ```
 */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Per attempt; ≤ 0 disables. */
  timeoutMs?: number;
  /**
   * The whole call in ms — every attempt and every wait between them — or none (≤ 0). An attempt
   * still running at the deadline is ended, and a retry whose wait (backoff or `Retry-After`)
   * would end past it is not waited for: the call fails at once with a `TimeoutError` whose
   * `bound` is `'total'`. Each page of `paginate` is a call of its own.
   */
  totalTimeoutMs?: number;
  maxRetries?: number;
  /** The longest response body read, in bytes after decompression (see `ClientOptions.maxResponseBytes`). */
  maxResponseBytes?: number;
  /** Use this key (also makes a POST/PATCH retryable). */
  idempotencyKey?: string;
  headers?: Record<string, string>;
  /**
   * Told the raw response the call ends with (after retries, before its body is decoded, error
   * statuses too): the way to read the request id, `Idempotent-Replayed` or any other header of
   * an SDK method's answer, which resolves with the decoded body alone. Each page of a paginated
   * list is told. A throw from it rejects the call.
   *
   * @example
   * ```ts
   * let replayed = false;
   * const app = await client.applications.submit(body, {
   *   idempotencyKey: 'cancel-reg_01J',
   *   onResponse: (r) => { replayed = r.headers.get('idempotent-replayed') === 'true'; console.log(r.requestId); },
   * });
   * ```
   */
  onResponse?: (response: RawResponse) => void;
}

/**
 * Options of one listing (`client.paginate`, an SDK's list method): the per-call options of each
 * page's request, and the bounds of the listing, which override the client's.
 *
 * @example
 * ```ts
 * const all = await client.paginate<Entry>(req, { maxPages: 5_000, totalTimeoutMs: 20_000 }).toArray();
 * ```
 */
export interface ListOptions extends RequestOptions, ListBounds {}

/**
 * The raw HTTP response of a successful call.
 *
 * @example
 * ```ts
 * const { data, response } = await client.requestWithResponse(req);
 * console.log(response.status, response.requestId, response.headers.get('idempotent-replayed'));
 * ```
 */
export interface RawResponse {
  status: number;
  headers: HeaderReader;
  /** `X-Request-Id` of the response, for support tickets. */
  requestId: string | null;
  /** The body text as received. */
  body: string;
}
