import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A `gdx-mock` server running as a child process. */
export interface MockProcess {
  /** Its origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Stops it (SIGTERM) and resolves when it has exited. */
  stop(): Promise<void>;
}

const LISTENING = /gdx-mock listening on (http:\/\/\S+)/;

/**
 * The path of the built `gdx-mock` bin of the installed `@gdx/mock-server` (its `dist/cli.js`),
 * or `GDX_MOCK_BIN` when set (another build of the same CLI). Throws with a clear message when
 * the package has not been built.
 *
 * @example
 * ```ts
 * mockBinPath(); // '/…/mock-server/dist/cli.js'
 * ```
 */
export function mockBinPath(): string {
  if (process.env.GDX_MOCK_BIN) return process.env.GDX_MOCK_BIN;
  // The package's exports hide package.json, so look it up in the node_modules folders Node searches.
  const manifest = (createRequire(import.meta.url).resolve.paths('@gdx/mock-server') ?? [])
    .map((dir) => join(dir, '@gdx/mock-server/package.json'))
    .find((path) => existsSync(path));
  if (!manifest) throw new Error('@gdx/mock-server is not installed (未安装 @gdx/mock-server)');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  const relative = bin['gdx-mock'];
  if (!relative) throw new Error('@gdx/mock-server declares no gdx-mock bin (缺少 gdx-mock 命令)');
  const path = join(dirname(manifest), relative);
  if (!existsSync(path)) throw new Error(`${path} is missing: build the mock first with \`npm run build -w @gdx/mock-server\` (模拟服务尚未构建)`);
  return path;
}

/**
 * Starts the built `gdx-mock` on a free loopback port (`--port 0`) as a child process and resolves
 * once it prints where it listens. Rejects if it exits first or stays silent for `timeoutMs`.
 *
 * @example
 * ```ts
 * const mock = await startMockProcess();
 * await fetch(`${mock.url}/_sim/v1/sandboxes`);
 * await mock.stop();
 * ```
 */
export function startMockProcess(options: { args?: string[]; timeoutMs?: number } = {}): Promise<MockProcess> {
  const child = spawn(process.execPath, [mockBinPath(), '--port', '0', ...(options.args ?? [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  let started = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<MockProcess>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(new Error(`gdx-mock did not start: ${why}\n${printed}`));
    };
    const timer = setTimeout(() => fail(`no "listening" line within ${options.timeoutMs ?? 30_000} ms`), options.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      const url = started ? undefined : LISTENING.exec(printed)?.[1];
      if (url === undefined) return;
      started = true;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      resolve({ url, output: () => printed, stop: () => stop(child, exited) });
    };
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null) => fail(`exited early (code ${code}, signal ${signal})`);
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => void (printed += chunk.toString('utf8')));
    child.once('exit', onEarlyExit);
    child.once('error', (error) => fail(error.message));
  });
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
}
