import Database from 'better-sqlite3';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/persistence/journal-entry.js';
import { Journal } from '../../src/persistence/journal.js';
import { repairDataDir } from '../../src/persistence/repair.js';
import { openSqliteStore } from '../../src/persistence/sqlite-store.js';
import { DataDirDamagedError, StorageUnavailableError, type Store } from '../../src/persistence/store.js';
import { failingStore } from '../support/failing-store.js';
import { useTempDirs } from './data-dir-app.js';

const entry = (seq: number): JournalEntry => ({ seq, kind: 'command', at: seq, method: 'POST', path: `/p/${seq}`, query: '', status: 201 });
const seqs = (store: Store) => store.load().entries.map((e) => e.seq);

/** Writes entries 1…n, with a snapshot (holding its own seq) after each multiple of `every`. */
function fill(dir: string, n: number, every = Infinity): void {
  const store = openSqliteStore(dir);
  for (let seq = 1; seq <= n; seq += 1) {
    store.append([entry(seq)]);
    if (seq % every === 0) {
      store.writeSnapshot(seq, [JSON.stringify({ upTo: seq })]);
      store.prune(Number.MAX_SAFE_INTEGER);
    }
  }
  store.close();
}

/** Runs SQL on a store file with a connection of its own, as a tamperer (or a bad disk) would. */
function tamper(dir: string, sql: string, file = sql.includes('snapshot') ? 'snapshots.sqlite' : 'store.sqlite'): void {
  const db = new Database(join(dir, file));
  db.exec(sql);
  db.close();
}

function damageOf(dir: string): DataDirDamagedError {
  const store = openSqliteStore(dir);
  try {
    store.load();
  } catch (error) {
    if (error instanceof DataDirDamagedError) return error;
    throw error;
  } finally {
    store.close();
  }
  throw new Error('the store loaded without complaint');
}

describe('the SQLite store', () => {
  const dir = useTempDirs();

  it('reads back what was committed, in order, across a reopen', () => {
    const d = dir();
    fill(d, 3);
    const store = openSqliteStore(d);
    expect(seqs(store)).toEqual([1, 2, 3]);
    expect(store.lastSeq).toBe(3);
    store.close();
  });

  it('starts from the newest snapshot, keeps the one before it with the entries between, and counts entries since across restarts', () => {
    const d = dir();
    fill(d, 7, 3);
    const store = openSqliteStore(d);
    const loaded = store.load();
    expect(loaded.snapshot).toMatchObject({ seq: 6, count: 1 });
    expect(loaded.snapshot?.part(0)).toEqual({ upTo: 6 });
    expect(loaded.entries.map((e) => e.seq)).toEqual([7]);
    // The compaction schedule is read from the store, not from a counter of the process.
    expect(store.entriesSinceSnapshot).toBe(1);
    store.close();
    const snapshots = new Database(join(d, 'snapshots.sqlite'), { readonly: true });
    expect(snapshots.prepare('SELECT seq FROM snapshots ORDER BY seq').all()).toEqual([{ seq: 3 }, { seq: 6 }]);
    snapshots.close();
    const journal = new Database(join(d, 'store.sqlite'), { readonly: true });
    expect(journal.prepare('SELECT min(seq) AS first FROM journal').get()).toEqual({ first: 4 });
    journal.close();
  });

  it('writes nothing of a batch that fails, and says where', () => {
    const d = dir();
    fill(d, 2);
    const store = openSqliteStore(d);
    // Entry 3 twice: the second insert fails inside the transaction, so the first must not stay either.
    expect(() => store.append([entry(3), entry(3)])).toThrow(StorageUnavailableError);
    expect(store.lastSeq).toBe(2);
    expect(seqs(store)).toEqual([1, 2]);
    store.close();
  });

  it('refuses a changed byte in a journal entry, naming the file, the entry and what a repair would drop', () => {
    const d = dir();
    fill(d, 10);
    tamper(d, `UPDATE journal SET entry = replace(entry, '/p/4', '/p/X') WHERE seq = 4`);
    const error = damageOf(d);
    expect(error.damage).toMatchObject({ file: join(d, 'store.sqlite'), position: 'journal entry 4', droppedEntries: 7 });
    expect(error.message).toContain('gdx-mock repair --data-dir');
  });

  it('refuses a byte flipped in the file itself', () => {
    const d = dir();
    fill(d, 50);
    const path = join(d, 'store.sqlite');
    const bytes = readFileSync(path);
    // Every copy of the entry's text (a page split may leave a stale one in free space) gets the same flip.
    let flipped = 0;
    for (let at = bytes.indexOf('/p/25"'); at >= 0; at = bytes.indexOf('/p/25"', at + 1)) {
      bytes[at + 3] = '9'.charCodeAt(0);
      flipped += 1;
    }
    expect(flipped).toBeGreaterThan(0);
    writeFileSync(path, bytes);
    expect(damageOf(d).damage).toMatchObject({ position: 'journal entry 25', droppedEntries: 26 });
  });

  it('carries a stored part into the next snapshot as it was stored, still checked when read', () => {
    const d = dir();
    const text = JSON.stringify({ name: '厦门市大数据局', upTo: 1 });
    const store = openSqliteStore(d);
    store.append([entry(1)]);
    store.writeSnapshot(1, [text, JSON.stringify({ other: 1 })]);
    store.append([entry(2)]);
    const carried = store.load().snapshot!.stored(0);
    store.writeSnapshot(2, [carried, JSON.stringify({ other: 2 })]);
    store.close();

    const reopened = openSqliteStore(d);
    const { snapshot } = reopened.load();
    expect(snapshot).toMatchObject({ seq: 2, count: 2 });
    expect(snapshot?.part(0)).toEqual(JSON.parse(text));
    expect(snapshot?.part(1)).toEqual({ other: 2 });
    reopened.close();
    // Stored as text, like a part written from a string, so a changed byte still fails its digest.
    tamper(d, `UPDATE snapshot_parts SET json = replace(json, '厦门', '福州') WHERE seq = 2 AND part = 0`);
    const damaged = openSqliteStore(d);
    expect(() => damaged.load().snapshot?.part(0)).toThrow(/part 0 of the snapshot after entry 2[\s\S]*does not match its SHA-256/);
    damaged.close();
  });

  it('refuses a truncated snapshot part when it is read, a snapshot missing a part when it is opened, and a missing snapshot', () => {
    const truncated = dir();
    fill(truncated, 6, 3);
    tamper(truncated, `UPDATE snapshot_parts SET json = substr(json, 1, length(json) / 2) WHERE seq = 6`);
    const store = openSqliteStore(truncated);
    const { snapshot } = store.load();
    expect(() => snapshot?.part(0)).toThrow(DataDirDamagedError);
    expect(() => snapshot?.stored(0)).toThrow(/snapshots\.sqlite[\s\S]*part 0 of the snapshot after entry 6[\s\S]*does not match its SHA-256/);
    store.close();

    const partless = dir();
    fill(partless, 6, 3);
    tamper(partless, 'DELETE FROM snapshot_parts WHERE seq = 6');
    expect(damageOf(partless).damage).toMatchObject({ file: join(partless, 'snapshots.sqlite'), position: 'snapshot after entry 6', problem: 'it has 0 parts where 1 were written', droppedEntries: 0 });

    const missing = dir();
    fill(missing, 6, 3);
    tamper(missing, 'DELETE FROM snapshots; DELETE FROM snapshot_parts');
    expect(damageOf(missing).damage).toMatchObject({ position: 'journal entry 1', problem: 'missing (the next entry found is 4)' });
  });

  it('refuses entries cut off the end, and a store file deleted from its directory', () => {
    const cut = dir();
    fill(cut, 5);
    tamper(cut, 'DELETE FROM journal WHERE seq > 3');
    expect(damageOf(cut).damage).toMatchObject({ position: 'journal entry 4', droppedEntries: 2 });

    const deleted = dir();
    fill(deleted, 2);
    rmSync(join(deleted, 'store.sqlite'));
    expect(() => openSqliteStore(deleted)).toThrow(/store\.sqlite[\s\S]*missing/);
  });

  it('repairs on request: keeps the intact prefix, moves the damaged file aside, and goes on numbering after it', () => {
    const d = dir();
    fill(d, 9, 4);
    tamper(d, `UPDATE journal SET crc = crc + 1 WHERE seq IN (7, 9)`);
    // Entry 7 is covered by the newest snapshot: only entry 9 is lost, and a dry run changes nothing.
    expect(repairDataDir(d, { dryRun: true })).toMatchObject({ snapshotSeq: 8, keptEntries: 0, droppedEntries: 1, firstDamage: 'journal entry 9' });
    expect(damageOf(d).damage.position).toBe('journal entry 9');
    // With the newest snapshot damaged too, the repair falls back to the one before it.
    tamper(d, `UPDATE snapshot_parts SET sha256 = 'x' WHERE seq = 8`);
    const report = repairDataDir(d);
    expect(report).toMatchObject({ snapshotSeq: 4, keptEntries: 2, droppedEntries: 3, firstDamage: 'snapshot after entry 8' });
    expect(readFileSync(report.damagedCopy as string).length).toBeGreaterThan(0);
    const store = openSqliteStore(d);
    expect(store.load()).toMatchObject({ snapshot: { seq: 4 }, entries: [{ seq: 5 }, { seq: 6 }] });
    store.append([entry(7)]);
    expect(seqs(store)).toEqual([5, 6, 7]);
    store.close();
  });
});

describe('the journal over a store', () => {
  const dir = useTempDirs();

  const faulty = (d: string) => failingStore(openSqliteStore(d));

  it('commits one batch per turn and takes a snapshot when the store says one is due', async () => {
    const d = dir();
    let state = 0;
    const store = openSqliteStore(d);
    const journal = new Journal(store, { compactEvery: 3, snapshot: () => [JSON.stringify({ state })], onFailure: () => undefined, logError: () => undefined });
    for (let n = 1; n <= 4; n += 1) {
      state = n;
      await journal.append({ kind: 'command', at: n, method: 'POST', path: `/p/${n}`, query: '', status: 201 }).durable;
    }
    await journal.close();
    const reopened = openSqliteStore(d);
    // A snapshot after entry 3 (due), and one at close so the next start replays nothing.
    const loaded = reopened.load();
    expect(loaded).toMatchObject({ snapshot: { seq: 4, count: 1 }, entries: [] });
    expect(loaded.snapshot?.part(0)).toEqual({ state: 4 });
    reopened.close();
  });

  it('rejects every caller of a failed batch, rolls back first, refuses writes until a probe succeeds', async () => {
    const d = dir();
    const { store, control } = faulty(d);
    let clock = 0;
    const events: string[] = [];
    const journal = new Journal(store, { compactEvery: 100, snapshot: () => ['{}'], onFailure: () => events.push('rolled back'), logError: () => undefined, now: () => clock });
    await journal.append({ kind: 'command', at: 1, method: 'POST', path: '/p/1', query: '', status: 201 }).durable;
    control.failing = true;
    const failed = [journal.append({ kind: 'command', at: 2, method: 'POST', path: '/p/2', query: '', status: 201 }), journal.append({ kind: 'command', at: 3, method: 'POST', path: '/p/3', query: '', status: 201 })];
    const outcomes = await Promise.allSettled(failed.map((f) => f.durable.finally(() => events.push('answered'))));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(StorageUnavailableError);
    expect(events).toEqual(['rolled back', 'answered', 'answered']);
    expect(journal.writable()).toBe(false);
    control.failing = false;
    expect(journal.writable()).toBe(false); // not probed again within the interval
    clock += 1_000;
    expect(journal.writable()).toBe(true);
    const next = journal.append({ kind: 'command', at: 4, method: 'POST', path: '/p/4', query: '', status: 201 });
    await next.durable;
    // Numbering goes on from what the store holds: the failed entries left no gap.
    expect(next.seq).toBe(2);
    await journal.close();
    const reopened = openSqliteStore(d);
    expect(reopened.load().snapshot?.seq).toBe(2);
    reopened.close();
  });
});
