import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import { openDataDir } from '../../src/persistence/data-dir.js';
import type { CommandEntry } from '../../src/persistence/journal-entry.js';
import { CLI, compactInWorker, killed, newestSnapshot, startChild } from '../support/spawn-cli.js';

// The built gdx-mock and its compaction worker (a worker thread runs only from the build), as
// operators run them, on a data directory holding an entry this version's replay refuses.

const OPTIONS = { seed: 3, startAt: '2025-09-26T10:00:00+08:00' } as const;
const REFUSED_FILE = 'replay-refused.jsonl';
const AT = Date.parse('2026-12-05T09:00:00Z');

/** A closed data directory with sandbox `sbx_kept` in its snapshot, then an entry answered `status` that this version refuses. */
async function dirWithRefusable(dir: string, fields: Partial<CommandEntry>): Promise<CommandEntry> {
  const app = createApp({ dataDir: dir, ...OPTIONS, logError: () => undefined });
  const created = await app.dispatch({ method: 'POST', path: '/_sim/v1/sandboxes', query: '', headers: { 'content-type': 'application/json' }, body: '{"id":"sbx_kept","profile":"national"}' });
  expect(created.status).toBe(201);
  await app.close();
  const store = openDataDir(dir);
  const entry: CommandEntry = { seq: store.lastSeq + 1, kind: 'command', at: AT, method: 'POST', path: '/_sim/v1/sandboxes', query: '', contentType: 'application/json', body: '{"id":"not an id!"}', status: 201, ...fields };
  store.append([entry]);
  store.close();
  return entry;
}

const keptSeqs = (dir: string) =>
  readFileSync(join(dir, REFUSED_FILE), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { seq: number }).seq);

describe('gdx-mock on a data directory with an entry its replay refuses', () => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdx-refused-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };
  const started = async (dir: string) => {
    const mock = await startChild(dir);
    const child: ChildProcess = mock.child;
    cleanup.push(() => {
      child.kill('SIGKILL');
      return killed(child);
    });
    await expect.poll(() => mock.stdout()).toMatch(/secrets .*\n/);
    return mock;
  };
  const stopped = async (child: ChildProcess) => {
    child.kill('SIGTERM');
    await killed(child);
  };

  it('logs it at start, names the file in the banner at this and every later start, and the snapshot at exit keeps it once', async () => {
    const dir = tempDir();
    const entry = await dirWithRefusable(dir, {});
    const path = join(dir, REFUSED_FILE);

    const first = await started(dir);
    // Logged after the banner (its lines are held until the banner is out).
    await expect.poll(() => first.stdout()).toContain(`[REPLAY_REFUSED] journal entry ${entry.seq} (POST /_sim/v1/sandboxes) was answered 201, its replay 400: what it did is not in the rebuilt state; the entry is kept in ${path}`);
    expect(first.stdout()).toContain(`replay refused       1 acknowledged request is not in the state: kept in ${path} (README: Persistence)\n`);
    const health = (await (await fetch(`${first.url}/_sim/v1/health`)).json()) as { storage: { replayRefused: unknown } };
    expect(health.storage.replayRefused).toEqual({ count: 1, location: path, notKept: 0 });
    // SIGTERM: the worker writes the last snapshot, replaying (and refusing) the entry once more.
    await stopped(first.child);
    expect(newestSnapshot(dir)).toBeGreaterThanOrEqual(entry.seq);
    expect(keptSeqs(dir)).toEqual([entry.seq]);

    const second = await started(dir);
    expect(second.stdout()).not.toContain('[REPLAY_REFUSED]');
    expect(second.stdout()).toContain(`replay refused       1 acknowledged request is not in the state: kept in ${path}`);
    await stopped(second.child);
    expect(keptSeqs(dir)).toEqual([entry.seq]);
  });

  it('an entry of a sandbox the warm-up restores: the banner says the warm-up may find some, the log says when it does, and the next start counts it', async () => {
    const dir = tempDir();
    const entry = await dirWithRefusable(dir, { path: '/_sim/v1/sandboxes/sbx_kept/clock/advance', body: '{"workingDays":-1}', status: 201 });
    const path = join(dir, REFUSED_FILE);

    const first = await started(dir);
    expect(first.stdout()).toContain(`replay refused       none so far; restoring 1 sandbox with journal entries to replay may find some (logged as [REPLAY_REFUSED], kept in ${path})\n`);
    await expect.poll(() => first.stdout()).toContain(`[REPLAY_REFUSED] journal entry ${entry.seq} (POST /_sim/v1/sandboxes/sbx_kept/clock/advance) was answered 201, its replay 400: what it did is not in the rebuilt state; the entry is kept in ${path}`);
    const health = (await (await fetch(`${first.url}/_sim/v1/health`)).json()) as { storage: { replayRefused: unknown } };
    expect(health.storage.replayRefused).toEqual({ count: 1, location: path, notKept: 0 });
    await stopped(first.child);

    const second = await started(dir);
    expect(second.stdout()).toContain(`replay refused       1 acknowledged request is not in the state: kept in ${path} (README: Persistence)\n`);
    await stopped(second.child);
  });

  it('writes the banner first on stdout: what the start logs (the entry refused, a damaged line of the file) comes after its last line', async () => {
    const dir = tempDir();
    const entry = await dirWithRefusable(dir, {});
    writeFileSync(join(dir, REFUSED_FILE), 'not json\n');
    const mock = await started(dir);
    const lines = mock.stdout().split('\n');
    expect(lines[0]).toMatch(/^gdx-mock listening on http:\/\/127\.0\.0\.1:\d+ /);
    const secrets = lines.findIndex((line) => line.startsWith('  secrets '));
    expect(lines.slice(0, secrets + 1).filter((line) => !line.startsWith('  '))).toEqual([lines[0]]);
    await expect.poll(() => mock.stdout()).toContain(`journal entry ${entry.seq} (POST /_sim/v1/sandboxes)`);
    const logged = mock.stdout().split('\n').slice(secrets + 1).filter((line) => line !== '').map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(logged).toEqual([
      `[REPLAY_REFUSED] ${join(dir, REFUSED_FILE)}: line 1 cannot be read as refused entries; skipped, and left in the file as they are`,
      expect.stringContaining(`[REPLAY_REFUSED] journal entry ${entry.seq} (POST /_sim/v1/sandboxes) was answered 201, its replay 400`),
    ]);
  });

  it('a start that stops (exit 1) still writes what it logged before, on stdout', async () => {
    const dir = tempDir();
    const entry = await dirWithRefusable(dir, {});
    // A file that reads (a line, damaged) and takes no write: open succeeds, the write fails with EIO.
    symlinkSync('/proc/version', join(dir, REFUSED_FILE));
    const refused = spawnSync(process.execPath, [CLI, '--data-dir', dir, '--port', '0', '--log-format', 'json'], { encoding: 'utf8', timeout: 30_000 });
    expect(refused.status).toBe(1);
    // The refusal is in the log's shape too: one JSON line a log pipeline reads.
    expect(JSON.parse(refused.stderr)).toMatchObject({
      level: 60,
      code: 'REPLAY_REFUSED_NOT_KEPT',
      path: join(dir, REFUSED_FILE),
      msg: expect.stringMatching(new RegExp(`^\\[REPLAY_REFUSED_NOT_KEPT\\] .*could not keep journal entry ${entry.seq} .*: EIO`)),
    });
    expect(refused.stdout).not.toContain('listening on');
    expect(refused.stdout.split('\n').filter((line) => line !== '').map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual([
      expect.stringMatching(/cannot be read as refused entries/),
      expect.stringContaining(`[REPLAY_REFUSED] journal entry ${entry.seq} `),
    ]);
  });

  it('the compaction worker keeps an entry the serving thread has not replayed yet (a sandbox not restored) before its snapshot, and writes none when it cannot', async () => {
    const dir = tempDir();
    const entry = await dirWithRefusable(dir, { path: '/_sim/v1/sandboxes/sbx_kept/clock/advance', body: '{"duration":"forever"}', status: 200 });
    const before = newestSnapshot(dir);
    mkdirSync(join(dir, REFUSED_FILE));
    expect(compactInWorker(dir, entry.seq, OPTIONS)).toMatch(
      new RegExp(`^\\[COMPACTION_FAILED\\] \\[REPLAY_REFUSED_NOT_KEPT\\] .*could not keep journal entry ${entry.seq} .*replay-refused\\.jsonl: it is not a regular file\\. Nothing was dropped: the journal still holds this entry, and no snapshot is written until it is kept\\.$`),
    );
    expect(newestSnapshot(dir)).toBe(before);

    rmSync(join(dir, REFUSED_FILE), { recursive: true });
    expect(compactInWorker(dir, entry.seq, OPTIONS)).toBe('compacted');
    expect(newestSnapshot(dir)).toBe(entry.seq);
    const [kept] = readFileSync(join(dir, REFUSED_FILE), 'utf8').split('\n').map((line) => (line ? (JSON.parse(line) as unknown) : undefined));
    expect(kept).toMatchObject({ seq: entry.seq, sandbox: 'sbx_kept', answered: 200, replayStatus: 400, entry });
  });

  it('refuses to start (exit 1) naming the file when it cannot be read (a directory in its place), and changes nothing', async () => {
    const dir = tempDir();
    await dirWithRefusable(dir, {});
    const path = join(dir, REFUSED_FILE);
    mkdirSync(path);
    const listing = () => readdirSync(dir).map((name) => `${name} ${statSync(join(dir, name)).size}`);
    const before = listing();
    const refused = spawnSync(process.execPath, [CLI, '--data-dir', dir, '--port', '0', '--log-format', 'pretty'], { encoding: 'utf8', timeout: 30_000 });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`gdx-mock: [REPLAY_REFUSED_NOT_KEPT] 重放时被拒的已确认请求无法保存，未写入快照 / could not read ${path}: it is not a regular file. Nothing was changed: the file is left as it is`);
    expect(refused.stdout).not.toContain('listening on');
    expect(listing()).toEqual(before);
  });
});
