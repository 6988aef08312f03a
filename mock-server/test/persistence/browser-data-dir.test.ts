import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

// Bundlers resolve `#data-dir` to data-dir-unavailable under the `browser` condition. Node resolves
// the package's own `imports` map the same way when asked for that condition, so a child Node
// loading the built package with `--conditions=browser` runs the app a page gets: no module is
// swapped by hand, and the map itself is what is tested.
const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT_ENTRY = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
/** The data directory the child asks for: a Node app would create it, a page's must not. */
const DATA_DIR = join(tmpdir(), `gdx-browser-data-dir-${process.pid}`);

/** What `createApp` does under the browser condition, reported by the child as JSON. */
interface BrowserRun {
  refused: string | null;
  status: number;
  id: string;
}

const SCRIPT = `
const { createApp } = await import('@gdx/mock-server');
let refused = null;
try { createApp({ dataDir: ${JSON.stringify(DATA_DIR)} }); } catch (error) { refused = error.message; }
const app = createApp({ seed: 3 });
const res = await app.handle(new Request('http://mock.local/_sim/v1/sandboxes/default'));
const body = await res.json();
await app.close();
process.stdout.write(JSON.stringify({ refused, status: res.status, id: body.id }));
`;

async function underBrowserCondition(): Promise<BrowserRun> {
  if (!existsSync(BUILT_ENTRY)) throw new Error(`${BUILT_ENTRY} is missing: run \`npm run build\` in mock-server (turbo's test task builds first)`);
  const { stdout } = await promisify(execFile)(process.execPath, ['--conditions=browser', '--input-type=module', '-e', SCRIPT], { cwd: PACKAGE_ROOT, timeout: 60_000 });
  return JSON.parse(stdout) as BrowserRun;
}

describe('createApp in a browser (the built package under the browser condition)', () => {
  let result: BrowserRun;
  beforeAll(async () => {
    result = await underBrowserCondition();
  });

  it('refuses dataDir with a bilingual DATA_DIR_UNSUPPORTED', () => {
    expect(result.refused).toMatch(/\[DATA_DIR_UNSUPPORTED\] 浏览器中不支持数据目录持久化 \/ dataDir needs Node/);
    expect(existsSync(DATA_DIR)).toBe(false);
  });

  it('keeps its state in memory without one', () => {
    expect(result).toMatchObject({ status: 200, id: 'default' });
  });
});
