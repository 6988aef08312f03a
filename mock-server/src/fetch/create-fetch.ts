import type { App } from '../app/create-app.js';
import { bufferedResponse } from './buffered-response.js';
import { fetchRequest } from './fetch-request.js';

/**
 * A `fetch`-compatible function answered by the app in-process, without any interception: give
 * it to an SDK client as its `fetch`. The call goes straight to `app.dispatch` with plain values
 * (no `Request` is built for a URL with string or byte body) and one `Response` is built at the
 * end, answering `text()`/`json()` from the rendered body without a stream. An injected connection reset rejects like Node's fetch does on a dropped connection
 * (`TypeError('fetch failed')` with an `ECONNRESET` cause).
 *
 * @example
 * ```ts
 * import { createApp } from '@gdx/mock-server';
 * import { createFetch } from '@gdx/mock-server/fetch';
 * const fetch = createFetch(createApp());
 * const res = await fetch('http://mock.local/_sim/v1/sandboxes');
 * ```
 */
export function createFetch(app: App): typeof globalThis.fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const answer = await app.dispatch(await fetchRequest(input, init, app.limits));
    if (answer.connectionReset) {
      const cause = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      throw new TypeError('fetch failed', { cause });
    }
    return bufferedResponse(answer);
  };
}
