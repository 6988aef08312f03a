// The README's CI recipes, run as written (issue 10), from the repository root as CI runs them.
// GitHub Actions: the steps that start the mock and run the kit; only what CI provides is filled
// in (a free port for 4010, a run number and a temporary JUnit path); then the mock step's process
// gets the SIGTERM a CI runner or `kill $!` sends it, and must stop. GitLab CI: the job that
// targets a platform without a simulation API, with the CI variables it reads (`PLATFORM_URL`,
// `ORG_A`, `ORG_B`) set to the standalone mock's root and two of its seeded organisations, the
// first a registrant and data provider (the isolation checks file as the first organisation).
// Needs the built CLIs (linked in the root node_modules/.bin).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createSimClient } from '../../src/index.js';
import { freePort } from '../support/free-port.js';
import { spawnMockCli } from './support/mock.js';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
/** Where CI runs the recipes: the checkout's root, whose node_modules/.bin holds both bins. */
const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

/** A temporary directory for the JUnit file, removed when the test ends, passed or failed. */
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gdx-recipe-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The fenced YAML blocks of the README's "CI recipes" section, in order (GitHub first). */
async function recipes(): Promise<string[]> {
  const text = await readFile(README, 'utf8');
  const section = text.slice(text.indexOf('## CI recipes'), text.indexOf('\n## ', text.indexOf('## CI recipes') + 1));
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

/** The shell command of the recipe line that runs `bin` (`- run: …` or `- …`), comments and a trailing `&` removed. */
function commandOf(recipe: string, bin: string): string {
  const runs = new RegExp(`(?:^|[\\s/])${bin}(?:\\s|$)`);
  const line = recipe.split('\n').find((l) => runs.test(l.replace(/\s+#.*$/, '')));
  if (!line) throw new Error(`the recipe has no ${bin} line`);
  return line.replace(/^\s*-\s*(run:\s*)?/, '').replace(/\s+#.*$/, '').replace(/&\s*$/, '').trim();
}

function sh(command: string, env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => void (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => void (output += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

describe("the conformance README's CI recipes", () => {
  it('GitHub Actions: the mock step, then the kit with --wait and the run number as seed, passes with a clean JUnit file; a SIGTERM then stops the mock', async () => {
    const [github] = await recipes();
    const port = String(await freePort());
    const junit = join(await tempDir(), 'conformance.xml');
    // `run: <command> &` under bash: the background job is the command itself (a plain command with
    // no quoting), so it is spawned as written, without a shell, and `$!` is its process.
    const [file, ...args] = commandOf(github!, 'gdx-mock').replace('4010', port).split(/\s+/);
    const mock = spawn(file!, args, { cwd: ROOT, stdio: 'ignore', detached: true });
    const exited = new Promise<number | null>((resolve) => mock.once('exit', resolve));
    try {
      const kit = commandOf(github!, 'gdx-conformance').replaceAll('4010', port).replace('${{ github.run_number }}', '17').replace('conformance.xml', junit);
      const result = await sh(kit);
      expect(result.code, result.output.slice(-4000)).toBe(0);
      expect(await readFile(junit, 'utf8')).toMatch(/<testsuites name="gdx-conformance"[^>]* failures="0"/);
      // The signal goes to that one process, as `kill $!` or a runner's cleanup sends it.
      mock.kill('SIGTERM');
      expect(await exited, 'the mock drains and exits 0 on SIGTERM').toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/_sim/v1/health`), 'nothing listens on the port any more').rejects.toThrow();
    } finally {
      // Whatever the recipe started and left behind (npx left gdx-mock running) goes with the group.
      try {
        process.kill(-(mock.pid as number), 'SIGKILL');
      } catch {
        // ESRCH: nothing left.
      }
    }
  }, 300_000);

  it('GitLab CI: the kit against a base URL with two organisations, no simulation API, passes with a clean JUnit file', async () => {
    const [, gitlab] = await recipes();
    const mock = await spawnMockCli();
    try {
      const { organizations } = await createSimClient({ url: `${mock.url}/_sim/v1` }).getSandbox('default');
      const first = organizations.find((o) => o.roles?.includes('registrant') && o.roles.includes('data_provider'));
      const second = organizations.find((o) => o !== first && o.roles?.includes('data_user'));
      const org = (o: typeof first) => `${o!.appKey}:${o!.secret}:${o!.creditCode}`;
      const junit = join(await tempDir(), 'conformance.xml');
      const result = await sh(commandOf(gitlab!, 'gdx-conformance').replace('conformance.xml', junit), { PLATFORM_URL: mock.url, ORG_A: org(first), ORG_B: org(second) });
      expect(result.code, result.output.slice(-4000)).toBe(0);
      // Without a simulation API the workflow checks are skipped and say so; the rest ran and passed.
      expect(result.output).toMatch(/skipped: needs the simulation API/);
      const report = await readFile(junit, 'utf8');
      expect(report).toMatch(/<testsuites name="gdx-conformance"[^>]* failures="0"/);
      expect(Number(/<testsuites [^>]*tests="(\d+)"/.exec(report)?.[1])).toBeGreaterThan(100);
    } finally {
      await mock.stop();
    }
  }, 300_000);
});
