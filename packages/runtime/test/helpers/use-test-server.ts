import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startTestServer, type Script, type TestServer } from './test-server.js';

/** What {@link useTestServer} sets up besides the server itself. */
export interface UseTestServerOptions {
  /** Installed as the fallback before each test (after the reset). */
  fallback?: Script;
  /** Closed after the file's tests, before the server (e.g. an undici transport's pool). */
  alsoClose?: readonly { close(): Promise<void> }[];
}

/**
 * One test server for the whole file: started before the file's tests, reset (queue, received
 * requests, fallback) before each test, closed after them. The answer stands for the server and
 * may be read only inside hooks and tests, once it has started.
 */
export function useTestServer(options: UseTestServerOptions = {}): TestServer {
  let started: TestServer | undefined;
  const live = (): TestServer => {
    if (!started) throw new Error('the test server is read before it started (use it inside hooks and tests)');
    return started;
  };
  beforeAll(async () => {
    started = await startTestServer();
  });
  afterAll(async () => {
    for (const resource of options.alsoClose ?? []) await resource.close();
    await started?.close();
  });
  beforeEach(() => {
    live().reset();
    if (options.fallback) live().fallback(options.fallback);
  });
  return {
    get origin() {
      return live().origin;
    },
    get received() {
      return live().received;
    },
    enqueue: (...scripts) => live().enqueue(...scripts),
    fallback: (script) => live().fallback(script),
    reset: () => live().reset(),
    close: () => live().close(),
  };
}
