/**
 * Read access to response headers. WHATWG `Headers` satisfies it; names are case-insensitive.
 *
 * @example
 * ```ts
 * const requestId = response.headers.get('x-request-id');
 * ```
 */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * What a transport is asked to send. `url` is `origin + path`; both forms are given so a transport
 * never has to parse the URL. Header names are lower-case. The body is already serialised.
 *
 * @example
 * ```ts
 * const req: TransportRequest = { method: 'GET', origin: 'http://127.0.0.1:4010',
 *   path: '/registration/v1/applications?limit=20', url: 'http://127.0.0.1:4010/registration/v1/applications?limit=20',
 *   headers: { accept: 'application/json' }, body: undefined, signal: undefined };
 * ```
 */
export interface TransportRequest {
  readonly method: string;
  readonly url: string;
  /** Scheme, host and port, e.g. `http://127.0.0.1:4010`. */
  readonly origin: string;
  /** Path and query as sent, e.g. `/registration/v1/applications?limit=20`. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  readonly signal: AbortSignal | undefined;
  /** Per-attempt timeout; only for transports with `enforcesTimeout` (≤ 0: none). */
  readonly timeoutMs?: number;
  /** The operation, for transports that log or inject faults per operation. */
  readonly operationId?: string;
  /**
   * The longest body to read, in bytes after decompression (default 64 MiB; ≤ 0 or `Infinity`:
   * no bound); a longer one is given up with a `ResponseNotJsonError` of reason `too-large`.
   */
  readonly maxResponseBytes?: number;
}

/**
 * What a transport answers: the status, the headers and the whole body as text.
 *
 * @example
 * ```ts
 * const res: TransportResponse = { status: 200, headers: new Headers(), body: '{"items":[]}' };
 * ```
 */
export interface TransportResponse {
  status: number;
  headers: HeaderReader;
  body: string;
}

/**
 * Sends one HTTP request. Contract: resolve with any HTTP status (error statuses included);
 * reject with `signal.reason` when the signal aborted, and with a `ConnectionError` when the
 * request could not be completed on the network. `close()` releases owned resources.
 *
 * @example
 * ```ts
 * // A transport that answers from memory, e.g. for unit tests:
 * const transport: Transport = {
 *   send: async (req) => ({ status: 200, headers: new Headers(), body: JSON.stringify({ path: req.path }) }),
 * };
 * ```
 */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  /**
   * True when the transport enforces `request.timeoutMs` itself (rejecting with `TimeoutError`),
   * so the runtime does not arm an AbortController and a timer per attempt.
   */
  readonly enforcesTimeout?: boolean;
  close?(): Promise<void>;
}
