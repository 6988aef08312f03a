import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCli } from '../../src/cli/cli-options.js';
import { createApp, type App } from '../../src/index.js';
import { answerTimeout } from '../../src/server/answer-timeout.js';
import { startServer, type RunningServer } from '../../src/server/index.js';

// An answer is written whole, and what a client does not read stays in the process: eight
// clients that never read a 90 MB sandbox snapshot held 1.9 GB for as long as they kept their
// connections, and the memory guard (the heap only) did not see it.

interface Logged {
  level: string;
  fields: Readonly<Record<string, unknown>>;
  message: string;
}

/**
 * Sends `GET path` `times` times at once (pipelined) and reads nothing for `pauseMs` (the socket
 * is paused: the kernel's buffers fill and the rest stays in the server), then reads. Resolves
 * with the bytes received and whether the server closed the connection: once it closes, or once
 * `expectBytes` have come with the connection still open. Nothing else is timed, so a loaded
 * machine that answers slowly does not end the read early (a 300 ms wait for the next byte did).
 */
function lateReader(port: number, path: string, pauseMs: number, expectBytes = Infinity, times = 8): Promise<{ bytes: number; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.pause();
    let bytes = 0;
    const done = (closed: boolean): void => {
      socket.destroy();
      resolve({ bytes, closed });
    };
    socket.once('connect', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`.repeat(times));
      setTimeout(() => {
        socket.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes >= expectBytes) done(false);
        });
        socket.resume();
      }, pauseMs);
    });
    socket.on('error', () => undefined);
    socket.once('close', () => done(true));
    socket.once('error', reject);
  });
}

/**
 * Sends `GET path` `times` times at once (pipelined) and reads in bursts: `burstBytes`, then
 * nothing until `pause(bytes so far)` settles, and again, until `expectBytes` have come (the
 * connection still open) or the server closes it. Resolves like `lateReader`.
 */
function burstReader(port: number, path: string, burstBytes: number, pause: (bytes: number) => Promise<unknown>, expectBytes: number, times = 8): Promise<{ bytes: number; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.pause();
    let bytes = 0;
    let burst = 0;
    const done = (closed: boolean): void => {
      socket.destroy();
      resolve({ bytes, closed });
    };
    socket.once('connect', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`.repeat(times));
      socket.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        burst += chunk.length;
        if (bytes >= expectBytes) return done(false);
        if (burst < burstBytes) return;
        burst = 0;
        socket.pause();
        pause(bytes).then(() => socket.resume(), reject);
      });
      socket.resume();
    });
    socket.on('error', () => undefined);
    socket.once('close', () => done(true));
    socket.once('error', reject);
  });
}

/** A reader's pause between two bursts: short against the timeouts below, so it never stops for a whole one. */
const briefly = (ms: number) => (): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the answer timeout of the HTTP server', () => {
  let app: App;
  let running: RunningServer | undefined;
  const logged: Logged[] = [];
  const start = async (answerMs?: number): Promise<RunningServer> => {
    app = createApp({ seed: 3 });
    logged.length = 0;
    running = await startServer(app, {
      port: 0,
      timeouts: { requestMs: 800, headersMs: 400, ...(answerMs !== undefined ? { answerMs } : {}) },
      serverLog: (level, fields, message) => logged.push({ level, fields, message }),
    });
    return running;
  };
  afterEach(async () => {
    await running?.close();
    running = undefined;
    await app?.close();
  });

  // The default sandbox's snapshot (1.2 MB), eight times over: more than the kernel buffers of a
  // loopback connection whose client reads nothing take (one alone fits in them).
  const LARGE = '/_sim/v1/sandboxes/default/snapshot';
  /** Less than the size of one answer of `LARGE` (its body, without the head). */
  const SNAPSHOT_BYTES = 900_000;

  it('closes the connection of a client that does not read its answers in time, and logs it naming the request', async () => {
    const { port } = await start(300);
    // Paused 3 s, ten times the timeout: long enough for the timer to fire on a loaded machine,
    // where the eight exports themselves take a second or more (paused 1 s, the client read them all).
    const { bytes, closed } = await lateReader(port, LARGE, 3_000);
    expect(closed).toBe(true);
    // Fewer than the eight answers: the rest was dropped with the connection.
    expect(bytes).toBeLessThan(8 * SNAPSHOT_BYTES);
    // The first answer left unread past the timeout is logged; the others on the connection went with it.
    expect(logged).toEqual([
      {
        level: 'warn',
        fields: { requestId: expect.stringMatching(/^req_/), method: 'GET', path: LARGE, remoteAddress: '127.0.0.1', unsentBytes: expect.any(Number) },
        message: expect.stringMatching(/^\[ANSWER_TIMEOUT\] closed a connection whose client had taken none of its answer for 0\.3 s \(--response-timeout\): \d+ bytes of GET \/_sim\/v1\/sandboxes\/default\/snapshot \(req_\w+\) were still unsent$/),
      },
    ]);
    expect(logged[0]?.fields['unsentBytes']).toBeGreaterThan(0);
    // The server goes on serving others.
    expect((await fetch(`${running?.url ?? ''}/_sim/v1/health`)).status).toBe(200);
  });

  it('leaves a client that reads slowly but steadily alone, however long past the timeout it takes', async () => {
    const { port } = await start(1_000);
    // Two megabytes, then 300 ms without reading, and again: the twelve answers take about a second
    // and a half, past the timeout, but each burst lets the kernel take more (it takes bytes in
    // steps of a megabyte or so, and each answer it has taken whole is progress too). A window of
    // a second holds about three bursts, so a reader held up a while by a loaded machine still
    // shows progress in each.
    const { bytes, closed } = await burstReader(port, LARGE, 2 * 1024 * 1024, briefly(300), 12 * SNAPSHOT_BYTES, 12);
    expect(closed).toBe(false);
    expect(bytes).toBeGreaterThanOrEqual(12 * SNAPSHOT_BYTES);
    expect(logged).toEqual([]);
  });

  it('leaves a client that reads its answers at once alone, whatever their size', async () => {
    // 2 s, not 0.3: a client that reads at once may still be held up that long on a loaded machine.
    const { port } = await start(2_000);
    const { bytes, closed } = await lateReader(port, LARGE, 0, 8 * SNAPSHOT_BYTES);
    expect(closed).toBe(false);
    expect(bytes).toBeGreaterThanOrEqual(8 * SNAPSHOT_BYTES);
    expect(logged).toEqual([]);
  });

  it('waits 60 s by default: a client that reads a second late gets every answer on its kept connection', async () => {
    const { port } = await start();
    const { bytes, closed } = await lateReader(port, LARGE, 1_000, 8 * SNAPSHOT_BYTES);
    expect(closed).toBe(false);
    expect(bytes).toBeGreaterThanOrEqual(8 * SNAPSHOT_BYTES);
    expect(logged).toEqual([]);
  });
});

describe('the answer timeout on one large write', () => {
  // An answer is one write: Node's `writableLength` and `bytesWritten` do not move until the
  // kernel has taken all of it, so a 90 MB snapshot read slowly looks stalled to them.
  const ANSWER_BYTES = 24 * 1024 * 1024;
  let server: Server | undefined;
  const logged: Logged[] = [];
  /** A plain server answering 24 MiB in one `end()`, watched as `startServer` watches its answers. */
  const serve = async (timeoutMs: number): Promise<number> => {
    logged.length = 0;
    const answers = answerTimeout(timeoutMs, (level, fields, message) => logged.push({ level, fields, message }));
    const body = Buffer.alloc(ANSWER_BYTES, 0x61);
    server = createServer((req, res) => {
      res.writeHead(200, ['content-length', String(ANSWER_BYTES)]);
      res.end(body);
      answers.watch(req, res, 'req_large');
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  it('leaves a client alone that keeps taking bytes of the write, though the whole of it takes several timeouts', async () => {
    const port = await serve(1_000);
    // 4 MiB, then 300 ms without reading, and again: the kernel's buffers hold some megabytes,
    // so the rest is taken burst by burst over about a second and a half, past the timeout, and
    // each burst frees more than the kernel needs to take the next bytes (about three a window).
    const { bytes, closed } = await burstReader(port, '/', 4 * 1024 * 1024, briefly(300), ANSWER_BYTES, 1);
    expect(closed).toBe(false);
    expect(bytes).toBeGreaterThanOrEqual(ANSWER_BYTES);
    expect(logged).toEqual([]);
  });

  it('cuts one that stops taking bytes partway, and says how many the kernel had not taken', async () => {
    const port = await serve(300);
    // One 4 MiB burst, then nothing until the server has cut the connection (the client, reading
    // nothing, would not see it), then the rest of what the kernel holds.
    let stoppedAt: number | undefined;
    const stop = async (bytes: number): Promise<void> => {
      stoppedAt ??= bytes;
      await vi.waitFor(() => expect(logged).toHaveLength(1), { timeout: 10_000, interval: 50 });
    };
    const { bytes, closed } = await burstReader(port, '/', 4 * 1024 * 1024, stop, ANSWER_BYTES, 1);
    expect(closed).toBe(true);
    expect(bytes).toBeLessThan(ANSWER_BYTES);
    const unsent = logged[0]?.fields['unsentBytes'];
    // Less than the client had not read: the kernel's buffers held the difference. Not nothing.
    expect(unsent).toBeGreaterThan(0);
    expect(unsent).toBeLessThan(ANSWER_BYTES - (stoppedAt ?? 0));
    expect(logged[0]?.message).toBe(`[ANSWER_TIMEOUT] closed a connection whose client had taken none of its answer for 0.3 s (--response-timeout): ${String(unsent)} bytes of GET / (req_large) were still unsent`);
  });
});

describe('--response-timeout', () => {
  const timeoutsOf = (argv: string[], env: Record<string, string> = {}) => {
    const request = parseCli(argv, env);
    return request.kind === 'run' ? request.server.timeouts : request;
  };

  it('is set in seconds by flag or variable, 1–3600, and left to the server default otherwise', () => {
    expect(timeoutsOf([])).toEqual({ requestMs: 30_000, headersMs: 10_000 });
    expect(timeoutsOf(['--response-timeout', '120'])).toEqual({ requestMs: 30_000, headersMs: 10_000, answerMs: 120_000 });
    expect(timeoutsOf([], { GDX_MOCK_RESPONSE_TIMEOUT: '5' })).toEqual({ requestMs: 30_000, headersMs: 10_000, answerMs: 5_000 });
    expect(timeoutsOf(['--response-timeout', '0'])).toEqual({ kind: 'error', message: '--response-timeout must be 1–3600: 0' });
  });
});
