import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DataDirInUseError, DataDirUnavailableError, LOCK_FILE } from './data-dir-errors.js';

/** A held lock on a data directory; `release` gives it up (closing twice is harmless). */
export interface DataDirLock {
  release(): void;
}

/**
 * Locks a data directory for this process, or throws `DataDirInUseError` when another process
 * (or another app of this one) holds it. The lock is SQLite's own exclusive lock on
 * `gdx-mock.lock`, kept in `EXCLUSIVE` locking mode for as long as the connection is open: the
 * operating system drops it when the process ends, so a `kill -9` leaves no stale lock to clear.
 * The file is written once (its header), then only locked: holding it changes nothing on disk.
 * The store files themselves are not locked, since the compaction worker reads and writes them.
 *
 * @example
 * ```ts
 * const lock = lockDataDir('.gdx-data');
 * try { … } finally { lock.release(); }
 * ```
 */
export function lockDataDir(dir: string): DataDirLock {
  const location = join(dir, LOCK_FILE);
  let db: Database.Database | undefined;
  try {
    // No wait: a directory in use is refused at once, not after a busy timeout.
    db = new Database(location, { timeout: 0 });
    // No rollback journal beside it: a kill -9 while the header is first written leaves no file behind.
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    db?.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new DataDirInUseError(dir, error);
    throw new DataDirUnavailableError(dir, `cannot lock ${location}: ${(error as Error).message}`, error);
  }
  const held = db;
  return {
    release: () => {
      if (held.open) held.close();
    },
  };
}
