import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { CLI, killed, useChildren } from '../support/spawn-cli.js';

/** Starts the built `gdx-mock` on a free port; resolves with its URL and what it wrote to stderr once the start's warnings are out. */
async function start(args: readonly string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--log-format', 'pretty', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`gdx-mock exited with ${code}: ${err}`)));
  });
  return { child, url, stderr: () => err };
}

/** The start's warnings are written after the banner, before any request is read: one request answered means they are out. */
async function warnings(started: { url: string; stderr: () => string }): Promise<string[]> {
  await fetch(`${started.url}/_sim/v1/health`);
  return started.stderr().split('\n').filter((line) => line.includes('is not applied'));
}

describe('gdx-mock on a data directory that already holds its default sandbox', () => {
  const tempDir = useTempDirs();
  const children = useChildren();

  it('names each sandbox flag the stored sandbox overrides, by flag or variable, and what is in force instead; none for a new directory or matching flags', async () => {
    const dir = tempDir();
    const first = await start(['--data-dir', dir, '--seed', '1', '--profile', 'national', '--start-at', '2025-09-26T09:00:00+08:00']);
    children.push(first.child);
    expect(await warnings(first)).toEqual([]);
    first.child.kill('SIGTERM');
    await killed(first.child);

    const second = await start(['--data-dir', dir, '--seed', '7', '--profile', 'xiamen', '--clock', 'realtime', '--start-at', '2024-01-02T09:00:00+08:00']);
    children.push(second.child);
    const said = await warnings(second);
    expect(said).toEqual([
      expect.stringMatching(new RegExp(`^gdx-mock: warning: --seed 7 is not applied: the default sandbox of the data directory ${dir} keeps its seed 1; `)),
      expect.stringMatching(/^gdx-mock: warning: --profile xiamen is not applied: .* keeps its profile national; /),
      expect.stringMatching(/^gdx-mock: warning: --clock realtime is not applied: .* keeps its virtual clock; /),
      expect.stringMatching(/^gdx-mock: warning: --start-at 2024-01-02T09:00:00\+08:00 is not applied: .* keeps its clock, now 2025-09-26T09:00:00\+08:00; /),
    ]);
    // What is in force is what the warnings say.
    const sandbox = (await (await fetch(`${second.url}/_sim/v1/sandboxes/default`)).json()) as { seed: number; profile: { name: string } };
    expect([sandbox.seed, sandbox.profile.name]).toEqual([1, 'national']);
    second.child.kill('SIGTERM');
    await killed(second.child);

    const third = await start(['--data-dir', dir, '--seed', '1'], { GDX_MOCK_PROFILE: 'inner-mongolia' });
    children.push(third.child);
    expect(await warnings(third)).toEqual([expect.stringMatching(/^gdx-mock: warning: GDX_MOCK_PROFILE inner-mongolia is not applied: .* keeps its profile national; /)]);
  });
});
