import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/cli-options.js';
import { createApp, type App } from '../../src/index.js';
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
        message: expect.stringMatching(/^\[ANSWER_TIMEOUT\] closed a connection whose client had not read its answer 0\.3 s after it was written \(--response-timeout\): \d+ bytes of GET \/_sim\/v1\/sandboxes\/default\/snapshot \(req_\w+\) were still unsent$/),
      },
    ]);
    expect(logged[0]?.fields['unsentBytes']).toBeGreaterThan(0);
    // The server goes on serving others.
    expect((await fetch(`${running?.url ?? ''}/_sim/v1/health`)).status).toBe(200);
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
