import type { StoredPart } from '../sandbox/registry.js';
import type { JournalEntry } from './journal-entry.js';
import type { RefusedEntries, RefusedEntry } from './refused-entry.js';

export type { StoredPart };

/** A part of a snapshot to write: a JSON text, or a part read from the store, carried as it was stored. */
export type SnapshotPart = string | StoredPart;

/**
 * A stored snapshot whose parts are read when asked for, so a start need not read the whole
 * state: the app restores each sandbox from its part on first use. A store checks that every
 * part is there when it opens (`Store.load`), and each part's checksum when it is read.
 */
export interface StoredSnapshot {
  /** The entry the snapshot was taken after. */
  readonly seq: number;
  /** How many parts it has (see `Store.writeSnapshot`). */
  readonly count: number;
  /** Part `index`, parsed; throws `DataDirDamagedError` naming the part if it no longer reads back intact. */
  part(index: number): unknown;
  /** Part `index` as stored (bytes and SHA-256), checked the same way: carried unchanged into the next snapshot. */
  stored(index: number): StoredPart;
}

/** What a store held when it was opened: the newest intact snapshot and every entry after it, in order. */
export interface StoredState {
  snapshot?: StoredSnapshot;
  entries: JournalEntry[];
}

/**
 * Where the mock keeps what it acknowledged: an append-only journal of accepted commands and
 * snapshots of the whole state. One small interface, so the engine behind it can change
 * (SQLite today, see ADR 0006) and tests can make it fail on purpose.
 *
 * Every method is synchronous: the request flow appends and commits within one turn of the event
 * loop, so no other request runs between a failed commit and the rollback of its effects.
 *
 * @example
 * ```ts
 * const store = openSqliteStore('.gdx-data');
 * const { snapshot, entries } = store.load();
 * store.append([{ seq: store.lastSeq + 1, kind: 'command', at: Date.now(), method: 'POST', path: '/_sim/v1/sandboxes', query: '', status: 201 }]);
 * ```
 */
export interface Store {
  /** Where it lives, for messages (`.gdx-data/store.sqlite`). */
  readonly location: string;
  /** The sequence number of the last entry written (0 when empty). */
  readonly lastSeq: number;
  /** Entries written since the newest snapshot: the replay a restart would do. Survives restarts. */
  readonly entriesSinceSnapshot: number;
  /**
   * Opens the newest snapshot and reads the entries after it, checking both (the entries now;
   * the snapshot's parts are all there now, and each matches its checksum when read). Throws
   * `DataDirDamagedError` when something acknowledged cannot be read back intact; repairs nothing.
   */
  load(): StoredState;
  /** Writes the entries durably, all or none; throws `StorageUnavailableError` and then holds none of them. */
  append(entries: readonly JournalEntry[]): void;
  /**
   * Stores a snapshot of the state after entry `seq`, in parts that are each a JSON text (one per
   * sandbox: a single JSON string of a large server would pass V8's string limit) or a part read
   * from this store's snapshots, and drops the snapshot before the previous one. The entries it
   * covers go with `prune`.
   */
  writeSnapshot(seq: number, parts: readonly SnapshotPart[]): void;
  /**
   * Takes note of a snapshot after entry `seq` that another writer of this store (the compaction
   * worker) has made durable, as `writeSnapshot` does.
   */
  snapshotWritten(seq: number): void;
  /**
   * Drops at most `limit` of the journal entries the oldest kept snapshot covers (no start or
   * repair reads them again) and answers how many it dropped: the journal calls it in small
   * batches across turns of the event loop, as dropping thousands of entries in one transaction
   * would stall every request for hundreds of milliseconds.
   */
  prune(limit: number): number;
  /** Checks that a small durable write succeeds now; throws `StorageUnavailableError` if not. */
  probe(): void;
  /**
   * Checks that a snapshot could be written now (a write that changes nothing where snapshots are
   * kept); throws `StorageUnavailableError` if not. Optional: a store without it is not checked.
   */
  probeSnapshots?(): void;
  /**
   * The journal entries replays refused that this store keeps (read when first asked for; a file
   * that cannot be read throws `RefusedEntriesUnavailableError`).
   */
  readonly refused: RefusedEntries;
  /**
   * Keeps, durably and for good, the entries a replay refused that it does not hold yet: the app
   * calls it before any snapshot that would stop replaying them is written. Throws
   * `RefusedEntriesUnavailableError` when it could not; nothing kept before is changed.
   */
  keepRefused(refusals: readonly RefusedEntry[]): void;
  /**
   * Checks that the lock this store holds on its directory is still in force (a data directory's
   * `gdx-mock.lock`, which an operator may delete under a running server), taking it anew where it
   * can; the app calls it on each `GET /_sim/v1/health` and every 10 s. Optional: a store that
   * holds no lock leaves it out.
   */
  verifyLock?(): LockCheck;
  /**
   * The identity of the data directory as this store opened it (device, inode and birth time of
   * the directory and of its snapshots file), handed to the compaction worker, which opens the
   * directory by path and writes no snapshot into one that is no longer it. Optional: a store that
   * is not a data directory leaves it out.
   */
  readonly identity?: string;
  close(): void;
}

/**
 * What `Store.verifyLock` found: the lock file is the one this process locked (`held`); it was
 * deleted or replaced, and has been made and locked anew (`remade`, `reason` saying what
 * happened); or it cannot be locked again (`lost`: another process holds the new file, or it
 * cannot be made), and a second server may be using the directory.
 */
export type LockCheck = { state: 'held' } | { state: 'remade'; reason: string } | { state: 'lost'; reason: string };

/**
 * A write could not be made durable (nothing of it was kept; the app refuses writes, 503
 * `STORAGE_UNAVAILABLE`, until a probe succeeds, and reads go on), or, with `failed: 'open'`, a
 * file of the store could not be opened at start (the start stops).
 *
 * @example
 * ```ts
 * try { store.append(entries); } catch (error) { if (error instanceof StorageUnavailableError) console.error(error.message); }
 * ```
 */
export class StorageUnavailableError extends Error {
  readonly code = 'STORAGE_UNAVAILABLE';

  constructor(location: string, cause: unknown, failed: 'write' | 'open' = 'write') {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      failed === 'open'
        ? `[STORAGE_UNAVAILABLE] 无法打开存储文件（请确认运行 gdx-mock 的用户可读写该文件）/ could not open ${location}: ${reason} (check that the user gdx-mock runs as can read and write it)`
        : `[STORAGE_UNAVAILABLE] 存储写入失败，本次写入未生效 / could not write to ${location}: ${reason}`,
      { cause },
    );
    this.name = 'StorageUnavailableError';
  }
}

/** What a damaged data directory would lose if it were repaired. */
export interface Damage {
  /** The file that is damaged. */
  file: string;
  /** Where, in the file's own terms (`journal entry 1234`, `snapshot after entry 5000`). */
  position: string;
  /** What is wrong with it. */
  problem: string;
  /** How many acknowledged journal entries a repair would drop (absent when the file cannot be read far enough to tell). */
  droppedEntries?: number;
}

/**
 * The data directory holds something acknowledged that cannot be read back intact. Start-up stops
 * with this; `gdx-mock repair --data-dir …` keeps what is intact once the operator asks for it.
 *
 * @example
 * ```ts
 * try { store.load(); } catch (error) { if (error instanceof DataDirDamagedError) console.error(error.damage.position); }
 * ```
 */
export class DataDirDamagedError extends Error {
  readonly code = 'DATA_DIR_DAMAGED';
  readonly damage: Damage;
  /** The damaged file (`damage.file`). */
  readonly path: string;

  constructor(damage: Damage, dir: string) {
    super(
      `[DATA_DIR_DAMAGED] 数据目录已损坏，未作任何修改 / the data directory is damaged; nothing was changed.\n` +
        `  file:     ${damage.file}\n  position: ${damage.position}\n  problem:  ${damage.problem}\n` +
        `  a repair would drop ${droppedText(damage.droppedEntries)}.\n` +
        `  To keep what is intact: gdx-mock repair --data-dir ${dir}  (the damaged file is kept beside the repaired one)`,
    );
    this.name = 'DataDirDamagedError';
    this.damage = damage;
    this.path = damage.file;
  }
}

function droppedText(count: number | undefined): string {
  if (count === undefined) return 'an unknown number of acknowledged journal entries';
  return `${count} acknowledged journal ${count === 1 ? 'entry' : 'entries'}`;
}
