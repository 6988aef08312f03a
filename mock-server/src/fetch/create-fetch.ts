import type { App } from '../app/create-app.js';
import { bufferedResponse } from './buffered-response.js';
import { fetchRequest } from './fetch-request.js';

/**
 * A `fetch`-compatible function answered by the app in-process, without any interception: give
 * it to an SDK client as its `fetch`. The call goes straight to `app.dispatch` with plain values
 * (no `Request` is built for a URL with string or byte body) and one `Response` is built at the
 * end, answering `text()`/`json()` from the rendered body without a stream; its `url` is the
 * request's URL without fragment, as `fetch` sets it. An injected connection reset rejects like Node's fetch does on a dropped connection
 * (`TypeError('fetch failed')` with an `ECONNRESET` cause).
 *
 * The request's `AbortSignal` (`init.signal`, else the `Request`'s) is followed as `fetch`
 * follows it: an abort before or while the app answers rejects at once with the signal's reason
 * (a `DOMException` named `AbortError` unless the caller gave one), so timeouts built on it work.
 * The app's work is not cancelled, only its late answer dropped: as with a real server, a write
 * that was aborted may still have been done.
 *
 * @example
 * ```ts
 * import { createApp } from '@gdx/mock-server';
 * import { createFetch } from '@gdx/mock-server/fetch';
 * const fetch = createFetch(createApp());
 * const res = await fetch('http://mock.local/_sim/v1/sandboxes', { signal: AbortSignal.timeout(1_000) });
 * ```
 */
export function createFetch(app: App): typeof globalThis.fetch {
  return (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => untilAborted(answer(app, input, init), signalOf(input, init));
}

async function answer(app: App, input: RequestInfo | URL, init: RequestInit | undefined): Promise<Response> {
  const request = await fetchRequest(input, init, app.limits);
  // Taken before dispatching: the URL the caller asked for, whatever the app does with the request.
  const url = `${request.origin}${request.path}${request.query === '' ? '' : `?${request.query}`}`;
  const answer = await app.dispatch(request);
  if (answer.connectionReset) {
    const cause = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    throw new TypeError('fetch failed', { cause });
  }
  return bufferedResponse(answer, url);
}

/** The signal `fetch` follows: `init.signal` (`null` meaning none) over the `Request`'s own. */
function signalOf(input: RequestInfo | URL, init: RequestInit | undefined): AbortSignal | undefined {
  if (init?.signal !== undefined) return init.signal ?? undefined;
  return input instanceof Request ? input.signal : undefined;
}

/**
 * Settles as `work` does, or rejects with the signal's reason as soon as it aborts. The app
 * cannot be interrupted, so its answer is only dropped; the listener is removed when `work`
 * settles, so a signal shared by many calls does not collect listeners.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
