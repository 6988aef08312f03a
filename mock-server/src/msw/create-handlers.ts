import { http, HttpResponse, type HttpHandler } from 'msw';
import type { App } from '../app/create-app.js';
import { toDispatchRequest, toResponse } from '../app/handle-request.js';

/** Options of `createHandlers`. */
export interface HandlerOptions {
  /** The origin (and optional path prefix) the mock answers for, e.g. `http://127.0.0.1:4010`. */
  baseUrl: string;
}

/**
 * MSW request handlers answering every request under `baseUrl` from the app; they work with
 * `setupServer` (Node) and `setupWorker` (browser). An injected connection reset becomes
 * `HttpResponse.error()` (a network error).
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createApp } from '@gdx/mock-server';
 * import { createHandlers } from '@gdx/mock-server/msw';
 * const server = setupServer(...createHandlers(createApp(), { baseUrl: 'http://mock.local' }));
 * server.listen();
 * ```
 */
export function createHandlers(app: App, options: HandlerOptions): HttpHandler[] {
  const base = new URL(options.baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  // A regular expression without groups, not a `…/*` pattern: msw decodes a pattern's wildcard
  // with `decodeURIComponent`, so a path like `/notes/%E0%A4%A` threw in msw (a 500) before the
  // app could answer it 400 at its parameter.
  const under = new RegExp(`^${`${base.origin}${prefix}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:/|$)`);
  return [
    http.all(under, async ({ request }) => {
      // A body over the app's limit is refused while it is read, before the core sees it.
      const plain = await toDispatchRequest(request, app.limits);
      const answer = await app.dispatch({ ...plain, path: plain.path.slice(prefix.length) || '/', ...(prefix ? { prefix } : {}) });
      return answer.connectionReset ? HttpResponse.error() : toResponse(answer);
    }),
  ];
}
