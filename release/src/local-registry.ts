import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A Verdaccio registry on 127.0.0.1 holding only what was published into it. */
export interface LocalRegistry {
  /** e.g. `http://127.0.0.1:41234/` */
  url: string;
  /** A token of the one user, who may publish `@gdx/*`. */
  token: string;
  /** Where it keeps the published tarballs (`<storage>/@gdx/<name>/<name>-<version>.tgz`). */
  storage: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// No uplinks: `@gdx/*` can only come from what the release published here; everything else
// is refused, so a consumer reading third-party packages from here would fail loudly.
// Verdaccio checks the password behind the token of every authenticated request with bcryptjs
// (pure JavaScript): at its default cost (10) the 16 publishes spent ~6 of Verdaccio's ~8 CPU-s
// there. Cost 4, the lowest bcrypt allows, for a throwaway user on 127.0.0.1.
const CONFIG = (dir: string) => `storage: ${join(dir, 'storage')}
auth:
  htpasswd:
    file: ${join(dir, 'htpasswd')}
    max_users: 1
    algorithm: bcrypt
    rounds: 4
max_body_size: 64mb
packages:
  '@gdx/*':
    access: $all
    publish: $authenticated
log: { type: stdout, format: pretty, level: warn }
`;

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited ${child.exitCode}:\n${output()}`);
    const ping = await fetch(`${url}-/ping`).catch(() => undefined);
    if (ping?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`verdaccio did not answer ${url}-/ping within 20 s:\n${output()}`);
}

/**
 * Starts Verdaccio (the root devDependency) in a child process with its config, storage and
 * user file in `dir`, and adds one user whose token publishes.
 *
 * @example
 * ```ts
 * const registry = await startLocalRegistry(await mkdtemp(join(tmpdir(), 'registry-')));
 * await registry.stop();
 * ```
 */
export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  await writeFile(join(dir, 'config.yaml'), CONFIG(dir));
  const bin = createRequire(import.meta.url).resolve('verdaccio/bin/verdaccio');
  const child = spawn(process.execPath, [bin, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await waitUntilUp(url, child, () => output);
    const answer = await fetch(`${url}-/user/org.couchdb.user:release`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'release', password: 'release-test-only', type: 'user', roles: [], date: new Date().toISOString() }),
    });
    const { token } = (await answer.json()) as { token?: string };
    if (!answer.ok || !token) throw new Error(`verdaccio refused the release user (${answer.status})`);
    return { url, token, storage: join(dir, 'storage'), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
