import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A server running in a child process on 127.0.0.1.
 *
 * @example
 * ```ts
 * const server = await forkServer(new URL('./servers/fixed-json-server.js', import.meta.url), { body: '{}' });
 * console.log(`http://127.0.0.1:${server.port}/`);
 * await server.stop();
 * ```
 */
export interface ChildServer {
  readonly port: number;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

// Children must never outlive the bench, also when it dies of an exception or Ctrl-C.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
process.once('SIGINT', () => {
  stopAllChildren().finally(() => process.exit(130));
});

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const escalate = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(escalate);
}

function track(child: ChildProcess): ChildServer['stop'] {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return () => terminate(child);
}

/**
 * Stops every child server still running.
 *
 * @example
 * ```ts
 * process.on('beforeExit', stopAllChildren);
 * ```
 */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map(terminate));
}

/**
 * Forks a Node server script that listens on port 0 and reports `{ port }` over IPC once it
 * listens; `init` is the first IPC message it receives (e.g. the body to serve).
 *
 * @example
 * ```ts
 * const server = await forkServer(scriptUrl, { body: JSON.stringify(application) });
 * ```
 */
export async function forkServer(script: URL, init: unknown, timeoutMs = 10_000): Promise<ChildServer> {
  const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const stop = track(child);
  try {
    // A child that dies at once closes the channel; its exit is reported below, not as an 'error'.
    child.send(init as object, () => undefined);
    const message = await withTimeout(
      Promise.race([
        once(child, 'message').then(([m]) => m as { port?: unknown }),
        once(child, 'exit').then(([code]) => Promise.reject(new Error(`server exited with code ${code} before listening`))),
      ]),
      timeoutMs,
      'server did not report its port',
    );
    if (typeof message.port !== 'number') throw new Error(`server reported no port: ${JSON.stringify(message)}`);
    child.disconnect();
    return { port: message.port, pid: child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Forks a Node script that receives `init` as its first IPC message, answers with one message and
 * exits; resolves with that answer once the child has gone. A child that exits without answering
 * or takes longer than `timeoutMs` is stopped and the call rejects.
 *
 * @example
 * ```ts
 * const measured = await runInChild<YearsMeasured>(new URL('./simulated-year-child.js', import.meta.url), plan, 600_000);
 * ```
 */
export async function runInChild<T>(script: URL, init: unknown, timeoutMs: number): Promise<T> {
  const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const stop = track(child);
  try {
    child.send(init as object, () => undefined);
    return await withTimeout(
      Promise.race([
        once(child, 'message').then(([answer]) => answer as T),
        once(child, 'exit').then(([code]) => Promise.reject(new Error(`${script.pathname} exited with code ${code} before answering`))),
      ]),
      timeoutMs,
      `${script.pathname} (pid ${child.pid}) did not answer within ${timeoutMs} ms`,
    );
  } finally {
    await stop();
  }
}

/**
 * Spawns a server command that takes its port on the command line, and waits until the port
 * accepts TCP connections. On failure the error carries the end of the child's output.
 *
 * @example
 * ```ts
 * const port = await freePort();
 * const prism = await spawnServer(process.execPath, [prismBin, 'mock', spec, '-p', String(port)], port);
 * ```
 */
export async function spawnServer(command: string, args: readonly string[], port: number, timeoutMs = 20_000): Promise<ChildServer> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = track(child);
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-2_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  try {
    await withTimeout(
      Promise.race([
        waitForPort(port, () => child.exitCode !== null),
        once(child, 'exit').then(([code]) => Promise.reject(new Error(`exited with code ${code}`))),
      ]),
      timeoutMs,
      `port ${port} not open after ${timeoutMs} ms`,
    );
    return { port, pid: child.pid, stop };
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}${explain(output)}`);
  }
}

/** The most telling line of a failed child's output: its first error line, else its last lines. */
function explain(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const errorLine = lines.find((l) => /^\w*Error\b|\berror:/i.test(l));
  const said = errorLine ?? lines.slice(-3).join(' | ');
  return said === '' ? '' : `: ${said}`;
}

/**
 * A TCP port that was free on 127.0.0.1 a moment ago (for servers that need a port argument).
 *
 * @example
 * ```ts
 * const port = await freePort();
 * ```
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

async function waitForPort(port: number, gaveUp: () => boolean): Promise<void> {
  while (!gaveUp()) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await sleep(50);
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  const controller = new AbortController();
  try {
    return await Promise.race([
      promise,
      sleep(ms, undefined, { signal: controller.signal }).then(() => Promise.reject(new Error(message))),
    ]);
  } finally {
    controller.abort();
  }
}
