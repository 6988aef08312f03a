import type Database from 'better-sqlite3';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { DataDirInUseError, DataDirUnavailableError, LOCK_FILE } from './data-dir-errors.js';
import { fileIdentity as identity } from './store-identity.js';
import { unwritableDirHint, type BilingualText } from './unwritable-hint.js';
import type { LockCheck } from './store.js';
import { openSqlite } from './sqlite.js';

/** A held lock on a data directory; `release` gives it up (closing twice is harmless). */
export interface DataDirLock {
  release(): void;
  /**
   * Checks that `gdx-mock.lock` is still the file this process locked (one `stat`). A lock on a
   * file deleted (or replaced) under the process keeps nothing out: a second server would make a
   * new file and lock it. So a file gone or replaced is made and locked anew; if another process
   * already holds the new one, the lock is `lost` (tried again at the next check).
   */
  verify(): LockCheck;
}

/** Opens `location` (making it if need be) and takes SQLite's exclusive lock on it, held until the connection closes. */
function acquire(location: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    // No wait: a directory in use is refused at once, not after a busy timeout.
    db = openSqlite(location, { timeout: 0 });
    // No rollback journal beside it: a kill -9 while the header is first written leaves no file behind.
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    refuseReadOnly(location);
    return db;
  } catch (error) {
    db?.close();
    throw error;
  }
}

/**
 * Throws when this process cannot write the lock file. SQLite then opens it read-only, and on a
 * read-only connection `BEGIN EXCLUSIVE` succeeds without taking the write lock: every process
 * would "hold" the directory at once, and a second server would start beside the first.
 */
function refuseReadOnly(location: string): void {
  try {
    accessSync(location, constants.W_OK);
  } catch (error) {
    throw new Error(
      `this process cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}), and a lock file opened read-only keeps no other process out`,
      { cause: error },
    );
  }
}

// The lock file keeps no data, so an operator may remove one that cannot be locked (garbage in it, a
// directory in its place, another user's): the message says so, as nothing else would.
const UNLOCKABLE_HINT: BilingualText = {
  en: 'the file holds nothing but the lock: with no gdx-mock using the directory, delete it (or make it a file the user gdx-mock runs as can write) and start again',
  zh: '该文件只用于加锁，不存数据：确认没有 gdx-mock 在使用该目录后删除它（或让运行 gdx-mock 的用户可写它），再启动',
};

/**
 * What to do when the directory itself refuses the lock file (a read-only mount, a directory the
 * user cannot write), or `undefined` when it does not: deleting the lock file is impossible there,
 * and would not help.
 */
function dirRefusalHint(dir: string): BilingualText | undefined {
  try {
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch (error) {
    return unwritableDirHint((error as NodeJS.ErrnoException).code, { en: 'the directory', zh: '该目录' });
  }
}

/** Why the lock file `location` of `dir` could not be locked (`error`), and what to do. */
function cannotLock(dir: string, location: string, error: unknown): BilingualText {
  const hint = dirRefusalHint(dir) ?? UNLOCKABLE_HINT;
  // refuseReadOnly's error carries the errno in its cause; SQLite's, its own code (SQLITE_CANTOPEN).
  const code = (error as { code?: unknown }).code ?? ((error as { cause?: { code?: unknown } }).cause?.code);
  return { en: `cannot lock ${location}: ${(error as Error).message}; ${hint.en}`, zh: `无法锁定 ${location}${typeof code === 'string' ? `（${code}）` : ''}：${hint.zh}` };
}

const isBusy = (error: unknown): boolean => (error as { code?: unknown }).code === 'SQLITE_BUSY';

/**
 * Locks a data directory for this process, or throws `DataDirInUseError` when another process
 * (or another app of this one) holds it. The lock is SQLite's own exclusive lock on
 * `gdx-mock.lock`, kept in `EXCLUSIVE` locking mode for as long as the connection is open: the
 * operating system drops it when the process ends, so a `kill -9` leaves no stale lock to clear.
 * The file is written once (its header), then only locked: holding it changes nothing on disk.
 * The store files themselves are not locked, since the compaction worker reads and writes them.
 * `verify` tells whether the file is still the one locked, and locks a new one if it was deleted.
 *
 * @example
 * ```ts
 * const lock = lockDataDir('.gdx-data');
 * try { lock.verify(); … } finally { lock.release(); }
 * ```
 */
export function lockDataDir(dir: string): DataDirLock {
  const location = join(dir, LOCK_FILE);
  let held: Database.Database;
  try {
    held = acquire(location);
  } catch (error) {
    if (isBusy(error)) throw new DataDirInUseError(dir, error);
    throw new DataDirUnavailableError(dir, cannotLock(dir, location, error), error);
  }
  let locked = identity(location);
  return {
    release: () => {
      if (held.open) held.close();
    },
    verify: () => {
      // Released: the store is closed, and nothing holds or needs the directory.
      if (!held.open) return { state: 'held' };
      const found = identity(location);
      if (found !== undefined && found === locked) return { state: 'held' };
      const what = found === undefined ? `${location} was deleted` : `${location} was replaced by another file`;
      try {
        const fresh = acquire(location);
        held.close();
        held = fresh;
        locked = identity(location);
        return { state: 'remade', reason: `${what}; made and locked anew` };
      } catch (error) {
        const why = isBusy(error) ? 'another process holds the new file: a second server (or gdx-mock repair) may be using this directory' : `it cannot be locked anew: ${(error as Error).message}`;
        return { state: 'lost', reason: `${what}, and ${why}` };
      }
    },
  };
}
