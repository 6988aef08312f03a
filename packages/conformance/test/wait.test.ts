import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './support/free-port.js';
import { main } from '../src/cli/main.js';
import { waitUntilReady } from '../src/cli/wait-ready.js';
import { createFakeRegistry } from './support/fake-registration.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A `node:http` server on 127.0.0.1 whose `/_sim/v1/ready` answers 503 to its first `notReadyFor` calls, then 200. */
function readinessServer(notReadyFor: number, port = 0): Promise<{ url: string; calls: () => number }> {
  let calls = 0;
  const server = createServer((req, res) => {
    if (req.url !== '/_sim/v1/ready') return void res.writeHead(404).end();
    calls += 1;
    if (calls <= notReadyFor) return void res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1' }).end('{"code":"SERVICE_UNAVAILABLE"}');
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ready":true}');
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/_sim/v1/ready`, calls: () => calls })));
}

describe('waitUntilReady', () => {
  it('polls a real server that answers 503 at first until it answers 200', async () => {
    const target = await readinessServer(2);
    const waiting: string[] = [];
    const outcome = await waitUntilReady({ url: target.url, until: 'ready', timeoutMs: 30_000, intervalMs: 20, onWaiting: (e) => waiting.push(e) });
    expect(outcome).toEqual({ ready: true, attempts: 3 });
    expect(target.calls()).toBe(3);
    expect(waiting).toEqual(['HTTP 503 (Retry-After 1)']);
  });

  it('waits for a server that starts listening only after a while (connection refused until then)', async () => {
    const port = await freePort();
    const errors: string[] = [];
    const started = new Promise<void>((resolve) => setTimeout(() => void readinessServer(0, port).then(() => resolve()), 300));
    const outcome = await waitUntilReady({ url: `http://127.0.0.1:${port}/_sim/v1/ready`, until: 'ready', timeoutMs: 30_000, intervalMs: 50, onWaiting: (e) => errors.push(e) });
    await started;
    expect(outcome.ready).toBe(true);
    expect(outcome.attempts).toBeGreaterThan(1);
    expect(errors[0]).toMatch(/ECONNREFUSED/);
  });

  it('reachable: any answer but 502/503/504 counts (a platform root may well answer 404)', async () => {
    const target = await readinessServer(0);
    const root = target.url.replace('/_sim/v1/ready', '/');
    expect(await waitUntilReady({ url: root, until: 'reachable', timeoutMs: 5_000 })).toEqual({ ready: true, attempts: 1 });
    expect(await waitUntilReady({ url: root, until: 'ready', timeoutMs: 100, intervalMs: 20 })).toMatchObject({ ready: false, lastError: 'HTTP 404' });
  });

  it('gives up after the time and reports the last error', async () => {
    const port = await freePort();
    const outcome = await waitUntilReady({ url: `http://127.0.0.1:${port}/_sim/v1/ready`, until: 'ready', timeoutMs: 200, intervalMs: 50 });
    expect(outcome.ready).toBe(false);
    expect(outcome).toMatchObject({ lastError: expect.stringMatching(/^fetch failed: .*ECONNREFUSED/) });
  });
});

function io(fetchImpl?: typeof fetch) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), color: false, ...(fetchImpl ? { fetch: fetchImpl } : {}) } };
}

describe('gdx-conformance --wait', () => {
  it('exits 3 naming the URL and the last error when the target stays unreachable', async () => {
    const port = await freePort();
    const t = io();
    const code = await main(['--sim-url', `http://127.0.0.1:${port}/_sim/v1/`, '--wait', '0.3'], t.io);
    expect(code).toBe(3);
    const text = t.err.join('');
    expect(text).toContain(`http://127.0.0.1:${port}/_sim/v1/ready was not ready within 0.3 s`);
    expect(text).toMatch(/last error: fetch failed: .*ECONNREFUSED/);
  });

  it('waits for readiness, then runs the checks as without --wait', async () => {
    const platform = createFakeRegistry();
    let readyCalls = 0;
    // Refused twice, as a mock still starting would, then ready; everything else goes to the fake.
    const fetchImpl: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url !== 'http://fake.test/_sim/v1/ready') return platform(input, init);
      readyCalls += 1;
      if (readyCalls <= 2) throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:4010') });
      return new Response('{"ready":true}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const t = io(fetchImpl);
    const code = await main(['--sim-url', 'http://fake.test/_sim/v1', '--wait', '30', '--only', 'REG-ACCEPT-01'], t.io);
    expect(readyCalls).toBe(3);
    expect(t.out.join('')).toContain('gdx-conformance: waiting up to 30 s for http://fake.test/_sim/v1/ready (fetch failed: connect ECONNREFUSED 127.0.0.1:4010)');
    expect(t.out.join('')).toContain('REG-ACCEPT-01');
    expect(code).toBe(0);
  });
});
