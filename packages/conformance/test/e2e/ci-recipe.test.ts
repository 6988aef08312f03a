import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const MOCK_CLI = fileURLToPath(new URL('../../../../mock-server/dist/cli.js', import.meta.url));

/** Collects a child's output and resolves with its exit code; `onStdout` sees the output so far. */
function run(child: ChildProcess, onStdout?: (soFar: string) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString();
      onStdout?.(stdout);
    });
    child.stderr?.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the CI recipe: `gdx-mock &`, then at once `gdx-conformance --wait` (built CLIs, two processes)', () => {
  let mock: ChildProcess | undefined;
  afterAll(async () => {
    if (mock && mock.exitCode === null && mock.signalCode === null) {
      const exited = new Promise((resolve) => mock!.once('exit', resolve));
      mock.kill('SIGTERM');
      await exited;
    }
  });

  it('waits for the mock that starts after the kit, then passes', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // The kit starts first and finds nothing (without --wait: `fetch failed`); the mock is started
    // only once the kit says it is waiting, so the test does not hang on who is faster.
    const startMock = () => {
      mock ??= spawn(process.execPath, [MOCK_CLI, '--port', String(port), '--seed', '1'], { stdio: ['ignore', 'ignore', 'ignore'] });
    };
    const kit = run(
      spawn(process.execPath, [CLI, '--wait', '60', '--base-url', url, '--sim-url', `${url}/_sim/v1`, '--sandbox', 'default', '--only', 'SEC-SIG-01'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } }),
      (soFar) => soFar.includes('waiting up to') && startMock(),
    );
    const result = await kit;
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain(`waiting up to 60 s for ${url}/_sim/v1/ready`);
    expect(result.stdout).toMatch(/✓ \[1\/\d+\] SEC-SIG-01/);
    expect(result.stdout.trimEnd().endsWith('PASS')).toBe(true);
  });

  it('exits 3, naming the URL and the last error, when nothing comes up in time', async () => {
    const port = await freePort();
    const result = await run(spawn(process.execPath, [CLI, '--wait', '0.5', '--sim-url', `http://127.0.0.1:${port}/_sim/v1`], { stdio: ['ignore', 'pipe', 'pipe'] }));
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`http://127.0.0.1:${port}/_sim/v1/ready was not ready within 0.5 s`);
    expect(result.stderr).toMatch(/ECONNREFUSED/);
  });
});
