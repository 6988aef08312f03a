import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import { runRepair } from '../../src/cli/repair-command.js';
import { DataDirDamagedError } from '../../src/persistence/store.js';
import { CLI, killed, startChild, useChildren } from '../support/spawn-cli.js';
import { useTempDirs } from './data-dir-app.js';

const OPTIONS = { seed: 3, startAt: '2025-09-26T10:00:00+08:00' } as const;
const json = { 'content-type': 'application/json' };

/** A data directory with sandboxes one, two, three (entries 1–3), closed: its newest snapshot is the one after entry 3. */
async function filledDir(dir: string, afterFirst?: () => void): Promise<void> {
  const app = createApp({ dataDir: dir, ...OPTIONS });
  for (const id of ['one', 'two', 'three']) {
    const answer = await app.dispatch({ method: 'POST', path: '/_sim/v1/sandboxes', query: '', headers: json, body: JSON.stringify({ id, profile: 'national', seed: 1 }) });
    expect(answer.status).toBe(201);
    if (id === 'one') afterFirst?.();
  }
  await app.close();
}

/** Every file of the directory with its size and modification time: what a refused start must leave as it was. */
function listing(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const stat = statSync(join(dir, name));
      return `${name} ${stat.size} ${stat.mtimeMs}`;
    });
}

/** Starts the built CLI on the directory; a start that is not refused is cut off by the timeout (status null). */
function startRefused(dir: string) {
  return spawnSync(process.execPath, [CLI, '--data-dir', dir, '--port', '0'], { encoding: 'utf8', timeout: 15_000 });
}

function repair(dir: string): { code: number; said: string } {
  const said: string[] = [];
  const code = runRepair(['--data-dir', dir], (t) => said.push(t), (t) => said.push(t));
  return { code, said: said.join('') };
}

async function sandboxIds(dir: string): Promise<string[]> {
  const app = createApp({ dataDir: dir, ...OPTIONS });
  const list = await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes', query: '', headers: {}, body: undefined });
  await app.close();
  return (JSON.parse(String(list.body)) as { items: { id: string }[] }).items.map((s) => s.id).sort();
}

describe('a data directory with a file missing', () => {
  const tempDir = useTempDirs();
  const children = useChildren();

  it('store.sqlite and gdx-data.json deleted beside snapshots.sqlite: the start is refused naming them and changes nothing; repair starts a journal after the snapshot, whose writes survive kill -9', async () => {
    const dir = tempDir();
    await filledDir(dir);
    rmSync(join(dir, 'store.sqlite'));
    rmSync(join(dir, 'gdx-data.json'));
    const before = listing(dir);

    const refused = startRefused(dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('DATA_DIR_DAMAGED');
    expect(refused.stderr).toContain(`file:     ${join(dir, 'store.sqlite')}`);
    expect(refused.stderr).toMatch(/missing, with gdx-data\.json[\s\S]*snapshot after entry 3/);
    expect(refused.stderr).toContain(`gdx-mock repair --data-dir ${dir}`);
    expect(listing(dir)).toEqual(before);

    const repaired = repair(dir);
    expect(repaired.code).toBe(0);
    expect(repaired.said).toContain(`${join(dir, 'store.sqlite')}: first damage at the whole file (missing).`);
    expect(repaired.said).toMatch(/Kept the snapshot after entry 3 and 0 journal entries after it;\ndropped an unknown number of acknowledged entries/);
    expect(repaired.said).toMatch(/The file it replaced is kept as .*snapshots\.sqlite\.damaged-/);

    // Acknowledged after the repair, then kill -9: the new journal numbers its entries after the snapshot, so the restart replays them.
    const first = await startChild(dir);
    children.push(first.child);
    const created = await fetch(`${first.url}/_sim/v1/sandboxes`, { method: 'POST', headers: json, body: JSON.stringify({ id: 'four', profile: 'national', seed: 1 }) });
    expect(created.status).toBe(201);
    first.child.kill('SIGKILL');
    await killed(first.child);
    const second = await startChild(dir);
    children.push(second.child);
    const health = (await (await fetch(`${second.url}/_sim/v1/health`)).json()) as { storage?: { entriesSinceSnapshot?: number } };
    expect(JSON.stringify(health)).not.toMatch(/"entriesSinceSnapshot":-/);
    expect(((await (await fetch(`${second.url}/_sim/v1/sandboxes`)).json()) as { items: { id: string }[] }).items.map((s) => s.id).sort()).toEqual(['default', 'four', 'one', 'three', 'two']);
  });

  it('a journal that ends before the snapshot it sits with (store.sqlite replaced by an older copy) is refused: new entries would be numbered below the snapshot and skipped at the next start', async () => {
    const dir = tempDir();
    const older = join(tempDir(), 'store.sqlite');
    await filledDir(dir, () => copyFileSync(join(dir, 'store.sqlite'), older));
    copyFileSync(older, join(dir, 'store.sqlite'));
    const before = listing(dir);
    let refusal: unknown;
    try {
      createApp({ dataDir: dir, ...OPTIONS });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirDamagedError);
    expect((refusal as DataDirDamagedError).damage).toMatchObject({ file: join(dir, 'store.sqlite'), problem: expect.stringMatching(/ends at entry 1, before the snapshot after entry 3/) });
    expect(listing(dir)).toEqual(before);
  });

  it('snapshots.sqlite deleted: the start is refused naming it, and creates nothing; repair keeps the journal', async () => {
    const dir = tempDir();
    await filledDir(dir);
    rmSync(join(dir, 'snapshots.sqlite'));
    const before = listing(dir);

    const refused = startRefused(dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`file:     ${join(dir, 'snapshots.sqlite')}`);
    expect(refused.stderr).toMatch(/problem: +missing/);
    expect(refused.stderr).toContain('a repair would drop 0 acknowledged journal entries');
    expect(refused.stderr).not.toContain('journal entry 1');
    expect(existsSync(join(dir, 'snapshots.sqlite'))).toBe(false);
    expect(listing(dir)).toEqual(before);

    const repaired = repair(dir);
    expect(repaired.code).toBe(0);
    expect(repaired.said).toContain(`${join(dir, 'snapshots.sqlite')}: first damage at the whole file (missing).`);
    expect(repaired.said).toMatch(/Kept no intact snapshot and 3 journal entries after it;\ndropped 0 acknowledged entries\.\nThe file it replaced is kept as .*store\.sqlite\.damaged-/);
    expect(await sandboxIds(dir)).toEqual(['default', 'one', 'three', 'two']);
  });

  // Before the first snapshot after the initial one (10,000 writes by default), the journal alone holds every acknowledged
  // write: SQLite reads a 0-byte file as an empty database, and the start went on with no entry at all.
  it('store.sqlite emptied to 0 bytes before any snapshot: the start is refused naming it, not taken as an empty journal, and changes nothing; repair says what is lost', async () => {
    const dir = tempDir();
    const first = await startChild(dir);
    children.push(first.child);
    const created = await fetch(`${first.url}/_sim/v1/sandboxes`, { method: 'POST', headers: json, body: JSON.stringify({ id: 'one', profile: 'national', seed: 1 }) });
    expect(created.status).toBe(201);
    first.child.kill('SIGKILL');
    await killed(first.child);
    writeFileSync(join(dir, 'store.sqlite'), '');
    const before = listing(dir);

    const refused = startRefused(dir);
    expect(refused.status).toBe(1);
    // On a pipe (auto) the refusal is one JSON line a log pipeline reads, naming the file.
    expect(JSON.parse(refused.stderr)).toMatchObject({ level: 60, code: 'DATA_DIR_DAMAGED', path: join(dir, 'store.sqlite'), msg: expect.stringMatching(/^\[DATA_DIR_DAMAGED\] 数据目录已损坏，未作任何修改 \/ the data directory is damaged/) });
    expect(refused.stderr).toContain('DATA_DIR_DAMAGED');
    expect(refused.stderr).toContain(`file:     ${join(dir, 'store.sqlite')}`);
    expect(refused.stderr).toMatch(/problem: +emptied \(0 bytes, no journal table in it\): this directory held a gdx store created at /);
    expect(refused.stderr).toContain('a repair would drop an unknown number of acknowledged journal entries');
    expect(listing(dir)).toEqual(before);

    const repaired = repair(dir);
    expect(repaired.code).toBe(0);
    expect(repaired.said).toContain(`${join(dir, 'store.sqlite')}: first damage at the whole file (emptied: 0 bytes).`);
    expect(repaired.said).toMatch(/Kept the snapshot after entry 0 and 0 journal entries after it;\ndropped an unknown number of acknowledged entries/);
    expect(await sandboxIds(dir)).toEqual(['default']);
  });

  it('snapshots.sqlite emptied to 0 bytes: the start is refused naming it and changes nothing; repair keeps the journal', async () => {
    const dir = tempDir();
    await filledDir(dir);
    writeFileSync(join(dir, 'snapshots.sqlite'), '');
    const before = listing(dir);

    const refused = startRefused(dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`file:     ${join(dir, 'snapshots.sqlite')}`);
    expect(refused.stderr).toMatch(/problem: +emptied \(0 bytes, no snapshots table in it\): store\.sqlite beside it is there/);
    expect(refused.stderr).toContain('a repair would drop 0 acknowledged journal entries');
    expect(listing(dir)).toEqual(before);

    const repaired = repair(dir);
    expect(repaired.code).toBe(0);
    expect(repaired.said).toContain(`${join(dir, 'snapshots.sqlite')}: first damage at the whole file (emptied: 0 bytes).`);
    expect(await sandboxIds(dir)).toEqual(['default', 'one', 'three', 'two']);
  });

  it('repair of damage inside snapshots.sqlite names that file and keeps it as snapshots.sqlite.damaged-…', async () => {
    const dir = tempDir();
    await filledDir(dir);
    const snapshots = new Database(join(dir, 'snapshots.sqlite'));
    snapshots.exec(`UPDATE snapshot_parts SET sha256 = 'x' WHERE seq = 3 AND part = 0`);
    snapshots.close();

    const repaired = repair(dir);
    expect(repaired.code).toBe(0);
    expect(repaired.said).toContain(`${join(dir, 'snapshots.sqlite')}: first damage at snapshot after entry 3.`);
    expect(repaired.said).toContain(`The damaged file is kept as ${join(dir, 'snapshots.sqlite')}.damaged-`);
    expect(repaired.said).toContain(`The other file it replaced is kept as ${join(dir, 'store.sqlite')}.damaged-`);
    expect(await sandboxIds(dir)).toEqual(['default', 'one', 'three', 'two']);
  });
});

describe('a store file that cannot be opened', () => {
  const tempDir = useTempDirs();

  it('store.sqlite a directory: the start stops saying it could not open the file, not that a write failed, and changes nothing', async () => {
    const dir = tempDir();
    await filledDir(dir);
    rmSync(join(dir, 'store.sqlite'));
    mkdirSync(join(dir, 'store.sqlite'));
    const before = listing(dir);
    expect(() => createApp({ dataDir: dir, ...OPTIONS })).toThrow(
      `[STORAGE_UNAVAILABLE] 无法打开存储文件（请确认运行 gdx-mock 的用户可读写该文件）/ could not open ${join(dir, 'store.sqlite')}: unable to open database file (check that the user gdx-mock runs as can read and write it)`,
    );
    expect(listing(dir)).toEqual(before);
  });
});

describe('a data directory that cannot be created', () => {
  // mkdir under /proc answers ENOENT although /proc exists: Node 20's recursive mkdir retried it forever.
  it.runIf(existsSync('/proc/self'))('--data-dir /proc/… exits 1 at once, naming the directory, in Chinese and English', () => {
    const answer = spawnSync(process.execPath, [CLI, '--data-dir', '/proc/gdx-nope/data', '--port', '0', '--log-format', 'pretty'], { encoding: 'utf8', timeout: 15_000 });
    expect(answer.status).toBe(1);
    expect(answer.stderr).toMatch(/^gdx-mock: \[DATA_DIR_UNAVAILABLE\] 无法使用数据目录 \/proc\/gdx-nope\/data：无法创建目录 \/proc\/gdx-nope（ENOENT） \/ cannot use the data directory \/proc\/gdx-nope\/data: cannot make \/proc\/gdx-nope: /);
    expect(answer.stderr).not.toMatch(/\n\s+at /);
  });
});
