import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/cli-options.js';
import { createApp, type App } from '../../src/index.js';
import { startServer, type RequestLogEntry, type RunningServer } from '../../src/server/index.js';
import { contractErrors } from '../support/contract.js';

// Node's defaults let a body sent a byte at a time hold its connection for 300 s (requestTimeout),
// and its 408 was a bare status line the request log could not name.

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** When the server closed the connection, in ms after the first byte was sent. */
  closedAfterMs: number;
}

/**
 * Opens a connection, sends `first`, then each of `drip` one every `everyMs` (stopping once the
 * server closes), and resolves with what the server sent before closing.
 */
function slowClient(port: number, first: string, drip: readonly string[] = [], everyMs = 100): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const started = performance.now();
    let next = 0;
    const timer = setInterval(() => {
      if (next < drip.length && socket.writable) socket.write(drip[next++] as string);
    }, everyMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.once('close', () => {
      clearInterval(timer);
      const all = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = all.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body, closedAfterMs: performance.now() - started });
    });
    socket.once('connect', () => (first === '' ? undefined : socket.write(first)));
    socket.once('error', reject);
  });
}

describe('request timeouts of the HTTP server', () => {
  let app: App;
  let running: RunningServer | undefined;
  const logged: RequestLogEntry[] = [];
  const start = async (): Promise<RunningServer> => {
    app = createApp({ seed: 3 });
    logged.length = 0;
    running = await startServer(app, { port: 0, timeouts: { requestMs: 800, headersMs: 400 }, requestLog: (entry) => logged.push(entry) });
    return running;
  };
  afterEach(async () => {
    await running?.close();
    running = undefined;
    await app?.close();
  });

  it('answers a body that trickles in past the request timeout 408 REQUEST_TIMEOUT problem+json naming the request, closes the connection, and logs it once', async () => {
    const { port } = await start();
    const head = `PUT /_sim/v1/sandboxes/default/faults HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n`;
    // A byte every 100 ms: never idle long, but 100 bytes would take 10 s.
    const answer = await slowClient(port, head, Array.from({ length: 100 }, () => ' '));
    expect(answer.status, answer.body).toBe(408);
    expect(answer.headers).toMatchObject({ 'content-type': 'application/problem+json', connection: 'close', 'x-request-id': expect.stringMatching(/^req_/) });
    expect(JSON.parse(answer.body)).toMatchObject({
      type: 'https://gdx.dev/problems/request-timeout',
      status: 408,
      code: 'REQUEST_TIMEOUT',
      message: { zh: expect.stringMatching(/时限/), en: expect.stringMatching(/in the time allowed/) },
      detail: expect.stringMatching(/body did not arrive within 0\.8 s .*--request-timeout/),
      instance: '/_sim/v1/sandboxes/default/faults',
    });
    // A status the operation declares, with the problem body it declares (docs/decisions/0024).
    expect(contractErrors('simulation', 'PUT', '/sandboxes/{sandboxId}/faults', 408, JSON.parse(answer.body))).toEqual([]);
    // Node checks about every 100 ms here (a quarter of the head timeout): cut near 0.8 s, not at 300 s.
    expect(answer.closedAfterMs).toBeLessThan(5_000);
    await expect.poll(() => logged.length).toBe(1);
    expect(logged[0]).toMatchObject({ method: 'PUT', path: '/_sim/v1/sandboxes/default/faults', status: 408, problemCode: 'REQUEST_TIMEOUT' });
    // Nothing of the request ran, and the server goes on serving.
    const journal = (await (await fetch(`${running!.url}/_sim/v1/sandboxes/default/requests`)).json()) as { items: { path: string }[] };
    expect(journal.items.filter((item) => item.path.endsWith('/faults'))).toEqual([]);
  });

  it('answers a head that trickles in past the head timeout (slowloris) 408 without an instance, and logs it', async () => {
    const { port } = await start();
    const answer = await slowClient(port, 'GET /_sim/v1/health HTTP/1.1\r\n', Array.from({ length: 100 }, (_, n) => `x-pad-${n}: a\r\n`));
    expect(answer.status, answer.body).toBe(408);
    const problem = JSON.parse(answer.body) as Record<string, unknown>;
    expect(problem).toMatchObject({ code: 'REQUEST_TIMEOUT', detail: expect.stringMatching(/head .* did not arrive within 0\.4 s \(--headers-timeout\)/) });
    expect(problem).not.toHaveProperty('instance');
    expect(answer.closedAfterMs).toBeLessThan(5_000);
    await expect.poll(() => logged.length).toBe(1);
    expect(logged[0]).toMatchObject({ method: null, path: null, status: 408, problemCode: 'REQUEST_TIMEOUT', remoteAddress: '127.0.0.1' });
    // The time the client held the connection (0 before: an operator could not tell it from a fast refusal).
    expect(logged[0]!.durationMs).toBeGreaterThanOrEqual(400);
  });

  it('logs the client address of every request, and a head late after an answer on a kept-alive connection with the time it held the connection', async () => {
    const { port } = await start();
    const head = `GET /_sim/v1/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`;
    // One answered request, then a head that never ends on the same connection.
    const answer = await slowClient(port, head, ['GET /_sim/v1/health HTTP/1.1\r\n'], 200);
    expect(answer.status).toBe(200);
    await expect.poll(() => logged.length).toBe(2);
    expect(logged[0]).toMatchObject({ method: 'GET', path: '/_sim/v1/health', status: 200, remoteAddress: '127.0.0.1' });
    expect(logged[1]).toMatchObject({ method: null, status: 408, problemCode: 'REQUEST_TIMEOUT', remoteAddress: '127.0.0.1' });
    expect(logged[1]!.durationMs).toBeGreaterThanOrEqual(400);
    expect(logged[1]!.durationMs).toBeLessThan(5_000);
  });

  it('closes a connection that sends nothing after the head timeout, with the 408', async () => {
    const { port, url } = await start();
    const answer = await slowClient(port, '');
    expect(answer.status).toBe(408);
    expect(answer.closedAfterMs).toBeLessThan(5_000);
    expect((await fetch(`${url}/_sim/v1/health`)).status).toBe(200);
  });

  it('refuses a head timeout above the request timeout at start', async () => {
    app = createApp({ seed: 3 });
    await expect(startServer(app, { port: 0, timeouts: { requestMs: 1_000, headersMs: 2_000 } })).rejects.toThrow(/timeouts\.headersMs \(2000\) must not exceed timeouts\.requestMs \(1000\)/);
    await expect(startServer(app, { port: 0, timeouts: { requestMs: 0, headersMs: 0 } })).rejects.toThrow(/timeouts\.requestMs must be a positive integer, got 0/);
  });
});

describe('--request-timeout and --headers-timeout', () => {
  const timeoutsOf = (argv: string[], env: Record<string, string> = {}) => {
    const request = parseCli(argv, env);
    return request.kind === 'run' ? request.server.timeouts : request;
  };

  it('default to 30 s and 10 s, are set in seconds by flag or variable, and the head follows a shorter request timeout', () => {
    expect(timeoutsOf([])).toEqual({ requestMs: 30_000, headersMs: 10_000 });
    expect(timeoutsOf(['--request-timeout', '120', '--headers-timeout', '20'])).toEqual({ requestMs: 120_000, headersMs: 20_000 });
    expect(timeoutsOf([], { GDX_MOCK_REQUEST_TIMEOUT: '60', GDX_MOCK_HEADERS_TIMEOUT: '5' })).toEqual({ requestMs: 60_000, headersMs: 5_000 });
    expect(timeoutsOf(['--request-timeout', '4'])).toEqual({ requestMs: 4_000, headersMs: 4_000 });
  });

  it('refuse a head timeout above the request timeout, and values outside 1–3600, naming the flag or variable', () => {
    expect(timeoutsOf(['--headers-timeout', '40'])).toEqual({ kind: 'error', message: '--headers-timeout must not exceed the request timeout (30 s, the default): 40' });
    expect(timeoutsOf(['--request-timeout', '5'], { GDX_MOCK_HEADERS_TIMEOUT: '6' })).toEqual({ kind: 'error', message: 'GDX_MOCK_HEADERS_TIMEOUT must not exceed the request timeout (5 s, --request-timeout): 6' });
    expect(timeoutsOf(['--request-timeout', '0'])).toEqual({ kind: 'error', message: '--request-timeout must be 1–3600: 0' });
    expect(timeoutsOf([], { GDX_MOCK_HEADERS_TIMEOUT: 'x' })).toEqual({ kind: 'error', message: 'GDX_MOCK_HEADERS_TIMEOUT must be 1–3600: x' });
  });
});
