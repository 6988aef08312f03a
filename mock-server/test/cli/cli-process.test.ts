import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkingCalendar } from '@gdx/calendar';
import { describe, expect, it } from 'vitest';
import { CLI, killed, useChildren } from '../support/spawn-cli.js';

// The built bin, as users and CI run it (decision 0002: `test` depends on `build`).
// The years of the shipped holiday schedules: the banner names them, and warns near the last one's end.
const YEARS = WorkingCalendar.official().years();
const LAST_YEAR = Math.max(...YEARS);
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const cli = (args: readonly string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, ...env } });

describe('gdx-mock --version, -v, -h', () => {
  it('--version and -v print the version of @gdx/mock-server and exit 0', () => {
    for (const flag of ['--version', '-v']) {
      const answer = cli([flag]);
      expect([answer.status, answer.stdout, answer.stderr]).toEqual([0, `${VERSION}\n`, '']);
    }
  });

  it('works through a symlinked bin, as npm links node_modules/.bin/gdx-mock for npx', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdx-bin-'));
    try {
      symlinkSync(CLI, join(dir, 'gdx-mock'));
      const answer = spawnSync(process.execPath, [join(dir, 'gdx-mock'), '--version'], { encoding: 'utf8', timeout: 20_000, cwd: dir });
      expect([answer.status, answer.stdout]).toEqual([0, `${VERSION}\n`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('-h is --help: the usage with every variable, exit 0', () => {
    const short = cli(['-h']);
    expect(short.status).toBe(0);
    expect(short.stdout).toBe(cli(['--help']).stdout);
    expect(short.stdout).toMatch(/--data-dir <dir>[\s\S]*\[\$GDX_MOCK_DATA_DIR\]/);
    expect(cli(['repair', '-h']).stdout).toMatch(/^gdx-mock repair — /);
  });

  it('a bad variable exits 2 with a message naming the variable', () => {
    const answer = cli([], { GDX_MOCK_COMPACT_EVERY: 'often', GDX_MOCK_LOG_FORMAT: 'pretty' });
    expect(answer.status).toBe(2);
    expect(answer.stderr).toMatch(/^gdx-mock: GDX_MOCK_COMPACT_EVERY must be a positive integer: often\n/);
    expect(answer.stdout).toBe('');
  });
});

interface Started {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  waitFor: (pattern: RegExp) => Promise<void>;
}

const children = useChildren('SIGTERM');

/** Starts the built CLI with `args` and `env` added, and resolves once the whole banner is out (its last line names the secrets). */
async function start(args: readonly string[], env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(out)) return false;
        child.stdout?.off('data', check);
        resolve();
        return true;
      };
      if (check()) return;
      child.stdout?.on('data', check);
      child.once('exit', (code) => reject(new Error(`gdx-mock exited with ${code} before printing ${pattern}: ${err}`)));
    });
  await waitFor(/listening on http:\/\/\S+/);
  const url = /listening on (http:\/\/\S+)/.exec(out)?.[1] ?? '';
  return { child, url, stdout: () => out, stderr: () => err, waitFor };
}

describe('the gdx-mock banner of a running server', () => {
  it('by default: profile, seed, clock, storage and how to get the secrets, but no secret; settings from GDX_MOCK_*', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gdx-banner-'));
    // A test fixture for the year after the shipped ones (not a notice), given as GDX_MOCK_CALENDAR.
    const calendarFile = join(mkdtempSync(join(tmpdir(), 'gdx-banner-calendar-')), 'next-year.json');
    writeFileSync(calendarFile, JSON.stringify({ year: LAST_YEAR + 1, source: 'test fixture, not a notice', holidays: [], makeupWorkdays: [] }));
    try {
      const mock = await start(['--port', '0'], { GDX_MOCK_SEED: '9', GDX_MOCK_PROFILE: 'xiamen', GDX_MOCK_START_AT: '2025-09-26T10:00:00+08:00', GDX_MOCK_DATA_DIR: dataDir, GDX_MOCK_SHOW_SECRETS: '0', GDX_MOCK_CALENDAR: calendarFile });
      await mock.waitFor(/secrets .*\n/);
      const sandbox = (await (await fetch(`${mock.url}/_sim/v1/sandboxes/default`)).json()) as { organizations: { appKey: string; secret: string }[] };
      const banner = mock.stdout();
      expect(banner).toContain(`gdx-mock listening on ${mock.url} (@gdx/mock-server ${VERSION})\n`);
      expect(banner).toContain(`console              ${mock.url}/_console/\n`);
      expect(banner).toContain(`contracts            ${mock.url}/openapi/ · reference pages, {name}.json, {name}.yaml\n`);
      expect(banner).toContain(`simulation API       ${mock.url}/_sim/v1 · probes /health, /ready\n`);
      expect(banner).toContain(`registration         ${mock.url}/registration/v1\n`);
      expect(banner).toContain('default: profile xiamen, seed 9\n');
      expect(banner).toContain('clock                virtual, now 2025-09-26T10:00:00+08:00\n');
      expect(banner).toContain(`calendar             holiday schedules ${YEARS[0]}–${LAST_YEAR + 1} (${LAST_YEAR + 1} from --calendar); add a later year: --calendar <file>, or PUT /_sim/v1/sandboxes/default/calendar/{year}\n`);
      expect(mock.stderr()).not.toContain('calendar holds');
      expect(banner).toMatch(new RegExp(`data directory       ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(SQLite store, \\d+ writes? since the last snapshot\\)\n`));
      expect(banner).toContain(`curl -s ${mock.url}/_sim/v1/sandboxes/default  (or start with --show-secrets)`);
      expect(banner.trimEnd().split('\n').length).toBeLessThanOrEqual(15);
      // What the banner points at answers.
      expect([(await fetch(`${mock.url}/_sim/v1/health`)).status, (await fetch(`${mock.url}/_sim/v1/ready`)).status, (await fetch(`${mock.url}/_console/`)).status, (await fetch(`${mock.url}/openapi/`)).status]).toEqual([200, 200, 200, 200]);
      expect(sandbox.organizations.length).toBeGreaterThan(0);
      for (const org of sandbox.organizations) {
        expect(banner).not.toContain(org.secret);
        expect(banner).not.toContain(org.appKey);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(join(calendarFile, '..'), { recursive: true, force: true });
    }
  });

  it('warns on stderr when the clock starts near the end of the last year the calendar holds', async () => {
    const mock = await start(['--port', '0', '--log-format', 'pretty', '--start-at', `${LAST_YEAR}-12-20T10:00:00+08:00`], {});
    await mock.waitFor(/secrets .*\n/);
    await expect.poll(() => mock.stderr()).toContain(`gdx-mock: warning: the clock (${LAST_YEAR}-12-20) is 12 days before the end of ${LAST_YEAR}`);
    expect(mock.stderr()).toContain(`PUT /_sim/v1/sandboxes/default/calendar/${LAST_YEAR + 1}`);
    expect(mock.stderr()).toContain('--calendar <file>');
  });

  it('with --show-secrets (or GDX_MOCK_SHOW_SECRETS=1): every organisation of the default sandbox with its app key and secret', async () => {
    for (const [args, env] of [[['--show-secrets'], {}], [[], { GDX_MOCK_SHOW_SECRETS: '1' }]] as const) {
      const mock = await start(['--port', '0', ...args], env);
      const sandbox = (await (await fetch(`${mock.url}/_sim/v1/sandboxes/default`)).json()) as { organizations: { appKey: string; secret: string }[] };
      const last = sandbox.organizations.at(-1);
      await mock.waitFor(new RegExp(`${last?.secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
      for (const org of sandbox.organizations) expect(mock.stdout()).toContain(`    ${org.appKey}  ${org.secret}\n`);
      expect(mock.stdout()).not.toContain('curl -s');
    }
  });
});
