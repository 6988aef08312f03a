import type { Dispatcher } from 'undici';
import { redirectNotFollowed, transportFailure } from '../errors/network-errors.js';
import { hasSharedAgent, sharedAgent } from '#platform';
import { bodyReadFailure, declaredCharset, decodeText, type AnswerHead } from './body-text.js';
import { framedWithin, readBounded, responseLimit, webStreamChunks } from './bounded-body.js';
import { attemptTimeout, DeadlineDispatcher, settleWithin } from './deadline-dispatcher.js';
import type { Transport, TransportRequest, TransportResponse } from './types.js';

/**
 * Options of {@link fetchTransport}.
 *
 * @example
 * ```ts
 * const options: FetchTransportOptions = { fetch: myFetch };
 * ```
 */
export interface FetchTransportOptions {
  /** A fetch implementation to use instead of the global one (then no dispatcher is passed, unless given). */
  fetch?: typeof fetch;
  /** An undici dispatcher for the global fetch; default: a shared keep-alive Agent. */
  dispatcher?: Dispatcher;
}

type FetchInit = RequestInit & { dispatcher?: Dispatcher | DeadlineDispatcher };

/**
 * The default transport: WHATWG `fetch`. Without `options.fetch` it looks up `globalThis.fetch`
 * **on every call** — so MSW's `setupServer`, started after the client was created, still sees the
 * requests — and, on Node, passes a shared, tuned undici `Agent` as `dispatcher` (browsers pool
 * connections themselves).
 *
 * On Node with the global fetch it enforces `timeoutMs` itself, without an abort signal (a signal
 * makes undici's `Request` add a listener and a finalizer per call, ~10 % of a loopback request):
 * a timer per attempt ends the wait whoever answers the fetch (MSW too) and aborts the request
 * through its dispatcher, freeing the socket. With `options.fetch`, or in a browser, timeouts
 * come from an abort signal (the runtime's timeout step).
 *
 * @example
 * ```ts
 * import { ApiClient, fetchTransport } from '@gdx/runtime';
 * const client = new ApiClient({ baseUrl, transport: fetchTransport() });
 * // or with an in-process fetch (e.g. the mock server's):
 * const inProcess = new ApiClient({ baseUrl, transport: fetchTransport({ fetch: mock.fetch }) });
 * ```
 */
export function fetchTransport(options: FetchTransportOptions = {}): Transport {
  const userFetch = options.fetch;
  // Resolved lazily so that clients that never send never create the shared Agent.
  let dispatcher: Dispatcher | undefined = options.dispatcher;
  const enforcesTimeout = userFetch === undefined && (dispatcher !== undefined || hasSharedAgent);

  return {
    enforcesTimeout,
    async send(req: TransportRequest): Promise<TransportResponse> {
      if (userFetch === undefined) dispatcher ??= sharedAgent();
      const timeoutMs = enforcesTimeout ? attemptTimeout(req.timeoutMs) : 0;
      // Redirects are answers, as with the undici transport: fetch would follow a 301/302/303 of a
      // POST as a GET (a create "succeeding" with another resource's body) and forward the signature
      // and idempotency headers to whatever origin the Location names.
      const init: FetchInit = { method: req.method, headers: req.headers, body: req.body, signal: req.signal ?? null, redirect: 'manual' };
      const fetchImpl = userFetch ?? globalThis.fetch;
      try {
        if (timeoutMs > 0 && dispatcher !== undefined) {
          const attempt = new DeadlineDispatcher(dispatcher);
          init.dispatcher = attempt;
          const run = () => fetchImpl(req.url, init as RequestInit).then((response) => readResponse(response, req));
          return await settleWithin(timeoutMs, attempt, run, req.operationId ?? req.method);
        }
        if (dispatcher !== undefined) init.dispatcher = dispatcher;
        return await readResponse(await fetchImpl(req.url, init as RequestInit), req);
      } catch (error) {
        throw transportFailure(error, req, true);
      }
    },
  };
}

async function readResponse(response: Response, req: TransportRequest): Promise<TransportResponse> {
  // A browser hides a manual redirect's status and Location (Node shows the 3xx itself).
  if (response.type === 'opaqueredirect') throw redirectNotFollowed(response.url);
  const { status, headers } = response;
  const answer = answerHead(req, response);
  const limit = responseLimit(req.maxResponseBytes);
  const charset = declaredCharset(headers.get('content-type'));
  try {
    if (framedWithin(headers, limit, response.type !== 'cors')) {
      // UTF-8 (or no charset): `text()`, no copy of the bytes.
      const body = charset === undefined ? await response.text() : decodeText(new Uint8Array(await response.arrayBuffer()), charset, answer);
      return { status, headers, body };
    }
    // Anything else chunk by chunk, given up past the bound: `text()` has none (`maxResponseBytes`).
    const bytes = await readBounded(webStreamChunks(response.body), limit, answer);
    return { status, headers, body: decodeText(bytes, charset, answer) };
  } catch (error) {
    throw bodyReadFailure(error, answer);
  }
}

function answerHead(req: TransportRequest, response: Response): AnswerHead {
  return { operationId: req.operationId ?? req.method, status: response.status, headers: response.headers };
}
