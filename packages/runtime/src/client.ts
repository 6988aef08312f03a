import { HEADERS } from '@gdx/protocol';
import { createApiError } from './errors/api-error.js';
import { GdxError } from './errors/gdx-error.js';
import { ResponseValidationError, toPointer } from './errors/response-validation-error.js';
import { toEmit, type Emit, type Logger } from './logger.js';
import { Paginator, type ListBounds, type Page } from './pagination/paginator.js';
import { decodeBody } from './response/decode-body.js';
import { checkHeader, checkHeaders, checkSignedHeader } from './request/header-check.js';
import { renderPath } from './request/path-template.js';
import { buildQuery } from './request/query-string.js';
import { retryPolicy, type RetryOptions } from './steps/backoff.js';
import { idempotencyStep } from './steps/idempotency.js';
import { loggingStep } from './steps/logging.js';
import { retryStep } from './steps/retry.js';
import { signStep, type Credentials } from './steps/sign.js';
import { timeoutStep } from './steps/timeout.js';
import type { Call, Send } from './steps/types.js';
import { fetchTransport } from './transport/fetch-transport.js';
import type { Transport, TransportResponse } from './transport/types.js';
import type { ApiRequest, ListOptions, RawResponse, RequestOptions } from './types.js';
import { VERSION } from './version.js';
import { platformUserAgent } from '#platform';

/**
 * Options of {@link ApiClient}.
 *
 * @example
 * ```ts
 * const options: ClientOptions = {
 *   baseUrl: 'http://127.0.0.1:4010/registration/v1',
 *   credentials: { appKey: 'ak_1', secret: 's3cret', algorithm: 'HMAC-SM3' },
 *   maxRetries: 3, timeoutMs: 10_000, totalTimeoutMs: 30_000, validateResponses: true, logger: console,
 * };
 * ```
 */
export interface ClientOptions extends ListBounds {
  /** Platform root, e.g. `http://127.0.0.1:4010/registration/v1`: an absolute URL with a host (else `INVALID_BASE_URL` when the client is made). */
  baseUrl: string;
  /** Without credentials requests are sent unsigned (public endpoints). */
  credentials?: Credentials;
  /** Default: {@link fetchTransport}() (global fetch looked up per call + a shared keep-alive Agent). */
  transport?: Transport;
  /** Shorthand for `transport: fetchTransport({ fetch })`. */
  fetch?: typeof fetch;
  /** Retries after the first attempt (default 2); anything but a finite number ≥ 0 means none. */
  maxRetries?: number;
  /** Per attempt in ms (default 30 000; ≤ 0 disables). */
  timeoutMs?: number;
  /**
   * The whole call in ms, retries and the waits between them included (default: none; ≤ 0
   * disables). An attempt running at the deadline is ended, and no retry is waited for that would
   * start after it: the call fails at once with a `TimeoutError` (`bound: 'total'`, the last
   * failure as `cause`). Without it a call may take about `(maxRetries + 1) × timeoutMs` plus
   * its backoff and `Retry-After` waits.
   */
  totalTimeoutMs?: number;
  /**
   * The longest response body read, in bytes after decompression (default 64 MiB; ≤ 0 or
   * `Infinity`: no bound). A longer one — a proxy streaming without end, a gzip bomb — is given up
   * unread with a `ResponseNotJsonError` of reason `too-large` instead of filling the memory.
   */
  maxResponseBytes?: number;
  /** Check 2xx bodies against `ApiRequest.responseSchema` (default false). */
  validateResponses?: boolean;
  logger?: Logger;
  /** Epoch ms for signing timestamps (corrected by the platform's clock skew) and `Retry-After` dates of answers without a `Date` header (default `Date.now`). */
  now?: () => number;
  /** Sent with every request. */
  headers?: Record<string, string>;
  /**
   * Sent as `Authorization: Bearer <token>` with every request, e.g. the `--sim-token` of a gdx
   * mock whose simulation API is closed (`new SimulationClient({ bearerToken })`).
   */
  bearerToken?: string;
  /** Replaces the default `user-agent` (`gdx-runtime/<version> node/<version>`; none by default in browsers, which send their own). */
  userAgent?: string;
  /** Backoff tuning, and injectable `random`/`sleep` for tests. */
  retry?: RetryOptions;
}

/**
 * The SDK engine: turns an {@link ApiRequest} into a signed HTTP call with idempotency, retries,
 * timeouts, typed errors and optional response validation. Generated SDKs wrap one per platform.
 *
 * @example
 * ```ts
 * import { ApiClient, ConflictError } from '@gdx/runtime';
 * const client = new ApiClient({ baseUrl: 'http://127.0.0.1:4010/registration/v1', credentials: { appKey, secret } });
 * const created = await client.request<{ id: string }>({
 *   operationId: 'submitApplication', method: 'POST', path: '/applications', body: { type: 'initial' }, idempotent: true,
 * });
 * ```
 */
export class ApiClient {
  readonly #origin: string;
  readonly #basePath: string;
  readonly #headers: Record<string, string>;
  readonly #transport: Transport;
  readonly #send: Send;
  readonly #emit: Emit | undefined;
  readonly #maxRetries: number;
  readonly #timeoutMs: number;
  readonly #totalTimeoutMs: number;
  readonly #maxResponseBytes: number | undefined;
  readonly #validate: boolean;
  readonly #listBounds: ListBounds;

  constructor(options: ClientOptions) {
    const base = parsedBaseUrl(options.baseUrl);
    this.#origin = base.origin;
    this.#basePath = base.pathname.replace(/\/+$/, '');
    this.#headers = { accept: 'application/json' };
    // Refused here, not by fetch at the first request (where it read as a network error).
    if (options.userAgent !== undefined) checkHeader('user-agent', options.userAgent, 'ClientOptions.userAgent');
    if (options.bearerToken !== undefined) checkHeader('authorization', `Bearer ${options.bearerToken}`, 'ClientOptions.bearerToken');
    if (options.headers !== undefined) checkHeaders(options.headers, 'ClientOptions.headers');
    if (options.credentials !== undefined) checkSignedHeader(HEADERS.appKey, options.credentials.appKey, 'ClientOptions.credentials.appKey');
    const userAgent = options.userAgent ?? (platformUserAgent === undefined ? undefined : `gdx-runtime/${VERSION} ${platformUserAgent}`);
    if (userAgent !== undefined) this.#headers['user-agent'] = userAgent;
    if (options.bearerToken !== undefined) this.#headers.authorization = `Bearer ${options.bearerToken}`;
    if (options.headers !== undefined) mergeHeaders(this.#headers, options.headers);
    this.#maxRetries = retryCount(options.maxRetries ?? 2);
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#totalTimeoutMs = options.totalTimeoutMs ?? 0;
    this.#maxResponseBytes = options.maxResponseBytes;
    this.#validate = options.validateResponses ?? false;
    this.#listBounds = { maxPages: options.maxPages, maxEmptyPages: options.maxEmptyPages };
    this.#emit = toEmit(options.logger);

    const transport = options.transport ?? fetchTransport(options.fetch === undefined ? {} : { fetch: options.fetch });
    const now = options.now ?? Date.now;
    // Composed once: per call only the Call object is allocated. Outermost step first:
    // idempotency → retry → logging → timeout → sign → transport.
    let send: Send = (call) => transport.send(call);
    if (options.credentials !== undefined) send = signStep(options.credentials, now)(send);
    send = timeoutStep(transport.enforcesTimeout === true)(send);
    if (this.#emit !== undefined) send = loggingStep(this.#emit)(send);
    send = retryStep(retryPolicy(options.retry), now, this.#emit)(send);
    this.#send = idempotencyStep(send);
    this.#transport = transport;
  }

  /**
   * Sends the request and resolves with the parsed JSON body. Rejects with an {@link ApiError}
   * subclass for non-2xx answers, a `ResponseNotJsonError` for a 2xx that is not the JSON
   * body `req.responseSchema` declares (empty, another content type, unparsable), and other
   * {@link GdxError}s otherwise. Without a `responseSchema` an empty body is `undefined`, one
   * whose content type is not JSON its text, and a 206 (the byte range a `Range` header asked of
   * a file) its text, unparsed. A 304 (to `If-None-Match` or `If-Modified-Since`) is an
   * {@link ApiError} with `status` 304 and the `ETag` in its `headers`.
   *
   * @example
   * ```ts
   * const app = await client.request<Application>({ operationId: 'getApplication', method: 'GET',
   *   path: '/applications/{applicationId}', pathParams: { applicationId: 'rga_1' } });
   * ```
   */
  request<T>(req: ApiRequest, options?: RequestOptions): Promise<T> {
    // Not `async`, and `#execute`'s own promise: no second async frame, no `{ data, res }` pair
    // and no `.then` hop per call to unwrap the data.
    return this.#execute<T>(req, options, undefined);
  }

  /**
   * Like {@link ApiClient.request}, plus the raw response (status, headers, request id, body text).
   *
   * @example
   * ```ts
   * const { data, response } = await client.requestWithResponse<Application>(submit);
   * if (response.headers.get('idempotent-replayed') === 'true') console.log('already created', data.id);
   * ```
   */
  async requestWithResponse<T>(req: ApiRequest, options?: RequestOptions): Promise<{ data: T; response: RawResponse }> {
    const kept: Received = { res: undefined };
    const data = await this.#execute<T>(req, options, kept);
    return { data, response: rawResponse(kept.res as TransportResponse) };
  }

  /**
   * Iterates the items of a list operation across pages (`items` / `nextCursor`), loading a page
   * only when needed; `.pages()` gives whole pages and `.toArray(limit?)` collects. A listing
   * that still names a next page after `maxPages` pages (default 10 000) is a `GdxError`
   * `TOO_MANY_PAGES`; `options` bounds it otherwise (`maxPages`, `maxEmptyPages`, over the client's).
   *
   * @example
   * ```ts
   * const all = await client.paginate<Application>({ operationId: 'listApplications', method: 'GET',
   *   path: '/applications', query: { limit: 200 } }).toArray();
   * ```
   */
  paginate<T>(req: ApiRequest, options?: ListOptions): Paginator<T> {
    return new Paginator<T>(
      (cursor) => this.request<Page<T>>(cursor === undefined ? req : { ...req, query: { ...req.query, cursor } }, options),
      {
        operationId: req.operationId,
        maxPages: options?.maxPages ?? this.#listBounds.maxPages,
        maxEmptyPages: options?.maxEmptyPages ?? this.#listBounds.maxEmptyPages,
      },
    );
  }

  /**
   * Releases the transport's resources (sockets of an owned undici Agent); the shared default
   * Agent stays open.
   *
   * @example
   * ```ts
   * await client.close();
   * ```
   */
  async close(): Promise<void> {
    await this.#transport.close?.();
  }

  /** Runs the call and answers its decoded data; `received`, when given, is told the raw response. */
  async #execute<T>(req: ApiRequest, options: RequestOptions | undefined, received: Received | undefined): Promise<T> {
    const call = this.#call(req, options);
    try {
      const res = await this.#send(call);
      if (received !== undefined) received.res = res;
      options?.onResponse?.(rawResponse(res));
      return this.#decode<T>(req, res);
    } catch (error) {
      if (this.#emit !== undefined) {
        const code = error instanceof GdxError ? error.code : 'UNKNOWN';
        const { operationId, method, url, attempt } = call;
        this.#emit({ type: 'error', operationId, method, url, attempt, code, error });
      }
      throw error;
    }
  }

  #call(req: ApiRequest, options: RequestOptions | undefined): Call {
    let path = this.#basePath + renderPath(req.path, req.pathParams);
    const query = buildQuery(req.query);
    if (query !== '') path += `?${query}`;
    // Object.assign, not spread: adding properties (content-type, signature…) to a spread copy
    // sends V8 through map deprecation on every call (~10 µs, measured on Node 20).
    const headers = Object.assign({}, this.#headers);
    let body: string | undefined;
    if (req.body !== undefined) {
      body = jsonBody(req.body, req.operationId);
      headers['content-type'] = 'application/json';
    } else if (req.method !== 'GET') {
      // A bodyless write says JSON too: servers that refuse CORS "simple requests" (the gdx mock's
      // simulation API) accept nothing else, and a body-less request ignores the type anyway.
      headers['content-type'] = 'application/json';
    }
    if (options?.headers !== undefined) {
      checkHeaders(options.headers, 'RequestOptions.headers');
      mergeHeaders(headers, options.headers);
    }
    if (options?.idempotencyKey !== undefined) {
      checkHeader(HEADERS.idempotencyKey, options.idempotencyKey, 'RequestOptions.idempotencyKey');
      headers[HEADERS.idempotencyKey] = options.idempotencyKey;
    }
    return {
      operationId: req.operationId,
      method: req.method,
      url: this.#origin + path,
      origin: this.#origin,
      path,
      headers,
      body,
      signal: undefined,
      userSignal: options?.signal,
      timeoutMs: options?.timeoutMs ?? this.#timeoutMs,
      totalTimeoutMs: options?.totalTimeoutMs ?? this.#totalTimeoutMs,
      maxResponseBytes: options?.maxResponseBytes ?? this.#maxResponseBytes,
      maxRetries: options?.maxRetries === undefined ? this.#maxRetries : retryCount(options.maxRetries),
      idempotent: req.idempotent === true,
      attempt: 0,
    };
  }

  #decode<T>(req: ApiRequest, res: TransportResponse): T {
    if (res.status < 200 || res.status >= 300) {
      throw createApiError({ status: res.status, body: res.body, headers: res.headers, operationId: req.operationId });
    }
    // The generated SDKs give a schema exactly when the operation declares a JSON body.
    let data = decodeBody(req.operationId, res, req.responseSchema !== undefined);
    if (this.#validate && req.responseSchema !== undefined) {
      const result = req.responseSchema.safeParse(data);
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ pointer: toPointer(i.path), code: i.code, message: i.message }));
        throw new ResponseValidationError(req.operationId, issues, data);
      }
      data = result.data;
    }
    return data as T;
  }
}

/** Where `#execute` leaves the raw response for `requestWithResponse`. */
interface Received {
  res: TransportResponse | undefined;
}

function rawResponse(res: TransportResponse): RawResponse {
  return { status: res.status, headers: res.headers, requestId: res.headers.get(HEADERS.requestId), body: res.body };
}

/** A usable retry count: NaN or negative would otherwise mean "never stop" or "never start". */
function retryCount(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/**
 * The request body as JSON text. What `JSON.stringify` cannot write (a `BigInt`, a cycle, a
 * `toJSON` that throws) is `BODY_NOT_JSON` naming the operation, the cause kept: a bare
 * `TypeError` said nothing of which call failed.
 */
function jsonBody(body: unknown, operationId: string): string {
  try {
    return JSON.stringify(body);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new GdxError('BODY_NOT_JSON', { en: `The body of ${operationId} cannot be sent as JSON: ${reason}`, zh: `${operationId} 的请求体无法转换为 JSON：${reason}` }, { cause });
  }
}

function mergeHeaders(target: Record<string, string>, source: Record<string, string>): void {
  for (const name of Object.keys(source)) {
    const value = source[name];
    if (value !== undefined) target[name.toLowerCase()] = value;
  }
}

/**
 * `baseUrl` as a URL with an origin: every request's URL is that origin and a path. A URL whose
 * origin is opaque is refused as well as one that does not parse: `localhost:3000/registration/v1`
 * parses, with `localhost:` as its scheme, and would have sent every request to `null/…`, a failure
 * that looked like the network's.
 */
function parsedBaseUrl(baseUrl: string): URL {
  let base: URL | undefined;
  let cause: unknown;
  try {
    base = new URL(baseUrl);
  } catch (error) {
    cause = error;
  }
  if (base !== undefined && base.origin !== 'null') return base;
  // A host and port without a scheme is the usual slip: name the URL that was probably meant.
  const hint = /^[\w.-]+:\d+(?:[/?#]|$)/.test(baseUrl) ? { en: ` (did you mean http://${baseUrl}?)`, zh: `（是否应为 http://${baseUrl}？）` } : { en: '', zh: '' };
  throw new GdxError(
    'INVALID_BASE_URL',
    { en: `baseUrl must be an absolute URL with a host, e.g. https://host/registration/v1: ${baseUrl}${hint.en}`, zh: `baseUrl 必须是含主机的绝对地址（如 https://host/registration/v1）：${baseUrl}${hint.zh}` },
    cause === undefined ? undefined : { cause },
  );
}
