import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnMockCli, type SpawnedMock } from './support/mock.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** Runs the built CLI as a child process (async: the mock it talks to is another process). */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the built gdx-conformance CLI against the built gdx-mock CLI (two processes, HTTP)', () => {
  let mock: SpawnedMock;
  let dir: string;
  beforeAll(async () => {
    mock = await spawnMockCli();
    dir = await mkdtemp(join(tmpdir(), 'gdx-conformance-e2e-'));
  });
  afterAll(async () => {
    await mock?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('runs the whole kit, exits 0 and writes a well-formed JUnit report', async () => {
    const junit = join(dir, 'out.xml');
    const run = await runCli(['--base-url', mock.url, '--sim-url', `${mock.url}/_sim/v1`, '--sandbox', 'default', '--junit', junit]);
    expect(run.code, `${run.stdout.slice(-3000)}\n${run.stderr}`).toBe(0);
    expect(run.stdout.trimEnd().endsWith('PASS')).toBe(true);
    const xml = await readFile(junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      testsuites: { tests: string; failures: string; skipped: string; testsuite: Array<{ name: string; tests: string }> };
    };
    expect(parsed.testsuites.failures).toBe('0');
    expect(parsed.testsuites.skipped).toBe('0');
    expect(Number(parsed.testsuites.tests)).toBeGreaterThan(150);
    expect(parsed.testsuites.testsuite.map((s) => s.name)).toEqual([
      'gdx-conformance.contract', 'gdx-conformance.security', 'gdx-conformance.isolation', 'gdx-conformance.workflow',
    ]);
  });
});
