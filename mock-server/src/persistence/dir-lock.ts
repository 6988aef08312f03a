import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DataDirUnavailableError } from './directory.js';

/** The file a process holds locked while it uses a data directory (a server, or `gdx-mock repair`). */
const LOCK_FILE = 'gdx-mock.lock';

/** Another process holds the data directory; the start (or repair) stops with this, changing nothing. */
export class DataDirInUseError extends Error {
  readonly code = 'DATA_DIR_IN_USE';
  /** The data directory another process holds. */
  readonly path: string;

  constructor(dir: string, cause?: unknown) {
    super(
      `[DATA_DIR_IN_USE] 数据目录正被另一进程使用，未作任何修改 / the data directory ${dir} is in use by another process ` +
        `(a gdx-mock server, or gdx-mock repair, holds ${join(dir, LOCK_FILE)}); nothing was changed. Stop that process first, ` +
        'or give this one a --data-dir of its own: two servers on one store would each answer from their own state, ' +
        'and a repair under a running server would lose the writes it acknowledges after the repair',
      { cause },
    );
    this.name = 'DataDirInUseError';
    this.path = dir;
  }
}

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
