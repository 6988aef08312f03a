import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { startServer, type RequestLogEntry, type RunningServer } from '../../src/server/index.js';
import { killed, newestSnapshot, startChild } from '../support/spawn-cli.js';

// A public read (no signature needed) held up by a latency fault stands for any request in flight.
const SLOW_PATH = '/catalog/v1/search?q=data';

interface Answer {
  status: number;
  connection: string | undefined;
  /** Absent from an answer without it (`toEqual` ignores an undefined member). */
  cacheControl?: string | undefined;
}

/** A GET over a keep-alive agent: the answer's status, `Connection` and `Cache-Control` headers, or the socket error's code. */
function get(url: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent }, (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, cacheControl: res.headers['cache-control'] }));
    });
    req.once('error', (error: NodeJS.ErrnoException) => reject(Object.assign(new Error(error.code ?? error.message), { code: error.code })));
    req.end();
  });
}

async function slowDown(baseUrl: string, latencyMs: number): Promise<void> {
  const res = await fetch(`${baseUrl}/_sim/v1/sandboxes/default/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rules: [{ operation: 'searchEntries', probability: 1, kind: 'latency', latencyMs }] }),
  });
  expect(res.status).toBe(200);
}

const settle = <T>(promise: Promise<T>) => promise.then((value) => ({ value }), (error: { code?: string }) => ({ error: error.code }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startServer close(): a graceful drain', () => {
  let app: App;
  let running: RunningServer | undefined;
  afterEach(async () => {
    await running?.close();
    await app?.close();
  });

  it('answers the requests in flight (Connection: close), answers a new connection 503, then closes the listener and resolves', async () => {
    app = createApp({ seed: 5 });
    running = await startServer(app, { port: 0, shutdownGraceMs: 5_000 });
    await slowDown(running.url, 800);
    const agent = new Agent({ keepAlive: true });
    const inFlight = [1, 2, 3].map(() => settle(get(`${running!.url}${SLOW_PATH}`, agent)));
    await sleep(200);
    const started = Date.now();
    const closed = running.close();
    await sleep(50);
    const late = await settle(get(`${running.url}/_sim/v1/health`, new Agent()));
    expect(late).toEqual({ value: { status: 503, connection: 'close' } });
    expect(await Promise.all(inFlight)).toEqual([1, 2, 3].map(() => ({ value: { status: 200, connection: 'close' } })));
    await closed;
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await settle(get(`${running.url}/_sim/v1/health`, new Agent()))).toEqual({ error: 'ECONNREFUSED' });
    agent.destroy();
  });

  it('answers a readiness probe on a connection kept from before the stop 503 SHUTTING_DOWN, not the app\'s 200', async () => {
    app = createApp({ seed: 5 });
    running = await startServer(app, { port: 0, shutdownGraceMs: 5_000 });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect(await get(`${running.url}/_sim/v1/ready`, agent)).toEqual({ status: 200, connection: 'keep-alive', cacheControl: 'no-store' });
    const closed = running.close();
    // Within the 250 ms the drain leaves idle kept connections open: the same socket.
    const probe = await settle(get(`${running.url}/_sim/v1/ready`, agent));
    expect(probe).toEqual({ value: { status: 503, connection: 'close', cacheControl: 'no-store' } });
    agent.destroy();
    await closed;
  });

  // At SIGTERM the listener used to close at once: the connections the kernel had queued but the
  // server not yet accepted were reset, their requests already sent (3–9 per burst).
  it('answers a request on a connection opened during the drain 503 SHUTTING_DOWN problem+json, not a reset, and runs nothing of it', async () => {
    app = createApp({ seed: 5 });
    running = await startServer(app, { port: 0, shutdownGraceMs: 5_000 });
    await slowDown(running.url, 800);
    const agent = new Agent({ keepAlive: true });
    const inFlight = settle(get(`${running.url}${SLOW_PATH}`, agent));
    await sleep(200);
    const closed = running.close();
    const socket = connect(running.port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    const ended = new Promise<string | undefined>((resolve) => {
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
      socket.once('close', () => resolve(undefined));
    });
    const body = '{"rules":[]}';
    socket.write(`PUT /_sim/v1/sandboxes/default/faults HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`);
    expect(await ended).toBeUndefined();
    const [head = '', answer = ''] = received.split('\r\n\r\n');
    const lines = head.split('\r\n');
    expect(lines[0]).toBe('HTTP/1.1 503 Service Unavailable');
    expect(lines).toEqual(expect.arrayContaining(['content-type: application/problem+json', 'retry-after: 1', 'connection: close']));
    expect(JSON.parse(answer)).toMatchObject({
      type: 'https://gdx.dev/problems/shutting-down',
      status: 503,
      code: 'SHUTTING_DOWN',
      message: { zh: expect.stringMatching(/服务正在停止/), en: expect.stringMatching(/^The server is shutting down/) },
      retryAfterSeconds: 1,
      instance: '/_sim/v1/sandboxes/default/faults',
    });
    expect(await inFlight).toEqual({ value: { status: 200, connection: 'close' } });
    await closed;
    // The fault rules were not replaced: the latency rule set before the drain is still there.
    const faults = await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes/default/faults', query: '', headers: { host: 'mock.local' }, body: undefined });
    expect((JSON.parse(String(faults.body)) as { rules: unknown[] }).rules).toHaveLength(1);
    agent.destroy();
  });

  // At SIGTERM during a burst of keep-alive writes, 28 of 30 connections were reset: every answer of a
  // commit batch goes out in one turn, so at a signal most connections are idle, their clients'
  // next requests already on the wire; closing idle connections at once reset them all.
  it('a request sent on an idle keep-alive connection as the drain begins is answered with Connection: close, not reset', async () => {
    app = createApp({ seed: 5 });
    running = await startServer(app, { port: 0, shutdownGraceMs: 5_000 });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect(await get(`${running.url}/_sim/v1/health`, agent)).toMatchObject({ status: 200 });
    const closed = running.close();
    // The agent reuses its idle connection.
    expect(await settle(get(`${running.url}/_sim/v1/health`, agent))).toEqual({ value: { status: 200, connection: 'close', cacheControl: 'no-store' } });
    await closed;
    expect(await settle(get(`${running.url}/_sim/v1/health`, new Agent()))).toEqual({ error: 'ECONNREFUSED' });
    agent.destroy();
  });

  it('cuts what is still running when the grace period ends, and the request log says so once', async () => {
    app = createApp({ seed: 5 });
    const logged: RequestLogEntry[] = [];
    running = await startServer(app, { port: 0, shutdownGraceMs: 300, requestLog: (entry) => logged.push(entry) });
    await slowDown(running.url, 1_000);
    const agent = new Agent({ keepAlive: true });
    const inFlight = settle(get(`${running.url}${SLOW_PATH}`, agent));
    await sleep(100);
    const started = Date.now();
    await running.close();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await inFlight).toEqual({ error: 'ECONNRESET' });
    const cut = () => logged.filter((e) => e.path === '/catalog/v1/search');
    // Logged when the connection closes (Node tells it a turn or two after the reset).
    await vi.waitFor(() => expect(cut()).toEqual([expect.objectContaining({ method: 'GET', status: 0, problemCode: 'CONNECTION_CLOSED' })]));
    // The app's answer, late, is not logged a second time.
    await sleep(1_000);
    expect(cut()).toHaveLength(1);
    agent.destroy();
  });
});

describe('gdx-mock on SIGTERM', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('drains: requests in flight get their answers, then the snapshot is written and the process exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdx-drain-'));
    dirs.push(dir);
    const { child, url, stdout } = await startChild(dir);
    await slowDown(url, 1_500);
    const agent = new Agent({ keepAlive: true });
    const inFlight = [1, 2, 3].map(() => settle(get(`${url}${SLOW_PATH}`, agent)));
    await sleep(500);
    child.kill('SIGTERM');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    expect(await Promise.all(inFlight)).toEqual([1, 2, 3].map(() => ({ value: { status: 200, connection: 'close' } })));
    expect(await exited).toBe(0);
    // The fault rules were a journaled write: the last snapshot covers them.
    expect(newestSnapshot(dir)).toBeGreaterThan(0);
    // The log says the stop ended, not only that it began.
    expect(stdout()).toMatch(/"msg":"stopping: [^"]*"[\s\S]*"msg":"stopped: [^"]*exiting 0"\}\n$/);
    agent.destroy();
  });

  it('--shutdown-grace bounds the wait', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdx-drain-'));
    dirs.push(dir);
    const { child, url } = await startChild(dir, ['--shutdown-grace', '1']);
    // The request would hold the server a minute; the bound below is far from both ends, so a
    // loaded machine (a stop has taken 6.5 s at load 10) does not fail a grace that works.
    await slowDown(url, 60_000);
    const inFlight = settle(get(`${url}${SLOW_PATH}`, new Agent()));
    await sleep(300);
    const started = Date.now();
    child.kill('SIGTERM');
    expect(await inFlight).toEqual({ error: 'ECONNRESET' });
    await killed(child);
    expect(child.exitCode).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
