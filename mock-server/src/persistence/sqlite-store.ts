import type Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { entryChecksum, snapshotChecksum } from './checksums.js';
import type { JournalEntry } from './journal-entry.js';
import { lockDataDir, type DataDirLock } from './dir-lock.js';
import { ensureDirectory } from './directory.js';
import { MANIFEST_FILE, readManifest, writeManifest, type ManifestRead } from './manifest.js';
import type { RefusedEntries, RefusedEntry } from './refused-entry.js';
import { keepRefusedFile, readRefusedFile, type RefusedFile } from './refused-file.js';
import { SNAPSHOTS_FILE, STORE_FILE } from './store-files.js';
import { DataDirReplacedError } from './data-dir-errors.js';
import { checkStoreIdentity, storeIdentity } from './store-identity.js';
import { DataDirDamagedError, StorageUnavailableError, type Damage, type LockCheck, type SnapshotPart, type Store, type StoredPart, type StoredSnapshot, type StoredState } from './store.js';
import { openSqlite } from './sqlite.js';


// Every entry carries a CRC-32 of its text and every snapshot a SHA-256, so a changed byte is
// found even where SQLite's own page checks see a well-formed record. `meta.lastSeq` moves in the
// same transaction as the entries, so entries cut off the end are missed too.
const JOURNAL_SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS journal (seq INTEGER PRIMARY KEY, entry TEXT NOT NULL, crc INTEGER NOT NULL) STRICT;
`;
// A snapshot is stored in parts (one per sandbox, say), each a JSON text of its own: one JSON
// string of a whole server would pass V8's string limit (about 512 MB) long before memory runs out.
const SNAPSHOTS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS snapshots (seq INTEGER PRIMARY KEY, parts INTEGER NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS snapshot_parts (seq INTEGER NOT NULL, part INTEGER NOT NULL, json TEXT NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (seq, part)) STRICT;
`;

/** Snapshots kept: the newest, and the one before it with the entries between, for a repair to fall back on. */
const SNAPSHOTS_KEPT = 2;

/**
 * Opens (creating if needed) the SQLite store of a data directory: `store.sqlite` for the journal
 * and `snapshots.sqlite` for the snapshots, in rollback-journal mode with `synchronous=FULL`, so a
 * committed transaction is on disk in that file and nothing else. A directory that held a store
 * and now misses one of its files, or holds one emptied (no table in it), is refused (`DataDirDamagedError`, naming the file) before any
 * file is opened or created; a directory that cannot be made throws `DataDirUnavailableError`.
 * The directory is locked for this process until `close()` (`gdx-mock.lock`): one that another
 * process (or another app of this one) holds throws `DataDirInUseError`. A manifest
 * (`gdx-data.json`) of another format is refused (`DataDirUnavailableError`); one that is empty or
 * unreadable is written anew once the store has loaded, and `warn` is told.
 *
 * @example
 * ```ts
 * const store = openSqliteStore('.gdx-data');
 * const { snapshot, entries } = store.load();
 * ```
 */
export function openSqliteStore(dir: string, warn: (message: string) => void = () => undefined): Store {
  ensureDirectory(dir);
  // Before anything is read: what is checked must not change under this process (a repair, another server).
  const lock = lockDataDir(dir);
  const location = join(dir, STORE_FILE);
  let db: Database.Database | undefined;
  let snapshots: Database.Database | undefined;
  try {
    const { fresh, manifest } = storeFiles(dir);
    db = openDatabase(location, JOURNAL_SCHEMA, dir, fresh);
    snapshots = openDatabase(join(dir, SNAPSHOTS_FILE), SNAPSHOTS_SCHEMA, dir, fresh);
    if (fresh) writeManifest(dir, STORE_FILE);
    const rewrite = fresh ? undefined : manifestToRewrite(dir, manifest, warn);
    return new SqliteStore(db, snapshots, location, dir, rewrite, lock);
  } catch (error) {
    snapshots?.close();
    db?.close();
    lock.release();
    throw error;
  }
}

/**
 * Tells whether the directory holds no store yet (`fresh`) and whether its manifest is there.
 * The three files are made together, so a directory holding any of them held all: a missing
 * store file is refused here, naming it, instead of being created empty — an empty journal
 * beside old snapshots would number new entries below them, and the next start would skip them.
 * A store file emptied in place (cut to 0 bytes by a failed copy or restore) is refused the same
 * way: SQLite reads it as an empty database, and the journal's tables would silently be made anew
 * in it — before the first snapshot, every acknowledged write lived only there.
 * Each file is opened read-only for this check, apart from the connection `openDatabase` makes
 * next: a read-write one would roll back a hot journal (change the file) before the check could
 * refuse the directory, which is to be left as it is for `gdx-mock repair` (which shares
 * `fileState`). The second open costs 0.13–0.2 ms of the store's 1.5 ms (both files).
 */
function storeFiles(dir: string): { fresh: boolean; manifest: ManifestRead } {
  const manifest = readManifest(dir);
  const journal = fileState(join(dir, STORE_FILE), 'journal');
  const snapshots = fileState(join(dir, SNAPSHOTS_FILE), 'snapshots');
  // Files created by a first start that stopped before writing its manifest, or before their tables: nothing was acknowledged yet.
  if (manifest.kind === 'absent' && journal.kind !== 'present' && snapshots.kind !== 'present') return { fresh: true, manifest };
  if (journal.kind !== 'present') throw missingJournal(dir, manifest, journal, snapshots);
  if (snapshots.kind !== 'present') throw missingSnapshots(dir, snapshots);
  return { fresh: false, manifest };
}

/**
 * The warning to give once a store with no usable manifest has loaded and its manifest is written
 * anew (`undefined`: the manifest is fine). An empty or unreadable one (a copy cut short) still
 * told the start that a store was here; being rewritten only after the load, it goes on telling
 * that to a start refused meanwhile.
 */
function manifestToRewrite(dir: string, manifest: ManifestRead, warn: (message: string) => void): (() => void) | undefined {
  if (manifest.kind === 'present') return undefined;
  if (manifest.kind === 'absent') return () => undefined;
  return () => warn(`[DATA_DIR_MANIFEST] ${join(dir, MANIFEST_FILE)} was unreadable (${manifest.problem}); the store beside it loaded intact, so it was written anew`);
}

/** Whether a store file is there, there without the table it is made with (emptied), or there with it (its content is checked later). */
export type FileState = { kind: 'absent' } | { kind: 'emptied'; bytes: number } | { kind: 'present' };

/**
 * The state of one store file. A file SQLite cannot read at all (not a database) counts as
 * present: opening it reports that damage in SQLite's own words.
 */
export function fileState(location: string, table: 'journal' | 'snapshots'): FileState {
  if (!existsSync(location)) return { kind: 'absent' };
  const holds = tryRead(() => {
    const db = openSqlite(location, { readonly: true, fileMustExist: true });
    try {
      return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
    } finally {
      db.close();
    }
  });
  return holds === false ? { kind: 'emptied', bytes: tryRead(() => statSync(location).size) ?? 0 } : { kind: 'present' };
}

/** How a file that is not usable is described: `missing`, or emptied with its size. */
function gone(state: FileState, table: string): string {
  return state.kind === 'emptied' ? `emptied (${state.bytes} bytes, no ${table} table in it)` : 'missing';
}

function missingJournal(dir: string, manifest: ManifestRead, journal: FileState, snapshots: FileState): DataDirDamagedError {
  let problem: string;
  const what = gone(journal, 'journal');
  if (manifest.kind !== 'absent') {
    const created = manifest.kind === 'present' ? manifest.manifest.createdAt : `an unknown time (${MANIFEST_FILE} is unreadable: ${manifest.problem})`;
    problem = `${what}: this directory held a gdx store created at ${created}${snapshots.kind === 'present' ? '' : ` (${SNAPSHOTS_FILE} is ${gone(snapshots, 'snapshots')} too)`}`;
  } else {
    const newest = tryRead(() => newestSnapshotSeq(join(dir, SNAPSHOTS_FILE)));
    const kept = newest === undefined ? 'cannot be read' : newest === 0 ? 'holds the initial snapshot' : `holds the snapshot after entry ${newest}`;
    problem = `${what}, with gdx-data.json: ${SNAPSHOTS_FILE} beside it ${kept}, so a store was here, and the entries acknowledged after that snapshot were in the ${journal.kind === 'emptied' ? 'emptied' : 'missing'} file`;
  }
  // How many entries it held went with it.
  return new DataDirDamagedError({ file: join(dir, STORE_FILE), position: 'the whole file', problem }, dir);
}

function missingSnapshots(dir: string, snapshots: FileState): DataDirDamagedError {
  const journal = tryRead(() => journalSpan(join(dir, STORE_FILE)));
  // Entries up to the oldest kept snapshot are pruned: a journal that no longer starts at entry 1 cannot be replayed without its snapshots.
  const droppedEntries = journal && (journal.first === 1 || journal.last === 0 ? 0 : journal.last);
  const ends = journal ? ` (its journal ends at entry ${journal.last}${journal.first === undefined || journal.first === 1 ? '' : ` and starts at entry ${journal.first}`})` : '';
  const damage = { file: join(dir, SNAPSHOTS_FILE), position: 'the whole file', problem: `${gone(snapshots, 'snapshots')}: ${STORE_FILE} beside it is there${ends}, but the snapshots it was written with are not` };
  return new DataDirDamagedError(droppedEntries === undefined ? damage : { ...damage, droppedEntries }, dir);
}

/** The first journal entry of a store file (absent when none is left) and its last, read without changing the file. */
function journalSpan(location: string): { first?: number; last: number } {
  const db = openSqlite(location, { readonly: true, fileMustExist: true });
  try {
    const first = (db.prepare('SELECT min(seq) AS seq FROM journal').get() as { seq: number | null }).seq;
    const last = Number((db.prepare("SELECT value FROM meta WHERE key = 'lastSeq'").get() as { value: string } | undefined)?.value ?? 0);
    return first === null ? { last } : { first, last };
  } finally {
    db.close();
  }
}

/** The entry the newest snapshot of a snapshots file was taken after (0 when it holds none), read without changing the file. */
function newestSnapshotSeq(location: string): number {
  const db = openSqlite(location, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT max(seq) AS seq FROM snapshots').get() as { seq: number | null }).seq ?? 0;
  } finally {
    db.close();
  }
}

/** What `read` answers, or `undefined` when it throws (a file missing or unreadable, when that is the question). */
export function tryRead<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * Writes a snapshot into a data directory's snapshots file from any thread (the compaction worker
 * uses it); the journal's owner then calls `Store.snapshotWritten(seq)`. `opened` is the store's
 * identity as its app opened it (`Store.identity`): the file is opened by path, so a directory
 * deleted and made again meanwhile (another server's store in it) is refused with
 * `DataDirReplacedError`, and nothing is written.
 *
 * @example
 * ```ts
 * writeSnapshotFile('.gdx-data', 5000, [JSON.stringify(header), ...sandboxes.map((s) => JSON.stringify(s))], store.identity);
 * ```
 */
export function writeSnapshotFile(dir: string, seq: number, parts: readonly SnapshotPart[], opened: string): void {
  const location = join(dir, SNAPSHOTS_FILE);
  let db: Database.Database;
  try {
    db = openDatabase(location, SNAPSHOTS_SCHEMA, dir, false);
  } catch (error) {
    // A directory deleted (its file with it) says so, rather than that the file cannot be opened.
    checkStoreIdentity(dir, opened);
    throw error;
  }
  try {
    writeSnapshotRows(db, location, dir, opened, seq, parts);
  } finally {
    db.close();
  }
}

/**
 * Reads the parts of the snapshot after entry `seq`, each checked against its SHA-256 and parsed;
 * or says what is wrong with it.
 *
 * @example
 * ```ts
 * const read = readSnapshotParts(db, 5000);
 * if (read.ok) restore(read.parts);
 * ```
 */
export function readSnapshotParts(db: Database.Database, seq: number): { ok: true; parts: unknown[] } | { ok: false; problem: string } {
  const header = db.prepare('SELECT parts FROM snapshots WHERE seq = ?').get(seq) as { parts: number } | undefined;
  if (!header) return { ok: false, problem: 'it is not there' };
  const rows = db.prepare('SELECT part, json, sha256 FROM snapshot_parts WHERE seq = ? ORDER BY part').all(seq) as { part: number; json: string; sha256: string }[];
  const parts: unknown[] = [];
  for (let i = 0; i < header.parts; i += 1) {
    const row = rows[i];
    if (row?.part !== i) return { ok: false, problem: `part ${i} of ${header.parts} is missing` };
    if (snapshotChecksum(row.json) !== row.sha256) return { ok: false, problem: `part ${i} does not match its SHA-256` };
    try {
      parts.push(JSON.parse(row.json) as unknown);
    } catch {
      return { ok: false, problem: `part ${i} is not valid JSON` };
    }
  }
  return rows.length === header.parts ? { ok: true, parts } : { ok: false, problem: `it has ${rows.length} parts where ${header.parts} were written` };
}

/**
 * Checks that every part of the snapshot after entry `seq` is there, without reading them: each
 * part's SHA-256 is checked when the part is read (`lazySnapshot`). Reading and hashing every
 * part at start cost ~0.3 s per 10,000 registration applications here, most of a start at
 * 100,000: the 2 s start-up target rules it out.
 */
function snapshotPartCount(db: Database.Database, seq: number): { ok: true; count: number } | { ok: false; problem: string } {
  const header = db.prepare('SELECT parts FROM snapshots WHERE seq = ?').get(seq) as { parts: number } | undefined;
  if (!header) return { ok: false, problem: 'it is not there' };
  const parts = db.prepare('SELECT part FROM snapshot_parts WHERE seq = ? ORDER BY part').pluck().all(seq) as number[];
  const missing = parts.findIndex((part, index) => part !== index);
  if (missing >= 0) return { ok: false, problem: `part ${missing} of ${header.parts} is missing` };
  return parts.length === header.parts ? { ok: true, count: header.parts } : { ok: false, problem: `it has ${parts.length} parts where ${header.parts} were written` };
}

/**
 * The snapshot after entry `seq`, reading each part when asked for and checking it against its
 * SHA-256 then (over the stored bytes: hashing the decoded string costs 6× as much).
 */
function lazySnapshot(db: Database.Database, location: string, dir: string, seq: number, count: number): StoredSnapshot {
  const select = db.prepare('SELECT CAST(json AS BLOB) AS bytes, sha256 FROM snapshot_parts WHERE seq = ? AND part = ?');
  const damaged = (index: number, problem: string): DataDirDamagedError =>
    new DataDirDamagedError({ file: location, position: `part ${index} of the snapshot after entry ${seq}`, problem }, dir);
  const stored = (index: number): StoredPart & { bytes: Buffer } => {
    const row = select.get(seq, index) as { bytes: Buffer; sha256: string } | undefined;
    if (!row) throw damaged(index, 'it is not there');
    if (snapshotChecksum(row.bytes) !== row.sha256) throw damaged(index, 'it does not match its SHA-256');
    return row;
  };
  return {
    seq,
    count,
    stored,
    part(index) {
      try {
        return JSON.parse(stored(index).bytes.toString('utf8')) as unknown;
      } catch (error) {
        throw error instanceof DataDirDamagedError ? error : damaged(index, 'it is not valid JSON');
      }
    },
  };
}

/**
 * Opens the newest snapshot of a data directory's snapshots file (the compaction worker starts
 * from it); its parts are read, and checked, while it is open. `snapshot` is absent when there is
 * none.
 *
 * @example
 * ```ts
 * const newest = openNewestSnapshot('.gdx-data');
 * try { newest.snapshot?.part(0); } finally { newest.close(); }
 * ```
 */
export function openNewestSnapshot(dir: string): { snapshot?: StoredSnapshot; close: () => void } {
  const location = join(dir, SNAPSHOTS_FILE);
  const db = openSqlite(location, { readonly: true, fileMustExist: true });
  const close = (): void => {
    db.close();
  };
  try {
    const seq = (db.prepare('SELECT max(seq) AS seq FROM snapshots').get() as { seq: number | null }).seq;
    if (seq === null) return { close };
    const checked = snapshotPartCount(db, seq);
    if (!checked.ok) throw new Error(`${location}: the snapshot after entry ${seq} is damaged: ${checked.problem}`);
    return { snapshot: lazySnapshot(db, location, dir, seq, checked.count), close };
  } catch (error) {
    close();
    throw error;
  }
}

/** Journal entries read per statement: a reader holds a lock a commit of the serving thread would wait for. */
const READ_BATCH = 512;

/** Reads entries `from + 1` … `to`, each checked against its CRC-32 and its place; `damaged` is told of the first that is not intact. */
function readCheckedEntries(db: Database.Database, from: number, to: number, damaged: (position: string, problem: string, firstLost: number) => never): JournalEntry[] {
  const select = db.prepare('SELECT seq, entry, crc FROM journal WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?');
  const entries: JournalEntry[] = [];
  let expected = from + 1;
  for (let batch = READ_BATCH; batch === READ_BATCH; ) {
    const rows = select.all(expected - 1, to, READ_BATCH) as { seq: number; entry: string; crc: number }[];
    batch = rows.length;
    for (const r of rows) {
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
  }
  if (expected - 1 < to) damaged(`journal entry ${expected}`, `missing: entries ${expected}–${to} were acknowledged but are not there`, expected);
  return entries;
}

/**
 * Reads the journal entries `from + 1` … `to` of a data directory, each checked, from any thread
 * (the compaction worker replays them, rather than have the serving thread copy them over).
 *
 * @example
 * ```ts
 * readJournalFile('.gdx-data', 5000, 5200).length; // 200
 * ```
 */
export function readJournalFile(dir: string, from: number, to: number): JournalEntry[] {
  const location = join(dir, STORE_FILE);
  const db = openSqlite(location, { readonly: true, fileMustExist: true });
  try {
    return readCheckedEntries(db, from, to, (position, problem) => {
      throw new Error(`${location}: ${position} is damaged: ${problem}`);
    });
  } finally {
    db.close();
  }
}

/**
 * Inserts a snapshot's parts and keeps only the newest `SNAPSHOTS_KEPT` snapshots. A part read
 * from the store goes back as its bytes (cast to text: the column holds UTF-8 text either way)
 * with the digest it was checked against: nothing to decode, encode or hash again.
 * The directory must still be the one opened (`opened`, see `checkStoreIdentity`): checked before
 * the first write (SQLite then makes its rollback journal beside the file, by path: in a directory
 * made again, another store's) and again before the commit, so a snapshot of this store never
 * lands in another; it is dropped instead (`DataDirReplacedError`).
 */
function writeSnapshotRows(db: Database.Database, location: string, dir: string, opened: string, seq: number, parts: readonly SnapshotPart[]): void {
  inTransaction(db, location, () => {
    checkStoreIdentity(dir, opened);
    db.prepare('DELETE FROM snapshot_parts WHERE seq = ?').run(seq);
    const insert = db.prepare('INSERT INTO snapshot_parts (seq, part, json, sha256) VALUES (?, ?, CAST(? AS TEXT), ?)');
    parts.forEach((json, part) => {
      if (typeof json === 'string') insert.run(seq, part, json, snapshotChecksum(json));
      else insert.run(seq, part, json.bytes, json.sha256);
    });
    db.prepare('INSERT OR REPLACE INTO snapshots (seq, parts) VALUES (?, ?)').run(seq, parts.length);
    const kept = db.prepare('SELECT seq FROM snapshots ORDER BY seq DESC LIMIT ?').all(SNAPSHOTS_KEPT) as { seq: number }[];
    const oldest = kept[kept.length - 1]!.seq;
    db.prepare('DELETE FROM snapshots WHERE seq < ?').run(oldest);
    db.prepare('DELETE FROM snapshot_parts WHERE seq < ?').run(oldest);
    checkStoreIdentity(dir, opened);
  });
}

/**
 * Opens one SQLite file in rollback-journal mode with `synchronous=FULL`: a commit is on disk in
 * that file. Only a new store's files are created: one deleted after the check is not made anew.
 */
function openDatabase(location: string, schema: string, dir: string, create: boolean): Database.Database {
  try {
    const db = openSqlite(location, { fileMustExist: !create });
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
    // Not a storage failure: the store is fine, the directory is another one now.
    if (error instanceof DataDirReplacedError) throw error;
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
  readonly #pruneBatch: Database.Statement<[number, number]>;
  #lastSeq: number;
  #snapshotSeq: number;
  /** Set while the manifest is to be written anew after the load (lost or unreadable): what to say then. */
  #manifestRewritten: (() => void) | undefined;
  #refused: RefusedFile | undefined;
  readonly #lock: DataDirLock;
  readonly identity: string;

  constructor(db: Database.Database, snapshots: Database.Database, location: string, dir: string, manifestRewritten: (() => void) | undefined, lock: DataDirLock) {
    this.#manifestRewritten = manifestRewritten;
    this.#lock = lock;
    this.#db = db;
    this.#snapshots = snapshots;
    this.#snapshotsLocation = join(dir, SNAPSHOTS_FILE);
    this.location = location;
    this.#dir = dir;
    // Once its files are there: a later snapshot checks that the directory still holds them.
    this.identity = storeIdentity(dir);
    this.#insertEntry = db.prepare('INSERT INTO journal (seq, entry, crc) VALUES (?, ?, ?)');
    this.#setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.#pruneBatch = db.prepare('DELETE FROM journal WHERE seq IN (SELECT seq FROM journal WHERE seq <= ? ORDER BY seq LIMIT ?)');
    this.#lastSeq = Number(this.#meta('lastSeq') ?? 0);
    this.#snapshotSeq = this.#newestSnapshotSeq();
  }

  #hasSnapshot(seq: number): boolean {
    return this.#snapshots.prepare('SELECT 1 FROM snapshots WHERE seq = ?').get(seq) !== undefined;
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
      const state = this.#load();
      // A lost or unreadable manifest is written again only once the store has loaded: a refused start changes nothing.
      const rewritten = this.#manifestRewritten;
      if (rewritten) {
        writeManifest(this.#dir, STORE_FILE);
        this.#manifestRewritten = undefined;
        rewritten();
      }
      return state;
    } catch (error) {
      if (error instanceof DataDirDamagedError) throw error;
      throw damagedOrUnavailable(error, this.location, this.#dir);
    }
  }

  #load(): StoredState {
    const damaged = (position: string, problem: string, firstLost: number, file = this.location): never => {
      throw new DataDirDamagedError({ file, position, problem, droppedEntries: Math.max(0, this.#lastSeq - firstLost + 1) }, this.#dir);
    };
    if (this.#lastSeq < this.#snapshotSeq) throw this.#behindSnapshots();
    let snapshot: StoredSnapshot | undefined;
    if (this.#snapshotSeq > 0 || this.#hasSnapshot(0)) {
      const checked = snapshotPartCount(this.#snapshots, this.#snapshotSeq);
      // A bad newest snapshot loses nothing yet (the previous one and the entries since are kept), but it is still damage to report.
      if (!checked.ok) damaged(`snapshot after entry ${this.#snapshotSeq}`, checked.problem, this.#lastSeq + 1, this.#snapshotsLocation);
      else snapshot = lazySnapshot(this.#snapshots, this.#snapshotsLocation, this.#dir, this.#snapshotSeq, checked.count);
    }
    const entries = readCheckedEntries(this.#db, snapshot?.seq ?? 0, this.#lastSeq, damaged);
    return { ...(snapshot ? { snapshot } : {}), entries };
  }

  /**
   * A journal that ends before its newest snapshot is not the one the snapshots were taken from
   * (an older copy, an empty new file): its next entries would be numbered at or below the
   * snapshot, and every start after would skip them as covered by it.
   */
  #behindSnapshots(): DataDirDamagedError {
    const problem = `it ends at entry ${this.#lastSeq}, before the snapshot after entry ${this.#snapshotSeq} in ${SNAPSHOTS_FILE}: it is not the journal those snapshots were taken from (an older copy, or a new file), and the entries acknowledged after entry ${this.#lastSeq} are not in it`;
    return new DataDirDamagedError({ file: this.location, position: 'the end of its journal', problem }, this.#dir);
  }

  append(entries: readonly JournalEntry[]): void {
    if (entries.length === 0) return;
    // Never an entry a snapshot already covers: replay would skip it, and the write would be lost after the next start.
    if (entries[0]!.seq <= this.#snapshotSeq) throw new StorageUnavailableError(this.location, new Error(`entry ${entries[0]!.seq} would be at or below the snapshot after entry ${this.#snapshotSeq}`));
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

  writeSnapshot(seq: number, parts: readonly SnapshotPart[]): void {
    writeSnapshotRows(this.#snapshots, this.#snapshotsLocation, this.#dir, this.identity, seq, parts);
    this.snapshotWritten(seq);
  }

  snapshotWritten(seq: number): void {
    // A snapshot ahead of the journal (a repaired store) moves the numbering on, so new entries follow it.
    if (seq > this.#lastSeq) inTransaction(this.#db, this.location, () => this.#setMeta.run('lastSeq', String(seq)));
    this.#snapshotSeq = this.#newestSnapshotSeq();
    this.#lastSeq = Math.max(this.#lastSeq, seq);
  }

  prune(limit: number): number {
    const kept = this.#snapshots.prepare('SELECT seq FROM snapshots ORDER BY seq ASC LIMIT 1').get() as { seq: number } | undefined;
    if (!kept) return 0;
    // Entries up to the oldest kept snapshot are covered by it; those after it stay for a repair.
    let dropped = 0;
    inTransaction(this.#db, this.location, () => {
      dropped = this.#pruneBatch.run(kept.seq, limit).changes;
    });
    return dropped;
  }

  verifyLock(): LockCheck {
    return this.#lock.verify();
  }

  probe(): void {
    inTransaction(this.#db, this.location, () => this.#setMeta.run('probedAt', new Date().toISOString()));
  }

  probeSnapshots(): void {
    // Setting user_version to what it is writes the header page: a read-only file or a full disk refuses it.
    inTransaction(this.#snapshots, this.#snapshotsLocation, () => {
      const version = Number(this.#snapshots.pragma('user_version', { simple: true }));
      this.#snapshots.pragma(`user_version = ${version}`);
    });
  }

  // Beside the SQLite files, as a JSON-lines file: an operator reads it with jq and sends its requests again.
  get refused(): RefusedEntries {
    this.#refused ??= readRefusedFile(this.#dir);
    return this.#refused;
  }

  keepRefused(refusals: readonly RefusedEntry[]): void {
    // Read again each time: the compaction worker may have kept some meanwhile.
    this.#refused = keepRefusedFile(this.#dir, refusals);
  }

  close(): void {
    if (this.#db.open) this.#db.close();
    if (this.#snapshots.open) this.#snapshots.close();
    this.#lock.release();
  }

  #meta(key: string): string | undefined {
    return (this.#db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }
}

/** SQLite's own word that the file is not a sound database, as damage; anything else as storage that cannot be opened. */
function damagedOrUnavailable(error: unknown, location: string, dir: string): Error {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    const damage: Damage = { file: location, position: 'its page structure', problem: `SQLite: ${(error as Error).message}` };
    return new DataDirDamagedError(damage, dir);
  }
  return new StorageUnavailableError(location, error, 'open');
}
