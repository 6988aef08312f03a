import { setupServer } from 'msw/node';
import { afterEach } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { createHandlers } from '../../src/msw/index.js';
import { startServer } from '../../src/server/index.js';

/** A way of reaching the app, as a client sees it. */
export interface Transport {
  fetch: typeof globalThis.fetch;
  baseUrl: string;
  close(): Promise<void>;
}

export type TransportFactory = (app: App) => Promise<Transport>;

/** The transports the behaviour suite runs through. */
export const TRANSPORTS: Record<string, TransportFactory> = {
  'in-process fetch': async (app) => ({ fetch: createFetch(app), baseUrl: 'http://mock.local', close: async () => undefined }),
  'msw setupServer': async (app) => {
    const server = setupServer(...createHandlers(app, { baseUrl: 'http://mock.msw' }));
    server.listen({ onUnhandledRequest: 'bypass' });
    return { fetch: (...args) => globalThis.fetch(...args), baseUrl: 'http://mock.msw', close: async () => server.close() };
  },
  // Mounted below a path on an https origin, as a browser app mounts it (examples/browser-msw):
  // signatures cover the prefix, and absolute URLs in answers keep scheme and prefix.
  'msw setupServer, https below a path': async (app) => {
    const baseUrl = 'https://mock.msw/gdx/mock';
    const server = setupServer(...createHandlers(app, { baseUrl }));
    server.listen({ onUnhandledRequest: 'bypass' });
    return { fetch: (...args) => globalThis.fetch(...args), baseUrl, close: async () => server.close() };
  },
  'node:http server': async (app) => {
    const running = await startServer(app, { port: 0 });
    return { fetch: (...args) => globalThis.fetch(...args), baseUrl: running.url, close: () => running.close() };
  },
};

/**
 * For the tests of a describe block: opens a fresh app (seed 3, 2025-09-26 10:00) through the
 * transport `name` when a test asks, and closes both after each test.
 */
export function useFreshApp(name: string): () => Promise<Transport> {
  let app: App | undefined;
  let transport: Transport | undefined;
  afterEach(async () => {
    await transport?.close();
    await app?.close();
  });
  return async () => {
    app = createApp({ seed: 3, startAt: '2025-09-26T10:00:00+08:00', logError: () => undefined });
    transport = await TRANSPORTS[name]!(app);
    return transport;
  };
}
