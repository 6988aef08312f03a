import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { entryChecksum, snapshotChecksum } from './checksums.js';
import type { JournalEntry } from './journal-entry.js';
import { readManifest, writeManifest } from './manifest.js';
import { DataDirDamagedError, StorageUnavailableError, type Damage, type Store, type StoredState } from './store.js';

/** The journal's file inside a data directory. */
export const STORE_FILE = 'store.sqlite';
/**
 * The snapshots' file: apart from the journal, so a snapshot written in the background (by the
 * compaction worker) never holds a lock that a journal commit would wait for.
 */
export const SNAPSHOTS_FILE = 'snapshots.sqlite';

// Every entry carries a CRC-32 of its text and every snapshot a SHA-256, so a changed byte is
// found even where SQLite's own page checks see a well-formed record. `meta.lastSeq` moves in the
// same transaction as the entries, so entries cut off the end are missed too.
const JOURNAL_SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS journal (seq INTEGER PRIMARY KEY, entry TEXT NOT NULL, crc INTEGER NOT NULL) STRICT;
`;
const SNAPSHOTS_SCHEMA = `CREATE TABLE IF NOT EXISTS snapshots (seq INTEGER PRIMARY KEY, state TEXT NOT NULL, sha256 TEXT NOT NULL) STRICT;`;

/** Snapshots kept: the newest, and the one before it with the entries between, for a repair to fall back on. */
const SNAPSHOTS_KEPT = 2;

/**
 * Opens (creating if needed) the SQLite store of a data directory: one file, `store.sqlite`, in
 * rollback-journal mode with `synchronous=FULL`, so a committed transaction is on disk in that
 * file and nothing else. A data directory whose manifest says it held a store that is now missing
 * is refused (`DataDirDamagedError`) instead of starting empty.
 *
 * @example
 * ```ts
 * const store = openSqliteStore('.gdx-data');
 * const { snapshot, entries } = store.load();
 * ```
 */
export function openSqliteStore(dir: string): Store {
  mkdirSync(dir, { recursive: true });
  const location = join(dir, STORE_FILE);
  const manifest = readManifest(dir);
  if (manifest && !existsSync(location)) {
    throw new DataDirDamagedError({ file: location, position: 'the whole file', problem: `missing: this directory held a gdx store created at ${manifest.createdAt}` }, dir);
  }
  const db = openDatabase(location, JOURNAL_SCHEMA, dir);
  const snapshots = openDatabase(join(dir, SNAPSHOTS_FILE), SNAPSHOTS_SCHEMA, dir);
  if (!manifest) writeManifest(dir, STORE_FILE);
  return new SqliteStore(db, snapshots, location, dir);
}

/**
 * Writes a snapshot into a data directory's snapshots file from any thread (the compaction worker
 * uses it); the journal's owner then calls `Store.snapshotWritten(seq)`.
 *
 * @example
 * ```ts
 * writeSnapshotFile('.gdx-data', 5000, JSON.stringify(state));
 * ```
 */
export function writeSnapshotFile(dir: string, seq: number, json: string): void {
  const location = join(dir, SNAPSHOTS_FILE);
  const db = openDatabase(location, SNAPSHOTS_SCHEMA, dir);
  try {
    writeSnapshotRow(db, location, seq, json);
  } finally {
    db.close();
  }
}

/**
 * Reads the newest snapshot of a data directory's snapshots file, checked (the compaction worker
 * starts from it); `undefined` when there is none.
 *
 * @example
 * ```ts
 * readNewestSnapshot('.gdx-data')?.seq; // 5000
 * ```
 */
export function readNewestSnapshot(dir: string): { seq: number; state: unknown } | undefined {
  const location = join(dir, SNAPSHOTS_FILE);
  const db = new Database(location, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT seq, state, sha256 FROM snapshots ORDER BY seq DESC LIMIT 1').get() as { seq: number; state: string; sha256: string } | undefined;
    if (!row) return undefined;
    if (snapshotChecksum(row.state) !== row.sha256) throw new Error(`${location}: the snapshot after entry ${row.seq} does not match its SHA-256`);
    return { seq: row.seq, state: JSON.parse(row.state) as unknown };
  } finally {
    db.close();
  }
}

/** Inserts a snapshot and keeps only the newest `SNAPSHOTS_KEPT`; returns the oldest seq kept. */
function writeSnapshotRow(db: Database.Database, location: string, seq: number, json: string): number {
  let oldest = seq;
  inTransaction(db, location, () => {
    db.prepare('INSERT OR REPLACE INTO snapshots (seq, state, sha256) VALUES (?, ?, ?)').run(seq, json, snapshotChecksum(json));
    const kept = db.prepare('SELECT seq FROM snapshots ORDER BY seq DESC LIMIT ?').all(SNAPSHOTS_KEPT) as { seq: number }[];
    oldest = kept[kept.length - 1]!.seq;
    db.prepare('DELETE FROM snapshots WHERE seq < ?').run(oldest);
  });
  return oldest;
}

/** Opens one SQLite file in rollback-journal mode with `synchronous=FULL`: a commit is on disk in that file. */
function openDatabase(location: string, schema: string, dir: string): Database.Database {
  try {
    const db = new Database(location);
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    db.exec(schema);
    return db;
  } catch (error) {
    throw damagedOrUnavailable(error, location, dir);
  }
}

/** Runs `work` in one transaction; on any failure nothing of it stays, and the error says where. */
function inTransaction(db: Database.Database, location: string, work: () => void): void {
  try {
    db.transaction(work)();
  } catch (error) {
    // SQLite may leave the transaction open after a failed COMMIT (SQLITE_FULL, SQLITE_IOERR).
    if (db.inTransaction) db.exec('ROLLBACK');
    throw new StorageUnavailableError(location, error);
  }
}

class SqliteStore implements Store {
  readonly location: string;
  readonly #dir: string;
  readonly #db: Database.Database;
  readonly #snapshots: Database.Database;
  readonly #snapshotsLocation: string;
  readonly #insertEntry: Database.Statement<[number, string, number]>;
  readonly #setMeta: Database.Statement<[string, string]>;
  #lastSeq: number;
  #snapshotSeq: number;

  constructor(db: Database.Database, snapshots: Database.Database, location: string, dir: string) {
    this.#db = db;
    this.#snapshots = snapshots;
    this.#snapshotsLocation = join(dir, SNAPSHOTS_FILE);
    this.location = location;
    this.#dir = dir;
    this.#insertEntry = db.prepare('INSERT INTO journal (seq, entry, crc) VALUES (?, ?, ?)');
    this.#setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.#lastSeq = Number(this.#meta('lastSeq') ?? 0);
    this.#snapshotSeq = this.#newestSnapshotSeq();
  }

  #newestSnapshotSeq(): number {
    return (this.#snapshots.prepare('SELECT max(seq) AS seq FROM snapshots').get() as { seq: number | null }).seq ?? 0;
  }

  get lastSeq(): number {
    return this.#lastSeq;
  }

  get entriesSinceSnapshot(): number {
    return this.#lastSeq - this.#snapshotSeq;
  }

  load(): StoredState {
    try {
      return this.#load();
    } catch (error) {
      if (error instanceof DataDirDamagedError) throw error;
      throw damagedOrUnavailable(error, this.location, this.#dir);
    }
  }

  #load(): StoredState {
    const damaged = (position: string, problem: string, firstLost: number, file = this.location): never => {
      throw new DataDirDamagedError({ file, position, problem, droppedEntries: Math.max(0, this.#lastSeq - firstLost + 1) }, this.#dir);
    };
    const row = this.#snapshots.prepare('SELECT seq, state, sha256 FROM snapshots ORDER BY seq DESC LIMIT 1').get() as { seq: number; state: string; sha256: string } | undefined;
    let snapshot: StoredState['snapshot'];
    if (row) {
      // A bad newest snapshot loses nothing yet (the previous one and the entries since are kept), but it is still damage to report.
      if (snapshotChecksum(row.state) !== row.sha256) damaged(`snapshot after entry ${row.seq}`, 'its SHA-256 does not match its contents', this.#lastSeq + 1, this.#snapshotsLocation);
      try {
        snapshot = { seq: row.seq, state: JSON.parse(row.state) as unknown };
      } catch {
        damaged(`snapshot after entry ${row.seq}`, 'it is not valid JSON', this.#lastSeq + 1, this.#snapshotsLocation);
      }
    }
    const from = snapshot?.seq ?? 0;
    const entries: JournalEntry[] = [];
    let expected = from + 1;
    for (const r of this.#db.prepare('SELECT seq, entry, crc FROM journal WHERE seq > ? ORDER BY seq').iterate(from) as IterableIterator<{ seq: number; entry: string; crc: number }>) {
      if (r.seq !== expected) damaged(`journal entry ${expected}`, `missing (the next entry found is ${r.seq})`, expected);
      if (entryChecksum(r.entry) !== r.crc) damaged(`journal entry ${r.seq}`, 'its CRC-32 does not match its contents', r.seq);
      let entry: JournalEntry;
      try {
        entry = JSON.parse(r.entry) as JournalEntry;
      } catch {
        return damaged(`journal entry ${r.seq}`, 'it is not valid JSON', r.seq);
      }
      if (entry.seq !== r.seq) damaged(`journal entry ${r.seq}`, `it says it is entry ${entry.seq}`, r.seq);
      entries.push(entry);
      expected += 1;
    }
    if (expected - 1 < this.#lastSeq) damaged(`journal entry ${expected}`, `missing: entries ${expected}–${this.#lastSeq} were acknowledged but are not there`, expected);
    return { ...(snapshot ? { snapshot } : {}), entries };
  }

  append(entries: readonly JournalEntry[]): void {
    if (entries.length === 0) return;
    const last = entries[entries.length - 1]!.seq;
    inTransaction(this.#db, this.location, () => {
      for (const entry of entries) {
        const text = JSON.stringify(entry);
        this.#insertEntry.run(entry.seq, text, entryChecksum(text));
      }
      this.#setMeta.run('lastSeq', String(last));
    });
    this.#lastSeq = last;
  }

  writeSnapshot(seq: number, json: string): void {
    writeSnapshotRow(this.#snapshots, this.#snapshotsLocation, seq, json);
    this.snapshotWritten(seq);
  }

  snapshotWritten(seq: number): void {
    const kept = this.#snapshots.prepare('SELECT seq FROM snapshots ORDER BY seq ASC LIMIT 1').get() as { seq: number } | undefined;
    inTransaction(this.#db, this.location, () => {
      // Entries up to the oldest kept snapshot are covered by it; those after it stay for a repair.
      if (kept) this.#db.prepare('DELETE FROM journal WHERE seq <= ?').run(kept.seq);
      // A snapshot ahead of the journal (a repaired store) moves the numbering on, so new entries follow it.
      if (seq > this.#lastSeq) this.#setMeta.run('lastSeq', String(seq));
    });
    this.#snapshotSeq = this.#newestSnapshotSeq();
    this.#lastSeq = Math.max(this.#lastSeq, seq);
  }

  probe(): void {
    inTransaction(this.#db, this.location, () => this.#setMeta.run('probedAt', new Date().toISOString()));
  }

  close(): void {
    if (this.#db.open) this.#db.close();
    if (this.#snapshots.open) this.#snapshots.close();
  }

  #meta(key: string): string | undefined {
    return (this.#db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }
}

/** SQLite's own word that the file is not a sound database, as damage; anything else as unavailable storage. */
function damagedOrUnavailable(error: unknown, location: string, dir: string): Error {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    const damage: Damage = { file: location, position: 'its page structure', problem: `SQLite: ${(error as Error).message}` };
    return new DataDirDamagedError(damage, dir);
  }
  return new StorageUnavailableError(location, error);
}
