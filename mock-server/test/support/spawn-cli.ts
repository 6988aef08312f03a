import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { storeIdentity } from '../../src/persistence/store-identity.js';

// The bin is spawned as its built self (decision 0002: `test` depends on `build` in turbo).
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/**
 * Has the built compaction worker write the snapshot after entry `seq` of the app of `options`
 * (plain data), from a Node process of its own (a worker thread of this one would inherit the
 * `source` condition and load TypeScript), and answers `compacted` or the error's message.
 * `identity` is the store's as its app opened it (default: the directory's now).
 */
export function compactInWorker(dir: string, seq: number, options: Record<string, unknown>, identity = storeIdentity(dir)): string {
  const compactor = new URL('../../dist/persistence/background-compaction.js', import.meta.url).href;
  // A file, not `--input-type=module -e`: the worker thread would inherit that flag and refuse to start.
  const script = join(dir, 'compact.mjs');
  writeFileSync(
    script,
    `const { backgroundCompactor } = await import(${JSON.stringify(compactor)});\n` +
      `await backgroundCompactor(${JSON.stringify(dir)}, ${JSON.stringify(options)}, ${JSON.stringify(identity)})(${seq}).then(() => console.log('compacted'), (error) => console.log(error.message));\n`,
  );
  const { NODE_OPTIONS: _inherited, ...env } = process.env;
  // 90 s: a worker rebuilding the state took over 60 s beside a whole `npm test` and three builds.
  const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 90_000, env });
  if (run.error !== undefined) return `the compaction script failed to finish: ${run.error.message}`;
  return run.stdout.trim() || run.stderr;
}

/** Starts the built `gdx-mock` on a free port with a data directory; resolves with its URL once it listens, and what it wrote so far and later. */
export async function startChild(dataDir: string, extra: readonly string[] = []): Promise<{ child: ChildProcess; url: string; stdout: () => string; stderr: () => string }> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` in mock-server (turbo's test task builds first)`);
  const child = spawn(process.execPath, [CLI, '--port', '0', '--seed', '3', '--start-at', '2025-09-26T10:00:00+08:00', '--data-dir', dataDir, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`gdx-mock exited with ${code}: ${err}`)));
  });
  return { child, url, stdout: () => out, stderr: () => err };
}

/** The entry after which the newest snapshot was taken (the compaction worker writes them). */
export function newestSnapshot(dataDir: string): number {
  const snapshots = new Database(join(dataDir, 'snapshots.sqlite'), { readonly: true });
  try {
    return (snapshots.prepare('SELECT max(seq) AS seq FROM snapshots').get() as { seq: number | null }).seq ?? 0;
  } finally {
    snapshots.close();
  }
}

/** Resolves once the child has exited. */
export function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}


/**
 * The children a test spawns: push each one, and after each test it is sent `signal` and waited
 * for, so no `gdx-mock` outlives its test (or holds its data directory for the next one).
 */
export function useChildren(signal: NodeJS.Signals = 'SIGKILL'): ChildProcess[] {
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill(signal);
      await killed(child);
    }
  });
  return children;
}
