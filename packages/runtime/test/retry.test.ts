import { HEADERS, MemoryNonceStore, verifySignature } from '@gdx/protocol';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiClient, ConflictError, ConnectionError, fetchTransport, InternalServerError, RateLimitError, undiciTransport, type ClientOptions } from '../src/index.js';
import { destroy, json, startTestServer } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const server = useTestServer();
let delays: number[];

beforeEach(() => {
  delays = [];
});

function client(options: Partial<ClientOptions> = {}) {
  return new ApiClient({
    baseUrl: `${server.origin}/registration/v1`,
    retry: { random: () => 0.5, sleep: async (ms) => void delays.push(ms) },
    ...options,
  });
}

const getApp = { operationId: 'getApplication', method: 'GET', path: '/applications/{id}', pathParams: { id: 'rga_1' } } as const;
const submit = { operationId: 'submitApplication', method: 'POST', path: '/applications', body: { type: 'initial' } } as const;
const unavailable = json(503, { code: 'SERVICE_UNAVAILABLE' });

describe('retries', () => {
  it('retries a 503 and returns the later success, with exponential full-jitter delays', async () => {
    server.enqueue(unavailable, unavailable, json(200, { id: 'rga_1' }));
    await expect(client().request(getApp)).resolves.toEqual({ id: 'rga_1' });
    expect(server.received).toHaveLength(3);
    expect(delays).toEqual([100, 200]); // random 0.5 × 200 ms, × 400 ms
  });

  it.each([408, 425, 429, 500, 502, 504])('retries status %i', async (status) => {
    server.enqueue(json(status, {}), json(200, { ok: true }));
    await expect(client().request(getApp)).resolves.toEqual({ ok: true });
    expect(server.received).toHaveLength(2);
  });

  it.each([400, 401, 404, 409, 422, 501])('does not retry status %i', async (status) => {
    server.enqueue(json(status, {}));
    await expect(client().request(getApp)).rejects.toMatchObject({ status });
    expect(server.received).toHaveLength(1);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    server.fallback(unavailable);
    await expect(client({ maxRetries: 3 }).request(getApp)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.received).toHaveLength(4);
    await expect(client().request(getApp, { maxRetries: 0 })).rejects.toMatchObject({ status: 503 });
    expect(server.received).toHaveLength(5);
  });

  it('waits at least Retry-After (seconds or an HTTP date, up to maxRetryAfterMs), plus the backoff jitter', async () => {
    const date = 'Wed, 21 Oct 2026 07:27:30 GMT';
    server.enqueue(
      json(429, {}, { 'retry-after': '3' }),
      json(503, {}, { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT', date }),
      json(429, {}, { 'retry-after': '60' }),
      json(200, {}),
    );
    await client({ maxRetries: 3 }).request(getApp);
    expect(delays).toEqual([3000 + 100, 30_000 + 200, 60_000 + 400]); // + random 0.5 × 200, 400, 800 ms
  });

  it.each([
    ['3600 seconds', '3600', undefined],
    ['a date two hours on', 'Wed, 21 Oct 2026 09:27:30 GMT', 'Wed, 21 Oct 2026 07:27:30 GMT'],
    ['999999999999 seconds', '999999999999', undefined],
  ])('does not retry into a Retry-After longer than maxRetryAfterMs (%s): the call ends at once, its error quoting it', async (_case, header, date) => {
    const asked = { 'retry-after': header, ...(date === undefined ? {} : { date }) };
    server.enqueue(json(503, {}, asked), json(200, {}));
    const error = await client({ maxRetries: 3 }).request(getApp).catch((e: unknown) => e);
    expect(delays).toEqual([]);
    expect(server.received).toHaveLength(1);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect((error as InternalServerError).message).toContain(`(getApplication, HTTP 503, req_test, Retry-After: ${header})`);
    expect((error as InternalServerError).messageZh).toContain(`（getApplication, HTTP 503, req_test, Retry-After: ${header}）`);
  });

  it('waits a long Retry-After when maxRetryAfterMs allows it', async () => {
    server.enqueue(json(429, {}, { 'retry-after': '3600' }), json(200, { ok: true }));
    await expect(client({ retry: { maxRetryAfterMs: 2 * 3_600_000, random: () => 0.5, sleep: async (ms) => void delays.push(ms) } }).request(getApp)).resolves.toEqual({ ok: true });
    expect(delays).toEqual([3_600_000 + 100]);
  });

  it.each([
    ['10 min behind', -10 * 60_000],
    ['10 min ahead', 10 * 60_000],
  ])('counts a Retry-After date from the response’s Date, not a local clock %s', async (_case, skewMs) => {
    const platformNow = Date.parse('2026-10-21T07:27:30Z');
    server.enqueue(json(503, {}, { 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT', date: new Date(platformNow).toUTCString() }), json(200, {}));
    await client({ now: () => platformNow + skewMs }).request(getApp);
    expect(delays).toEqual([30_000 + 100]);
  });

  it('counts a Retry-After date from the local clock when the response has no Date', async () => {
    const now = Date.parse('2026-10-21T07:27:30Z');
    server.enqueue((_req, res) => {
      res.sendDate = false;
      json(503, {}, { 'retry-after': 'Wed, 21 Oct 2026 07:28:10 GMT' })(_req, res, undefined as never);
    }, json(200, {}));
    await client({ now: () => now }).request(getApp);
    expect(delays).toEqual([40_000 + 100]);
  });

  it('spreads calls told the same Retry-After over the first backoff window', async () => {
    const randoms = [0, 0.5, 0.999];
    const c = client({ retry: { random: () => randoms.shift() ?? 0, sleep: async (ms) => void delays.push(ms) } });
    for (const seconds of ['1', '1', '0']) {
      server.enqueue(json(429, {}, { 'retry-after': seconds }), json(200, {}));
      await c.request(getApp);
    }
    expect(delays).toEqual([1000, 1000 + 100, 199]); // + 0, 0.5, 0.999 × 200 ms
  });

  it('throws RateLimitError once 429 retries are exhausted', async () => {
    server.fallback(json(429, {}, { 'retry-after': '1' }));
    await expect(client({ maxRetries: 1 }).request(getApp)).rejects.toBeInstanceOf(RateLimitError);
  });

  it('does not retry a POST without an idempotency key', async () => {
    server.enqueue(unavailable, json(201, {}));
    await expect(client().request(submit)).rejects.toMatchObject({ status: 503 });
    expect(server.received).toHaveLength(1);
  });

  it.each([408, 425, 429])('retries a POST without an idempotency key after %i, which says it was not run', async (status) => {
    server.enqueue(json(status, {}), json(201, { id: 'rga_3' }));
    await expect(client().request(submit)).resolves.toEqual({ id: 'rga_3' });
    expect(server.received).toHaveLength(2);
    expect(server.received.map((r) => r.headers[HEADERS.idempotencyKey])).toEqual([undefined, undefined]);
  });

  it('does not retry a POST without an idempotency key after a connection reset: it may have been run', async () => {
    server.enqueue(destroy, json(201, {}));
    await expect(client().request(submit)).rejects.toBeInstanceOf(ConnectionError);
    expect(server.received).toHaveLength(1);
  });

  it('retries an idempotent POST with the same generated Idempotency-Key', async () => {
    server.enqueue(unavailable, destroy, json(201, { id: 'rga_2' }));
    await expect(client().request({ ...submit, idempotent: true })).resolves.toEqual({ id: 'rga_2' });
    const keys = server.received.map((r) => r.headers[HEADERS.idempotencyKey]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('generates a new key per logical call', async () => {
    const c = client();
    await c.request({ ...submit, idempotent: true });
    await c.request({ ...submit, idempotent: true });
    const [a, b] = server.received.map((r) => r.headers[HEADERS.idempotencyKey]);
    expect(a).not.toBe(b);
  });

  it('uses and keeps a caller-supplied key, which also makes a PATCH retryable', async () => {
    server.enqueue(unavailable, json(200, {}));
    const patch = { operationId: 'updateEntry', method: 'PATCH', path: '/entries/e1', body: { title: 'x' } } as const;
    await client().request(patch, { idempotencyKey: 'my-key-1' });
    expect(server.received.map((r) => r.headers[HEADERS.idempotencyKey])).toEqual(['my-key-1', 'my-key-1']);
  });

  it('does not retry a 409 even for an idempotent POST', async () => {
    server.enqueue(json(409, { code: 'ILLEGAL_TRANSITION' }));
    await expect(client().request({ ...submit, idempotent: true })).rejects.toBeInstanceOf(ConflictError);
    expect(server.received).toHaveLength(1);
  });

  it('re-signs each retry with a fresh nonce and timestamp, every attempt verifiable', async () => {
    let clock = 1_758_852_000_000;
    server.enqueue(unavailable, unavailable, json(201, {}));
    const credentials = { appKey: 'ak_1', secret: 'secret-1' };
    await client({ credentials, now: () => (clock += 1000) }).request({ ...submit, idempotent: true });
    const nonceStore = new MemoryNonceStore();
    const nonces = server.received.map((r) => r.headers[HEADERS.nonce]);
    const stamps = server.received.map((r) => r.headers[HEADERS.timestamp]);
    expect(new Set(nonces).size).toBe(3);
    expect(new Set(stamps).size).toBe(3);
    for (const r of server.received) {
      const result = verifySignature({
        ...r,
        lookupSecret: () => 'secret-1',
        now: Number(r.headers[HEADERS.timestamp]),
        nonceStore,
      });
      expect(result).toEqual({ ok: true, appKey: 'ak_1' });
    }
  });

  it('retries a connection reset (server destroys the socket)', async () => {
    server.enqueue(destroy, json(200, { ok: 1 }));
    await expect(client().request(getApp)).resolves.toEqual({ ok: 1 });
    expect(server.received).toHaveLength(2);
  });

  it('throws ConnectionError when every attempt is reset', async () => {
    server.fallback(destroy);
    await expect(client({ maxRetries: 1 }).request(getApp)).rejects.toMatchObject({
      name: 'ConnectionError',
      code: 'CONNECTION_ERROR',
      retryable: true,
    });
    expect(server.received).toHaveLength(2);
  });

  it.each([
    ['fetch', () => fetchTransport()],
    ['undici', () => undiciTransport()],
  ])('names the operation, method and URL in a ConnectionError (%s transport), so a log line says which call failed', async (_name, transport) => {
    server.fallback(destroy);
    const c = new ApiClient({ baseUrl: server.origin, maxRetries: 0, transport: transport() });
    const error = (await c.request(getApp).catch((e: unknown) => e)) as ConnectionError;
    await c.close();
    const call = `getApplication: GET ${server.origin}/applications/rga_1`;
    expect(error.message).toBe(`[CONNECTION_ERROR] Connection failed (${error.causeCode}): ${call}`);
    expect(error.messageZh).toBe(`[CONNECTION_ERROR] 网络连接失败（${error.causeCode}）：${call}`);
  });

  it('retries a refused connection', async () => {
    const closed = await startTestServer();
    const origin = closed.origin;
    await closed.close();
    const c = new ApiClient({ baseUrl: origin, maxRetries: 2, retry: { sleep: async (ms) => void delays.push(ms) } });
    await expect(c.request(getApp)).rejects.toMatchObject({ code: 'CONNECTION_ERROR', causeCode: 'ECONNREFUSED' });
    expect(delays).toHaveLength(2);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('treats maxRetries %s as no retries', async (maxRetries) => {
    server.fallback(unavailable);
    await expect(client({ maxRetries }).request(getApp)).rejects.toMatchObject({ status: 503 });
    expect(server.received).toHaveLength(1);
  });
});

describe('a call with no retry (maxRetries: 0)', () => {
  it('is its one attempt: a transport that throws at once rejects the request with that error, asked once', async () => {
    let sent = 0;
    const boom = new Error('transport broke');
    const once = new ApiClient({
      baseUrl: 'http://platform.test/registration/v1',
      maxRetries: 0,
      transport: {
        send() {
          sent++;
          throw boom;
        },
      },
    });
    await expect(once.request(submit, { idempotencyKey: 'k-1' })).rejects.toBe(boom);
    expect(sent).toBe(1);
  });
});
