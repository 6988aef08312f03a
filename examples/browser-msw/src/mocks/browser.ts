import { createApp } from '@gdx/mock-server';
import { createHandlers } from '@gdx/mock-server/msw';
import { setupWorker } from 'msw/browser';
import { MOCK_URL } from './mock-url.js';

/**
 * The whole gdx mock (all four platforms and the simulation API) running in the page: the app
 * core is created here, in the page's JavaScript, and MSW's service worker hands it every
 * `fetch` to {@link MOCK_URL}. No server, no network. Start it before the first request:
 *
 * @example
 * ```ts
 * await worker.start({ onUnhandledRequest: 'error', quiet: true });
 * ```
 */
export const worker = setupWorker(...createHandlers(createApp({ seed: 7 }), { baseUrl: MOCK_URL }));
