import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { main } from '../src/cli/main.js';
import { createFakePlatform, ORGS, type FakeFaults } from './support/fake-platform.js';
import { createFakeRegistry } from './support/fake-registration.js';

function io(fetchImpl: typeof fetch) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), color: false, fetch: fetchImpl } };
}

const orgArgs = ORGS.flatMap((o) => ['--org', `${o.appKey}:${o.secret}:${o.creditCode}`]);
// Only checks whose documents the fake can answer without @gdx/openapi's bundles.
const selection = ['--only', 'SEC-SIG-01,SEC-SIG-02,SEC-SIG-03', '--only', 'SEC-SIG-05', '--only', 'REG-ACCEPT-01'];

describe('gdx-conformance', () => {
  it('exits 0, prints progress and a summary, and writes JUnit XML', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gdx-conformance-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const t = io(createFakePlatform());
    const code = await main(['--base-url', 'http://fake.test', ...orgArgs, ...selection, '--junit', join(dir, 'report.xml')], t.io);
    const text = t.out.join('');
    expect(code).toBe(0);
    expect(text).toMatch(/✓ \[1\/\d+\] SEC-SIG-01/);
    expect(text).toContain('- [');
    expect(text).toContain('skipped: needs the simulation API');
    expect(text.trimEnd().endsWith('PASS')).toBe(true);
    expect(await readFile(join(dir, 'report.xml'), 'utf8')).toContain('<testsuites name="gdx-conformance"');
  });

  it('exits 1 when a check fails', async () => {
    const faults: FakeFaults = { acceptReplays: true };
    const t = io(createFakePlatform(faults));
    expect(await main(['--base-url', 'http://fake.test', ...orgArgs, ...selection], t.io)).toBe(1);
    expect(t.out.join('')).toContain('SEC-SIG-02');
  });

  it('exits 2 with the usage text on a usage error', async () => {
    const t = io(createFakePlatform());
    expect(await main(['--org', 'a:b'], t.io)).toBe(2);
    expect(t.err.join('')).toContain('Usage: gdx-conformance');
  });

  it('creates a sandbox through the simulation API and uses its organisations', async () => {
    const t = io(createFakeRegistry());
    // The JSON report goes to stdout; progress to stderr.
    const code = await main(['--sim-url', 'http://fake.test/_sim/v1', '--only', 'REG-ACCEPT-01', '--json'], t.io);
    const report = JSON.parse(t.out.join('')) as { ok: boolean; results: Array<{ id: string; status: string }> };
    expect(report.results).toEqual([expect.objectContaining({ id: 'REG-ACCEPT-01', status: 'passed' })]);
    expect(code).toBe(0);
    expect(t.err.join('')).toContain('REG-ACCEPT-01');
  });
});
