import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnMockCli, type SpawnedMock } from './support/mock.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** Starts the built CLI and sends it `signal` once it printed its first check result. */
function cancelledRun(args: string[], signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      if (/\[1\/\d+\]/.test(c.toString())) child.kill(signal);
    });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

async function sandboxIds(mock: SpawnedMock): Promise<string[]> {
  const body = (await (await fetch(`${mock.url}/_sim/v1/sandboxes?limit=200`)).json()) as { items?: { id: string }[] } | { id: string }[];
  return (Array.isArray(body) ? body : (body.items ?? [])).map((s) => s.id);
}

describe('a cancelled run (CI cancellation, Ctrl-C) deletes the sandboxes it created', () => {
  let mock: SpawnedMock;
  beforeAll(async () => {
    mock = await spawnMockCli();
  });
  afterAll(() => mock?.stop());

  it.each<[NodeJS.Signals, number]>([['SIGTERM', 143], ['SIGINT', 130]])('%s: the sandboxes are gone and the exit code is %i', async (signal, code) => {
    const before = await sandboxIds(mock);
    expect(before).toContain('default');
    const run = await cancelledRun(['--sim-url', `${mock.url}/_sim/v1`, '--only', 'SEC-SIG-01,REG-*'], signal);
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(`${signal}: deleting the`);
    expect(await sandboxIds(mock)).toEqual(before);
  });
});
