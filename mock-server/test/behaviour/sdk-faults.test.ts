import { CatalogClient, ConnectionError, TimeoutError } from '@gdx/catalog';
import { loadBundledSpec } from '@gdx/openapi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App, type OpenApiDocument } from '../../src/index.js';
import { createCatalogPlatform } from '../../src/platforms/catalog/index.js';
import { TRANSPORTS, type Transport } from '../support/transports.js';

// What an SDK makes of injected faults, through the transports a test suite uses: the in-process
// fetch and MSW. searchEntries is a public GET, so no credentials are needed.
describe.each(['in-process fetch', 'msw setupServer'])('SDK timeouts and retries over faults (%s)', (name) => {
  let app: App;
  let transport: Transport;
  beforeEach(async () => {
    app = createApp({ platforms: [createCatalogPlatform({ spec: loadBundledSpec('catalog') as OpenApiDocument })], seed: 7, logError: () => undefined });
    transport = await TRANSPORTS[name]!(app);
  });
  afterEach(async () => {
    await transport.close();
    await app.close();
  });

  const setFault = async (rule: Record<string, unknown>) => {
    const res = await transport.fetch(`${transport.baseUrl}/_sim/v1/sandboxes/default/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ operation: 'searchEntries', probability: 1, ...rule }] }),
    });
    expect(res.status).toBe(200);
  };
  const catalog = (options: { timeoutMs?: number; maxRetries: number }) => new CatalogClient({ baseUrl: `${transport.baseUrl}/catalog/v1`, fetch: transport.fetch, ...options });

  it('times out at timeoutMs while the app is still answering', async () => {
    await setFault({ kind: 'latency', latencyMs: 1_500 });
    const started = Date.now();
    await expect(catalog({ timeoutMs: 200, maxRetries: 0 }).search.queryPage({ q: 'x' })).rejects.toBeInstanceOf(TimeoutError);
    // An injected fetch times out up to a tenth late (the runtime's shared deadline slices); the
    // rest is room for a loaded machine. Without the timeout it answers after the 1,500 ms latency.
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('retries a GET whose connection was reset once', async () => {
    await setFault({ kind: 'connection_reset', times: 1 });
    await expect(catalog({ maxRetries: 2 }).search.queryPage({ q: 'x' })).resolves.toMatchObject({ items: expect.any(Array) });
  });

  it('gives up with a retryable ConnectionError when every attempt is reset', async () => {
    await setFault({ kind: 'connection_reset', times: 3 });
    // Through MSW a reset is a bare TypeError (a FetchNetworkError, retried once), in process an
    // ECONNRESET (retried up to maxRetries): either way the call fails, and a later one passes.
    const failure = await catalog({ maxRetries: 2 }).search.queryPage({ q: 'x' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ConnectionError);
    expect(failure).toMatchObject({ retryable: true });
    await expect(catalog({ maxRetries: 2 }).search.queryPage({ q: 'x' })).resolves.toBeDefined();
  });
});
