import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { parseCli } from '../../src/cli/cli-options.js';
import { defaultMaxConnections, startServer, type RunningServer } from '../../src/server/index.js';
import { expectContract } from '../support/contract.js';

// Under `ulimit -n 256`, 400 idle connections made every new one an empty reply and nothing was
// logged: past the open-file limit libuv accepts and closes waiting connections without a word.

interface Logged {
  level: 'warn' | 'error';
  fields: Readonly<Record<string, unknown>>;
  message: string;
}

/** A raw connection, resolved once it is open; `closed` resolves with what the server sent before closing it. */
function open(port: number): Promise<{ socket: Socket; closed: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    // A close after the connection was taken can come as a reset: what counts is that nothing was answered.
    socket.on('error', () => undefined);
    const closed = new Promise<string>((done) => socket.once('close', () => done(received)));
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}

const connectionsOf = (running: RunningServer) => new Promise<number>((resolve, reject) => running.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));

describe('the connection cap', () => {
  let app: App;
  let running: RunningServer | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.destroy());
    await running?.close();
    running = undefined;
    await app?.close();
  });

  it('answers a request past --max-connections 503 CONNECTION_LIMIT_REACHED problem+json without running it, then closes it; logs it once, not once per connection; a connection closed makes room', async () => {
    app = createApp({ seed: 3 });
    const logged: Logged[] = [];
    running = await startServer(app, { port: 0, maxConnections: 2, serverLog: (level, fields, message) => logged.push({ level, fields, message }) });
    const held = [await open(running.port), await open(running.port)];
    sockets.push(...held.map((h) => h.socket));
    await expect.poll(() => connectionsOf(running!)).toBe(2);

    for (let n = 0; n < 3; n++) {
      const extra = await open(running.port);
      sockets.push(extra.socket);
      extra.socket.write('GET /_sim/v1/sandboxes HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const received = await extra.closed;
      const [head = '', body = ''] = received.split('\r\n\r\n');
      const lines = head.split('\r\n');
      expect(lines[0]).toBe('HTTP/1.1 503 Service Unavailable');
      expect(lines).toEqual(expect.arrayContaining(['content-type: application/problem+json', 'retry-after: 1', 'connection: close', `content-length: ${Buffer.byteLength(body, 'latin1')}`]));
      const problem = JSON.parse(Buffer.from(body, 'latin1').toString('utf8')) as Record<string, unknown>;
      expect(problem).toMatchObject({
        type: 'https://gdx.dev/problems/connection-limit-reached',
        status: 503,
        code: 'CONNECTION_LIMIT_REACHED',
        message: { zh: expect.stringMatching(/连接数已达上限/), en: expect.stringMatching(/^The server has as many connections open as it allows/) },
        limit: 2,
        retryAfterSeconds: 1,
        requestId: expect.stringMatching(/^req_/),
      });
      expect(problem.instance).toBe('/_sim/v1/sandboxes');
      expect(lines).toContain(`x-request-id: ${problem.requestId as string}`);
    }
    expect(logged).toEqual([
      {
        level: 'warn',
        fields: { code: 'CONNECTION_LIMIT_REACHED', maxConnections: 2, suppressed: 0, unanswered: 0 },
        message: expect.stringMatching(/^\[CONNECTION_LIMIT_REACHED\] 连接数已达上限，新连接收到 503 后关闭 \/ 2 connections are open, the limit \(--max-connections\): a new connection was answered 503 CONNECTION_LIMIT_REACHED and closed; logged at most once per 10 s/),
      },
    ]);

    held[0]?.socket.destroy();
    await expect.poll(() => connectionsOf(running!)).toBe(1);
    expect((await fetch(`${running.url}/_sim/v1/health`)).status).toBe(200);
  });

  it('answers a client past the cap that is still sending its body, without a reset', async () => {
    app = createApp({ seed: 3 });
    running = await startServer(app, { port: 0, maxConnections: 1 });
    const held = await open(running.port);
    sockets.push(held.socket);
    await expect.poll(() => connectionsOf(running!)).toBe(1);
    const extra = await open(running.port);
    sockets.push(extra.socket);
    const body = '{"rules":[]}';
    extra.socket.write(`PUT /_sim/v1/sandboxes/default/faults HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`);
    extra.socket.write(body);
    expect((await extra.closed).split('\r\n')[0]).toBe('HTTP/1.1 503 Service Unavailable');
    // Nothing ran: the fault rules were not journaled.
    held.socket.destroy();
    await expect.poll(() => connectionsOf(running!)).toBe(0);
    const journal = (await (await fetch(`${running.url}/_sim/v1/sandboxes/default/requests`)).json()) as { items: { path: string }[] };
    expect(journal.items.filter((item) => item.path.endsWith('/faults'))).toEqual([]);
  });

  it('keeps serving the liveness and readiness probes past the cap (GET and HEAD), closing the connection after each, so an orchestrator does not restart a busy mock', async () => {
    app = createApp({ seed: 3 });
    const logged: Logged[] = [];
    running = await startServer(app, { port: 0, maxConnections: 1, serverLog: (level, fields, message) => logged.push({ level, fields, message }) });
    const held = await open(running.port);
    sockets.push(held.socket);
    await expect.poll(() => connectionsOf(running!)).toBe(1);
    for (const [method, path, status] of [['GET', '/_sim/v1/health', 'HTTP/1.1 200 OK'], ['HEAD', '/_sim/v1/health', 'HTTP/1.1 200 OK'], ['GET', '/_sim/v1/ready?_=1', 'HTTP/1.1 200 OK']] as const) {
      const probe = await open(running.port);
      sockets.push(probe.socket);
      probe.socket.write(`${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\n\r\n`);
      const lines = (await probe.closed).split('\r\n');
      expect(lines[0], `${method} ${path}`).toBe(status);
      expect(lines).toContain('connection: close');
    }
    expect(logged).toEqual([]);
  });

  it('answers a connection past the cap that sends no request head within a second 503 all the same, without an instance', async () => {
    app = createApp({ seed: 3 });
    running = await startServer(app, { port: 0, maxConnections: 1 });
    const held = await open(running.port);
    sockets.push(held.socket);
    await expect.poll(() => connectionsOf(running!)).toBe(1);
    const silent = await open(running.port);
    sockets.push(silent.socket);
    const [head = '', body = ''] = (await silent.closed).split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 503 Service Unavailable');
    const problem = JSON.parse(body) as Record<string, unknown>;
    expect(problem).toMatchObject({ code: 'CONNECTION_LIMIT_REACHED', limit: 1 });
    expect(problem).not.toHaveProperty('instance');
  });

  it('answers at most 16 connections past the cap at once: one more while their clients have not closed is closed unanswered', async () => {
    app = createApp({ seed: 3 });
    running = await startServer(app, { port: 0, maxConnections: 1 });
    const held = await open(running.port);
    sockets.push(held.socket);
    await expect.poll(() => connectionsOf(running!)).toBe(1);
    // Clients that keep their side open after the answer: each answer's connection stays until the server's linger ends.
    const answered: string[] = [];
    for (let n = 0; n < 16; n++) {
      const extra = connect({ port: running.port, host: '127.0.0.1', allowHalfOpen: true });
      sockets.push(extra);
      extra.on('error', () => undefined);
      extra.write('GET /_sim/v1/sandboxes HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      answered.push(await new Promise<string>((resolve) => extra.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1').split('\r\n')[0] ?? ''))));
    }
    expect(answered).toEqual(Array.from({ length: 16 }, () => 'HTTP/1.1 503 Service Unavailable'));
    const past = await open(running.port);
    sockets.push(past.socket);
    expect(await past.closed).toBe('');
  });

  it('logs an error of the listening socket (accept failing with EMFILE) instead of ending the process, and keeps serving', async () => {
    app = createApp({ seed: 3 });
    const logged: Logged[] = [];
    running = await startServer(app, { port: 0, serverLog: (level, fields, message) => logged.push({ level, fields, message }) });
    const emfile = Object.assign(new Error('accept EMFILE'), { code: 'EMFILE', syscall: 'accept' });
    running.server.emit('error', emfile);
    running.server.emit('error', emfile);
    expect(logged).toEqual([{ level: 'error', fields: { code: 'SERVER_ERROR', err: emfile, suppressed: 0 }, message: expect.stringContaining('the listening socket failed: accept EMFILE — the process ran out of file descriptors (raise ulimit -n, or lower --max-connections') }]);
    expect((await fetch(`${running.url}/_sim/v1/health`)).status).toBe(200);
  });

  it('defaults to the open-file limit less a reserve, and is set by --max-connections or its variable', async () => {
    expect(defaultMaxConnections('Limit                     Soft Limit           Hard Limit           Units\nMax open files            256                  256                  files\n')).toBe(192);
    expect(defaultMaxConnections('Max open files            20000                20000                files\n')).toBe(10_000);
    expect(defaultMaxConnections('Max open files            unlimited            unlimited            files\n')).toBe(10_000);
    expect(defaultMaxConnections('')).toBe(1_000);
    expect(parseCli(['--max-connections', '50'])).toMatchObject({ kind: 'run', server: { maxConnections: 50 } });
    expect(parseCli([], { GDX_MOCK_MAX_CONNECTIONS: '0' })).toEqual({ kind: 'error', message: 'GDX_MOCK_MAX_CONNECTIONS must be a positive integer: 0' });
    app = createApp({ seed: 3 });
    await expect(startServer(app, { port: 0, maxConnections: 0 })).rejects.toThrow(/maxConnections must be a positive integer, got 0/);
  });
});

describe('health and the connections', () => {
  let app: App;
  let running: RunningServer | undefined;
  const sockets: Socket[] = [];
  afterEach(async () => {
    sockets.splice(0).forEach((socket) => socket.destroy());
    await running?.close();
    running = undefined;
    await app?.close();
  });

  it('GET /_sim/v1/health shows the connections open and the cap over HTTP, and leaves them out in process', async () => {
    app = createApp({ seed: 3 });
    running = await startServer(app, { port: 0, maxConnections: 7 });
    for (let n = 0; n < 2; n++) sockets.push((await open(running.port)).socket);
    await expect.poll(() => connectionsOf(running!)).toBe(2);
    // fetch's own connection makes the third.
    const health = await fetch(`${running.url}/_sim/v1/health`, { headers: { connection: 'close' } });
    const body = (await health.json()) as { connections: unknown };
    expectContract('simulation', 'getHealth', { status: health.status, body }, 200);
    expect(body.connections).toEqual({ open: 3, max: 7 });
    // An app no server serves (MSW, the in-process fetch) has no connections to show.
    const alone = createApp({ seed: 3 });
    try {
      const inProcess = await alone.dispatch({ method: 'GET', path: '/_sim/v1/health', query: '', headers: { host: 'mock.local' }, body: undefined });
      expect(JSON.parse(String(inProcess.body))).not.toHaveProperty('connections');
    } finally {
      await alone.close();
    }
  });
});
