import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { entryChecksum, snapshotChecksum } from './checksums.js';
import type { JournalEntry } from './journal-entry.js';
import { readManifest, writeManifest } from './manifest.js';
import { DataDirDamagedError, StorageUnavailableError, type Damage, type Store, type StoredState } from './store.js';

/** The store's file inside a data directory. */
export const STORE_FILE = 'store.sqlite';

// Every entry carries a CRC-32 of its text and every snapshot a SHA-256, so a changed byte is
// found even where SQLite's own page checks see a well-formed record. `meta.lastSeq` moves in the
// same transaction as the entries, so entries cut off the end are missed too.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS journal (seq INTEGER PRIMARY KEY, entry TEXT NOT NULL, crc INTEGER NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS snapshots (seq INTEGER PRIMARY KEY, state TEXT NOT NULL, sha256 TEXT NOT NULL) STRICT;
`;

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
  let db: Database.Database;
  try {
    db = new Database(location);
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    db.exec(SCHEMA);
  } catch (error) {
    throw damagedOrUnavailable(error, location, dir);
  }
  if (!manifest) writeManifest(dir, STORE_FILE);
  return new SqliteStore(db, location, dir);
}

class SqliteStore implements Store {
  readonly location: string;
  readonly #dir: string;
  readonly #db: Database.Database;
  readonly #insertEntry: Database.Statement<[number, string, number]>;
  readonly #setMeta: Database.Statement<[string, string]>;
  #lastSeq: number;
  #snapshotSeq: number;

  constructor(db: Database.Database, location: string, dir: string) {
    this.#db = db;
    this.location = location;
    this.#dir = dir;
    this.#insertEntry = db.prepare('INSERT INTO journal (seq, entry, crc) VALUES (?, ?, ?)');
    this.#setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.#lastSeq = Number(this.#meta('lastSeq') ?? 0);
    this.#snapshotSeq = (db.prepare('SELECT max(seq) AS seq FROM snapshots').get() as { seq: number | null }).seq ?? 0;
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
    const damaged = (position: string, problem: string, firstLost: number): never => {
      throw new DataDirDamagedError({ file: this.location, position, problem, droppedEntries: Math.max(0, this.#lastSeq - firstLost + 1) }, this.#dir);
    };
    const row = this.#db.prepare('SELECT seq, state, sha256 FROM snapshots ORDER BY seq DESC LIMIT 1').get() as { seq: number; state: string; sha256: string } | undefined;
    let snapshot: StoredState['snapshot'];
    if (row) {
      // A bad newest snapshot loses nothing yet (the previous one and the entries since are kept), but it is still damage to report.
      if (snapshotChecksum(row.state) !== row.sha256) damaged(`snapshot after entry ${row.seq}`, 'its SHA-256 does not match its contents', this.#lastSeq + 1);
      try {
        snapshot = { seq: row.seq, state: JSON.parse(row.state) as unknown };
      } catch {
        damaged(`snapshot after entry ${row.seq}`, 'it is not valid JSON', this.#lastSeq + 1);
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
    this.#write(() => {
      for (const entry of entries) {
        const text = JSON.stringify(entry);
        this.#insertEntry.run(entry.seq, text, entryChecksum(text));
      }
      this.#setMeta.run('lastSeq', String(last));
    });
    this.#lastSeq = last;
  }

  writeSnapshot(seq: number, json: string): void {
    this.#write(() => {
      this.#db.prepare('INSERT OR REPLACE INTO snapshots (seq, state, sha256) VALUES (?, ?, ?)').run(seq, json, snapshotChecksum(json));
      const kept = this.#db.prepare('SELECT seq FROM snapshots ORDER BY seq DESC LIMIT ?').all(SNAPSHOTS_KEPT) as { seq: number }[];
      const oldest = kept[kept.length - 1]!.seq;
      this.#db.prepare('DELETE FROM snapshots WHERE seq < ?').run(oldest);
      // Entries up to the oldest kept snapshot are covered by it; those after it stay for a repair.
      this.#db.prepare('DELETE FROM journal WHERE seq <= ?').run(oldest);
      // A snapshot ahead of the journal (a repaired store) moves the numbering on, so new entries follow it.
      if (seq > this.#lastSeq) this.#setMeta.run('lastSeq', String(seq));
    });
    this.#snapshotSeq = seq;
    this.#lastSeq = Math.max(this.#lastSeq, seq);
  }

  probe(): void {
    this.#write(() => this.#setMeta.run('probedAt', new Date().toISOString()));
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  #meta(key: string): string | undefined {
    return (this.#db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  /** Runs `work` in one transaction; on any failure nothing of it stays, and the error says where. */
  #write(work: () => void): void {
    try {
      this.#db.transaction(work)();
    } catch (error) {
      // SQLite may leave the transaction open after a failed COMMIT (SQLITE_FULL, SQLITE_IOERR).
      if (this.#db.inTransaction) this.#db.exec('ROLLBACK');
      throw new StorageUnavailableError(this.location, error);
    }
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
