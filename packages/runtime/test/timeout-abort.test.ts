import { describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import { AbortError, ApiClient, fetchTransport, TimeoutError, undiciTransport, type Transport } from '../src/index.js';
import { hang, json, type Script } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

const getApp = { operationId: 'getApplication', method: 'GET', path: '/applications/rga_1' } as const;

const fast = undiciTransport();
// One socket: a timed-out attempt that kept its socket would leave the retry queued behind it.
const oneSocket = new Agent({ connections: 1 });
const server = useTestServer({ alsoClose: [fast, oneSocket] });

/** Sends the headers, then a byte of body every 20 ms, never ending. */
const trickle: Script = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  const timer = setInterval(() => res.write(' '), 20);
  res.on('close', () => clearInterval(timer));
};

/** How long `promise` takes to settle, and what it rejected with. */
/** Times a request from before it is made (its timer starts while it is made). */
async function timed(send: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const start = performance.now();
  const error = await send().then(() => undefined, (e: unknown) => e);
  return { ms: performance.now() - start, error };
}

/** Sends the headers and the start of a JSON body, then stalls. */
const stallInBody: Script = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"items":[');
};

describe.each([
  ['fetchTransport', fetchTransport()],
  ['undiciTransport', fast],
])('timeouts with %s', (_name, transport: Transport) => {
  const client = (maxRetries = 0, timeoutMs = 50) =>
    new ApiClient({ baseUrl: server.origin, transport, maxRetries, timeoutMs, retry: { sleep: async () => {} } });

  it('throws TimeoutError when the server never answers', async () => {
    server.fallback(hang);
    const error = await client().request(getApp).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', timeoutMs: 50, retryable: true, message: expect.stringContaining('getApplication') });
  });

  it('retries a timed-out attempt', async () => {
    // Extra retries and a longer timeout: every answer must beat the timeout, and on a loaded
    // machine a pause of the test's process alone can outlast 50 ms.
    server.enqueue(hang);
    server.fallback(json(200, { ok: true }));
    await expect(client(5, 250).request(getApp)).resolves.toEqual({ ok: true });
    expect(server.received.length).toBeGreaterThanOrEqual(2);
  });

  it('times out an answer whose body stalls', async () => {
    server.fallback(stallInBody);
    await expect(client().request(getApp)).rejects.toMatchObject({ code: 'TIMEOUT', timeoutMs: 50 });
  });

  // Room for a loaded machine above timeoutMs, well below the ~1 s late undici's own timers fired.
  it('throws TimeoutError within timer granularity of timeoutMs', async () => {
    server.fallback(hang);
    const { ms, error } = await timed(() => client(0, 200).request(getApp));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(ms).toBeGreaterThanOrEqual(195);
    expect(ms).toBeLessThan(700);
  });

  it('bounds the whole attempt, also a body that keeps trickling in', async () => {
    server.fallback(trickle);
    const { ms, error } = await timed(() => client(0, 200).request(getApp));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(ms).toBeLessThan(700);
  });

  it('lets a per-call timeoutMs override the client default', async () => {
    // Every request hangs, not only the next one: on a loaded machine a late attempt of the test
    // before can reach the server after the reset and take a queued script.
    server.fallback(hang);
    await expect(client().request(getApp, { timeoutMs: 20 })).rejects.toMatchObject({ timeoutMs: 20 });
  });
});

describe('a timed-out attempt of the fetch transport', () => {
  it('frees its connection for the retry at once', async () => {
    server.enqueue(hang);
    server.fallback(json(200, { ok: true }));
    const transport = fetchTransport({ dispatcher: oneSocket });
    // Retries to spare for a loaded machine: a socket kept by the hung attempt would make every one of them queue behind it and time out.
    const client = new ApiClient({ baseUrl: server.origin, transport, maxRetries: 4, timeoutMs: 250, retry: { sleep: async () => {} } });
    await expect(client.request(getApp)).resolves.toEqual({ ok: true });
  });
});

describe('AbortSignal', () => {
  const client = () => new ApiClient({ baseUrl: server.origin, maxRetries: 0 });

  it('aborts an attempt in flight with AbortError carrying the reason, without retrying', async () => {
    server.fallback(hang);
    const controller = new AbortController();
    const c = new ApiClient({ baseUrl: server.origin, maxRetries: 3, timeoutMs: 0 });
    const pending = c.request(getApp, { signal: controller.signal }).catch((e: unknown) => e);
    while (server.received.length === 0) await new Promise((r) => setImmediate(r));
    controller.abort(new Error('user left'));
    const error = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ name: 'AbortError', code: 'ABORTED', cause: new Error('user left') });
    expect(server.received).toHaveLength(1);
  });

  it('names the operation and the reason in the message ("The request was aborted" said neither)', async () => {
    const reason = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const error = (await client().request(getApp, { signal: AbortSignal.abort(reason) }).catch((e: unknown) => e)) as AbortError;
    expect(error.message).toBe('[ABORTED] getApplication was aborted (The operation was aborted due to timeout)');
    expect(error.messageZh).toBe('[ABORTED] getApplication 已被取消（The operation was aborted due to timeout）');
    const bare = (await client().request(getApp, { signal: AbortSignal.abort() }).catch((e: unknown) => e)) as AbortError;
    expect(bare.message).toBe('[ABORTED] getApplication was aborted');
    expect(bare.retryable).toBe(false);
  });

  it('sends nothing when the signal is already aborted', async () => {
    await expect(client().request(getApp, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(server.received).toHaveLength(0);
  });

  it('stops retrying while waiting for the next attempt', async () => {
    server.fallback(json(503, {}));
    const controller = new AbortController();
    const c = new ApiClient({
      baseUrl: server.origin,
      maxRetries: 5,
      retry: {
        sleep: (_ms, signal) =>
          new Promise((_resolve, reject) => {
            signal?.addEventListener('abort', () => reject(signal.reason));
            controller.abort();
          }),
      },
    });
    await expect(c.request(getApp, { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(server.received).toHaveLength(1);
  });

  it('is an AbortError with the undici transport as well', async () => {
    server.fallback(hang);
    const controller = new AbortController();
    const c = new ApiClient({ baseUrl: server.origin, transport: fast, timeoutMs: 5_000 });
    const pending = c.request(getApp, { signal: controller.signal }).catch((e: unknown) => e);
    while (server.received.length === 0) await new Promise((r) => setImmediate(r));
    controller.abort();
    expect(await pending).toBeInstanceOf(AbortError);
  });
});
