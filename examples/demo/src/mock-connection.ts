import { createApp } from '@gdx/mock-server';
import { createFetch } from '@gdx/mock-server/fetch';
import type { MockConnection } from './sandbox.js';

/** A {@link MockConnection} and how to let go of it. */
export interface OpenConnection extends MockConnection {
  /** Closes the in-process mock this connection made; a no-op for a mock given by URL. */
  close(): Promise<void>;
}

/**
 * Where an example talks to the mock: the running mock at `mockUrl` (`gdx-mock`, or anything in
 * front of it) over HTTP, or else a fresh mock in-process through its `fetch`.
 *
 * @example
 * ```ts
 * const connection = connectMock(options.mockUrl);
 * try {
 *   const s = await openSandbox(connection, { profile: 'national', startAt, reviewerPolicy: { mode: 'manual' } });
 * } finally {
 *   await connection.close();
 * }
 * ```
 */
export function connectMock(mockUrl?: string): OpenConnection {
  if (mockUrl !== undefined) return { mockUrl, close: async () => {} };
  const app = createApp();
  return { mockUrl: 'http://mock.local', fetch: createFetch(app), close: () => app.close() };
}
