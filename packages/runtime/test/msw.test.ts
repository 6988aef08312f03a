import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient, ConnectionError, FetchNetworkError, NotFoundError, TimeoutError } from '../src/index.js';

// The client is created BEFORE MSW starts listening: the default transport must still be
// intercepted because it looks up globalThis.fetch on every call.
const client = new ApiClient({ baseUrl: 'http://platform.test/registration/v1', maxRetries: 0 });
const mock = setupServer(
  http.get('http://platform.test/registration/v1/applications/:id', ({ params }) =>
    params.id === 'rga_1'
      ? HttpResponse.json({ id: 'rga_1', state: 'submitted' }, { headers: { 'x-request-id': 'req_msw' } })
      : HttpResponse.json(
          { type: 'https://gdx.dev/problems/not-found', title: 'Not found', status: 404, code: 'NOT_FOUND', message: { zh: '资源不存在', en: 'Resource not found' } },
          { status: 404, headers: { 'content-type': 'application/problem+json' } },
        ),
  ),
  // Never answers: only the client's timeout ends the call.
  http.get('http://platform.test/registration/v1/applications/:id/events', () => new Promise<never>(() => {})),
  // A network error (MSW's TypeError('Failed to fetch'), no cause code) until `failures` are spent.
  http.all('http://platform.test/registration/v1/flaky', () => (attempts++, attempts <= failures ? HttpResponse.error() : HttpResponse.json({ ok: true }))),
);
let attempts = 0;
let failures = 0;
mock.listen({ onUnhandledRequest: 'error' });
afterAll(() => mock.close());

describe('MSW setupServer', () => {
  const get = (id: string) => ({ operationId: 'getApplication', method: 'GET', path: '/applications/{id}', pathParams: { id } }) as const;

  it('intercepts the default fetch transport (with its undici Agent) even when created before listen()', async () => {
    const { data, response } = await client.requestWithResponse(get('rga_1'));
    expect(data).toEqual({ id: 'rga_1', state: 'submitted' });
    expect(response.requestId).toBe('req_msw');
  });

  it('maps MSW problem answers to the error tree', async () => {
    await expect(client.request(get('rga_9'))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('times out a call MSW never answers, each of several started together, and answers the next', async () => {
    const slow = new ApiClient({ baseUrl: 'http://platform.test/registration/v1', maxRetries: 0, timeoutMs: 50 });
    const events = { operationId: 'listApplicationEvents', method: 'GET', path: '/applications/rga_1/events' } as const;
    const outcomes = await Promise.all([1, 2, 3].map(() => slow.request(events).catch((e: unknown) => e)));
    for (const outcome of outcomes) expect(outcome).toMatchObject({ code: 'TIMEOUT', timeoutMs: 50 });
    expect(outcomes[0]).toBeInstanceOf(TimeoutError);
    // The answer gets a loaded machine's time: with 50 ms, a pause of the test's process alone
    // could time it out.
    await expect(slow.request(get('rga_1'), { timeoutMs: 10_000 })).resolves.toEqual({ id: 'rga_1', state: 'submitted' });
  });

  describe('a network error MSW answers with HttpResponse.error()', () => {
    const flaky = (failing: number) => {
      attempts = 0;
      failures = failing;
      return new ApiClient({ baseUrl: 'http://platform.test/registration/v1', maxRetries: 2, retry: { sleep: async () => undefined } });
    };
    const get = { operationId: 'getFlaky', method: 'GET', path: '/flaky' } as const;
    const post = { operationId: 'postFlaky', method: 'POST', path: '/flaky', body: {} } as const;

    it('is retried like a connection failure for a GET', async () => {
      await expect(flaky(1).request(get)).resolves.toEqual({ ok: true });
      expect(attempts).toBe(2);
    });

    it('is retried once (a browser CORS refusal looks the same), then thrown as a FetchNetworkError', async () => {
      const failure = await flaky(10).request(get).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(FetchNetworkError);
      expect(failure).toBeInstanceOf(ConnectionError);
      expect(failure).toMatchObject({ retryable: true, causeCode: undefined, url: 'http://platform.test/registration/v1/flaky' });
      expect(attempts).toBe(2);
    });

    it('is retried for a POST only with an idempotency key', async () => {
      await expect(flaky(1).request(post)).rejects.toBeInstanceOf(ConnectionError);
      expect(attempts).toBe(1);
      await expect(flaky(1).request({ ...post, idempotent: true })).resolves.toEqual({ ok: true });
      expect(attempts).toBe(2);
    });
  });
});
