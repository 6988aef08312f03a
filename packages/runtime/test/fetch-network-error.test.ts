import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, ConnectionError, FetchNetworkError, type ClientOptions } from '../src/index.js';

// A browser answers a CORS refusal and a network error alike: fetch rejects with a bare
// TypeError('Failed to fetch'). The client is given a fetch that does exactly that.
describe('a fetch that rejects with a bare TypeError (a network error, or a browser CORS refusal)', () => {
  afterEach(() => vi.unstubAllGlobals());

  let calls: string[];
  let delays: number[];
  const failingFetch = (async (input: string | URL | Request) => {
    calls.push(String(input));
    throw new TypeError('Failed to fetch');
  }) as typeof fetch;
  const client = (options: Partial<ClientOptions> = {}) => {
    calls = [];
    delays = [];
    return new ApiClient({
      baseUrl: 'https://platform.example/catalog/v1',
      fetch: failingFetch,
      maxRetries: 4,
      retry: { random: () => 1, sleep: async (ms) => void delays.push(ms) },
      ...options,
    });
  };
  const search = { operationId: 'searchCatalog', method: 'GET', path: '/search', query: { q: 'x' } } as const;
  const submit = { operationId: 'submitEntry', method: 'POST', path: '/entries', body: {} } as const;

  it('is retried once, not maxRetries times, then thrown as a FetchNetworkError naming the URL and CORS', async () => {
    const failure = await client().request(search).catch((e: unknown) => e);
    expect(calls).toEqual(['https://platform.example/catalog/v1/search?q=x', 'https://platform.example/catalog/v1/search?q=x']);
    expect(delays).toEqual([200]);
    expect(failure).toBeInstanceOf(FetchNetworkError);
    expect(failure).toBeInstanceOf(ConnectionError);
    expect(failure).toMatchObject({
      name: 'FetchNetworkError',
      code: 'CONNECTION_ERROR',
      retryable: true,
      causeCode: undefined,
      url: 'https://platform.example/catalog/v1/search?q=x',
      pageOrigin: undefined,
    });
    const error = failure as FetchNetworkError;
    expect(error.message).toContain('https://platform.example/catalog/v1/search?q=x');
    expect(error.message).toContain('Failed to fetch');
    expect(error.message).toContain('CORS');
    expect(error.messageZh).toContain('CORS');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('names the reason fetch gave in a cause without a code (Node’s "bad port"), and does not blame CORS', async () => {
    const badPort = (async () => {
      throw new TypeError('fetch failed', { cause: new Error('bad port') });
    }) as typeof fetch;
    const failure = await client({ fetch: badPort, maxRetries: 0 }).request(search).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FetchNetworkError);
    expect((failure as FetchNetworkError).message).toBe('[CONNECTION_ERROR] Network error reaching https://platform.example/catalog/v1/search?q=x (fetch failed: bad port)');
    expect((failure as FetchNetworkError).messageZh).toBe('[CONNECTION_ERROR] 无法访问 https://platform.example/catalog/v1/search?q=x（fetch failed：bad port）');
  });

  it('names the page origin the platform has to allow when the page is of another origin', async () => {
    vi.stubGlobal('location', { origin: 'https://portal.example' });
    const failure = await client({ maxRetries: 0 }).request(search).catch((e: unknown) => e);
    expect(failure).toMatchObject({ pageOrigin: 'https://portal.example' });
    expect((failure as FetchNetworkError).message).toContain("refused this page's origin (https://portal.example) by CORS");
  });

  it("does not blame CORS when the page is of the platform's own origin", async () => {
    vi.stubGlobal('location', { origin: 'https://platform.example' });
    const failure = (await client({ maxRetries: 0 }).request(search).catch((e: unknown) => e)) as FetchNetworkError;
    expect(failure.message).toContain('the platform could not be reached');
    expect(failure.message).not.toContain('CORS');
    expect(failure.messageZh).not.toContain('CORS');
  });

  it('is retried as often as retry.fetchNetworkErrorRetries says, within maxRetries', async () => {
    await expect(client({ retry: { fetchNetworkErrorRetries: 0, sleep: async () => undefined } }).request(search)).rejects.toBeInstanceOf(FetchNetworkError);
    expect(calls).toHaveLength(1);
    await expect(client({ retry: { fetchNetworkErrorRetries: 3, sleep: async () => undefined } }).request(search)).rejects.toBeInstanceOf(FetchNetworkError);
    expect(calls).toHaveLength(4);
    await expect(client({ maxRetries: 1, retry: { fetchNetworkErrorRetries: 3, sleep: async () => undefined } }).request(search)).rejects.toBeInstanceOf(FetchNetworkError);
    expect(calls).toHaveLength(2);
  });

  it('counts its own retries, not the attempts: one after a retried 503 is still retried once', async () => {
    const answers: (() => Response)[] = [
      () => new Response('{}', { status: 503, headers: { 'content-type': 'application/json' } }),
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => new Response('{"items":[]}', { status: 200, headers: { 'content-type': 'application/json' } }),
    ];
    let attempts = 0;
    const c = new ApiClient({
      baseUrl: 'https://platform.example/catalog/v1',
      fetch: (async () => answers[attempts++]!()) as typeof fetch,
      maxRetries: 4,
      retry: { sleep: async () => undefined },
    });
    await expect(c.request(search)).resolves.toEqual({ items: [] });
    expect(attempts).toBe(3);
  });

  it('is not retried for a POST without an idempotency key, and retried once with one', async () => {
    await expect(client().request(submit)).rejects.toBeInstanceOf(FetchNetworkError);
    expect(calls).toHaveLength(1);
    await expect(client().request({ ...submit, idempotent: true })).rejects.toBeInstanceOf(FetchNetworkError);
    expect(calls).toHaveLength(2);
  });

  it('leaves a failure that carries a code (a Node socket error) a ConnectionError retried up to maxRetries', async () => {
    const reset = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    let attempts = 0;
    const c = new ApiClient({
      baseUrl: 'https://platform.example/catalog/v1',
      fetch: (async () => (attempts++, Promise.reject(reset))) as typeof fetch,
      maxRetries: 4,
      retry: { sleep: async () => undefined },
    });
    const failure = await c.request(search).catch((e: unknown) => e);
    expect(attempts).toBe(5);
    expect(failure).toBeInstanceOf(ConnectionError);
    expect(failure).not.toBeInstanceOf(FetchNetworkError);
    expect(failure).toMatchObject({ causeCode: 'ECONNRESET' });
  });
});
