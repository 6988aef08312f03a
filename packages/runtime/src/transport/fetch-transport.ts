import type { Dispatcher } from 'undici';
import { transportFailure } from '../errors/network-errors.js';
import { sharedAgent } from '#platform';
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

/**
 * The default transport: WHATWG `fetch`. Without `options.fetch` it looks up `globalThis.fetch`
 * **on every call** — so MSW's `setupServer`, started after the client was created, still sees the
 * requests — and, on Node, passes a shared, tuned undici `Agent` as `dispatcher` (browsers pool
 * connections themselves).
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

  return {
    async send(req: TransportRequest): Promise<TransportResponse> {
      const init: RequestInit & { dispatcher?: Dispatcher } = {
        method: req.method,
        headers: req.headers,
        body: req.body,
        signal: req.signal ?? null,
      };
      if (userFetch === undefined) dispatcher ??= sharedAgent();
      if (dispatcher !== undefined) init.dispatcher = dispatcher;
      try {
        const response = await (userFetch ?? globalThis.fetch)(req.url, init as RequestInit);
        return { status: response.status, headers: response.headers, body: await response.text() };
      } catch (error) {
        throw transportFailure(error, req.signal);
      }
    },
  };
}
