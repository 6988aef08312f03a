import { describe, expect, it } from 'vitest';
import { ApiClient, fetchTransport, InternalServerError, RateLimitError, TimeoutError, undiciTransport, type ClientOptions, type Transport } from '../src/index.js';
import { hang, json } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const getApp = { operationId: 'getApplication', method: 'GET', path: '/applications/rga_1' } as const;

const fast = undiciTransport();
const server = useTestServer({ alsoClose: [fast] });

/** How long a call takes, and what it rejected with. */
async function timed(send: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const start = performance.now();
  const error = await send().then(() => undefined, (e: unknown) => e);
  return { ms: performance.now() - start, error };
}

describe.each([
  // The global fetch and the undici transport time attempts out themselves; an injected fetch
  // through the runtime's timeout step.
  ['fetchTransport', () => fetchTransport()],
  ['fetchTransport with an injected fetch', () => fetchTransport({ fetch: (input, init) => globalThis.fetch(input, init) })],
  ['undiciTransport', () => fast],
])('totalTimeoutMs with %s', (_name, make: () => Transport) => {
  const client = (options: Partial<ClientOptions> = {}) =>
    new ApiClient({ baseUrl: server.origin, transport: make(), timeoutMs: 30_000, maxRetries: 2, totalTimeoutMs: 150, ...options });

  it('ends an attempt still running at the deadline, whatever timeoutMs says, with TimeoutError of bound total', async () => {
    server.fallback(hang);
    const { ms, error } = await timed(() => client().request(getApp));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', bound: 'total', timeoutMs: 150, attempts: 1, retryable: true });
    expect((error as TimeoutError).message).toContain('totalTimeoutMs');
    expect((error as TimeoutError).messageZh).toContain('整体时限');
    expect(ms).toBeGreaterThanOrEqual(140);
    expect(ms).toBeLessThan(2_000);
    expect(server.received).toHaveLength(1);
  });

  it('is set per call too, overriding the client', async () => {
    server.fallback(hang);
    const error = await client({ totalTimeoutMs: 60_000 }).request(getApp, { totalTimeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ bound: 'total', timeoutMs: 100 });
  });
});

describe('totalTimeoutMs and the waits between attempts', () => {
  const delays: number[] = [];
  const client = (options: Partial<ClientOptions> = {}) =>
    new ApiClient({ baseUrl: server.origin, maxRetries: 5, retry: { random: () => 0.999, sleep: async (ms) => void delays.push(ms) }, ...options });

  it('fails at once, not after waiting, when a Retry-After would pass the deadline, the last answer as cause', async () => {
    delays.length = 0;
    server.enqueue(json(429, { code: 'RATE_LIMITED' }, { 'retry-after': '30' }));
    const { ms, error } = await timed(() => client({ totalTimeoutMs: 5_000 }).request(getApp));
    expect(error).toMatchObject({ code: 'TIMEOUT', bound: 'total', timeoutMs: 5_000, attempts: 1 });
    expect((error as TimeoutError).cause).toBeInstanceOf(RateLimitError);
    expect((error as TimeoutError).message).toMatch(/not retried: .*Retry-After: 30000 ms.*would pass the deadline.*last failure: \[HTTP_429\]/);
    expect((error as TimeoutError).messageZh).toMatch(/未重试.*Retry-After：30000 毫秒.*最后一次失败：\[HTTP_429\]/);
    expect(delays).toEqual([]);
    expect(ms).toBeLessThan(1_000);
    expect(server.received).toHaveLength(1);
  });

  it('stops before a backoff that would pass it, after the attempts that fit', async () => {
    // Real waits of 99 ms, then 199 ms: the second would end past 250 ms.
    server.fallback(json(503, {}));
    const c = new ApiClient({ baseUrl: server.origin, maxRetries: 5, totalTimeoutMs: 250, retry: { random: () => 0.999, baseDelayMs: 100 } });
    const error = await c.request(getApp).catch((e: unknown) => e);
    expect(error).toMatchObject({ bound: 'total', attempts: 2 });
    expect((error as TimeoutError).cause).toBeInstanceOf(InternalServerError);
    expect(server.received).toHaveLength(2);
  });

  it('is off by default: a Retry-After is waited for', async () => {
    delays.length = 0;
    server.enqueue(json(429, {}, { 'retry-after': '30' }), json(200, { ok: true }));
    await expect(client().request(getApp)).resolves.toEqual({ ok: true });
    expect(delays).toEqual([30_199]);
  });
});

describe('TimeoutError says how many attempts were made', () => {
  it('counts the retries of a per-attempt timeout, in both languages', async () => {
    server.fallback(hang);
    const c = new ApiClient({ baseUrl: server.origin, transport: fast, timeoutMs: 50, maxRetries: 2, retry: { sleep: async () => {} } });
    const error = await c.request(getApp).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TIMEOUT', bound: 'attempt', timeoutMs: 50, attempts: 3 });
    expect((error as TimeoutError).message).toBe('[TIMEOUT] getApplication timed out after 50 ms per attempt (timeoutMs; 3 attempts)');
    expect((error as TimeoutError).messageZh).toBe('[TIMEOUT] getApplication 请求超时（单次尝试超过 timeoutMs 50 毫秒，共尝试 3 次）');
    expect(server.received).toHaveLength(3);
  });
});
