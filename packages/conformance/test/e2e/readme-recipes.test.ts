// The README's CI recipe, run as written (issue 10): the GitHub Actions steps that start the mock
// and run the kit. Only what CI provides is filled in: a free port for 4010, a run number and a
// temporary JUnit path. Needs the built CLIs (`npx --no-install` finds them in node_modules/.bin).
// The GitLab job targets a real platform with two organisations that hold every role the checks
// need; no two seeded organisations of the mock do, so it is not run here.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.js';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** The fenced YAML blocks of the README's "CI recipes" section, in order (GitHub first). */
async function recipes(): Promise<string[]> {
  const text = await readFile(README, 'utf8');
  const section = text.slice(text.indexOf('## CI recipes'), text.indexOf('\n## ', text.indexOf('## CI recipes') + 1));
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

/** The shell command of the recipe line that runs `bin` (`- run: …` or `- …`), comments and a trailing `&` removed. */
function commandOf(recipe: string, bin: string): string {
  const line = recipe.split('\n').find((l) => l.includes(`npx --no-install ${bin}`));
  if (!line) throw new Error(`the recipe has no ${bin} line`);
  return line.replace(/^\s*-\s*(run:\s*)?/, '').replace(/\s+#.*$/, '').replace(/&\s*$/, '').trim();
}

function sh(command: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd: PACKAGE_DIR, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => void (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => void (output += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

describe("the conformance README's CI recipes", () => {
  it('GitHub Actions: the mock step, then the kit with --wait and the run number as seed, passes with a clean JUnit file', async () => {
    const [github] = await recipes();
    const port = String(await freePort());
    const junit = join(await mkdtemp(join(tmpdir(), 'gdx-recipe-')), 'conformance.xml');
    const mock = spawn('sh', ['-c', `exec ${commandOf(github!, 'gdx-mock').replace('4010', port)}`], { cwd: PACKAGE_DIR, stdio: 'ignore' });
    try {
      const kit = commandOf(github!, 'gdx-conformance').replaceAll('4010', port).replace('${{ github.run_number }}', '17').replace('conformance.xml', junit);
      const result = await sh(kit);
      expect(result.code, result.output.slice(-4000)).toBe(0);
      expect(await readFile(junit, 'utf8')).toMatch(/<testsuites name="gdx-conformance"[^>]* failures="0"/);
    } finally {
      const exited = new Promise((resolve) => mock.once('exit', resolve));
      mock.kill('SIGTERM');
      await exited;
    }
  }, 300_000);
});
