// The errors a start with a data directory throws to its caller (`createApp({ dataDir })`,
// `gdx-mock`, `gdx-mock repair`), apart from the modules that throw them: those need Node's file
// system and SQLite, and the package's entry exports these to browser bundles too.

/** The file a process holds locked while it uses a data directory (a server, or `gdx-mock repair`). */
export const LOCK_FILE = 'gdx-mock.lock';

/**
 * Another process (or another app of this one) holds the data directory: `createApp({ dataDir })`
 * (and `gdx-mock`, `gdx-mock repair`) stops with this, having read and changed nothing. The lock is
 * dropped when that process ends, `kill -9` included.
 *
 * @example
 * ```ts
 * import { createApp, DataDirInUseError } from '@gdx/mock-server';
 * try { createApp({ dataDir: '.gdx-data' }); } catch (error) { if (error instanceof DataDirInUseError) console.error(`${error.path} is taken`); }
 * ```
 */
export class DataDirInUseError extends Error {
  readonly code = 'DATA_DIR_IN_USE';
  /** The data directory another process holds. */
  readonly path: string;

  constructor(dir: string, cause?: unknown) {
    super(
      `[DATA_DIR_IN_USE] 数据目录正被另一进程使用，未作任何修改 / the data directory ${dir} is in use by another process ` +
        `(a gdx-mock server, or gdx-mock repair, holds ${shownLockFile(dir)}); nothing was changed. Stop that process first, ` +
        'or give this one a --data-dir of its own: two servers on one store would each answer from their own state, ' +
        'and a repair under a running server would lose the writes it acknowledges after the repair',
      { cause },
    );
    this.name = 'DataDirInUseError';
    this.path = dir;
  }
}

/**
 * The data directory cannot be made, or used as one (under `/proc`, on a read-only mount, a file
 * in its place, a lock that cannot be taken): `createApp({ dataDir })` stops with this, naming it.
 *
 * @example
 * ```ts
 * import { createApp, DataDirUnavailableError } from '@gdx/mock-server';
 * try { createApp({ dataDir: '/proc/gdx' }); } catch (error) { if (error instanceof DataDirUnavailableError) console.error(error.message); }
 * ```
 */
export class DataDirUnavailableError extends Error {
  readonly code = 'DATA_DIR_UNAVAILABLE';
  /** The data directory. */
  readonly path: string;

  /**
   * @param reason - why, in English; or in English and Chinese (`{ en, zh }`), the Chinese then
   *   put after the Chinese heading, so a reader of either language learns the cause and what to do.
   */
  constructor(dir: string, reason: string | { readonly en: string; readonly zh: string }, cause?: unknown) {
    const { en, zh } = typeof reason === 'string' ? { en: reason, zh: undefined } : reason;
    super(`[DATA_DIR_UNAVAILABLE] 无法使用数据目录${zh !== undefined ? ` ${dir}：${zh}` : ''} / cannot use the data directory ${dir}: ${en}`, { cause });
    this.name = 'DataDirUnavailableError';
    this.path = dir;
  }
}

/**
 * A snapshot was not written because the data directory is no longer the one the app opened
 * (deleted, or deleted and made again, perhaps with another server's store in it). Nothing is
 * lost: the journal the app opened still holds every entry the snapshot would have covered. The
 * app logs it with its `code` (`DATA_DIR_REPLACED`) and goes on.
 *
 * @example
 * ```ts
 * import { DataDirReplacedError } from '@gdx/mock-server';
 * if (error instanceof DataDirReplacedError) console.warn(`${error.path}: ${error.reason}`);
 * ```
 */
export class DataDirReplacedError extends Error {
  readonly code = 'DATA_DIR_REPLACED';
  /** The data directory, as the app was given it. */
  readonly path: string;
  /** What became of it (`the directory was deleted and made again`). */
  readonly reason: string;

  constructor(dir: string, reason: string) {
    super(`[DATA_DIR_REPLACED] 数据目录已不是本进程打开的那个，快照未写入 / ${dir} is no longer the data directory this process opened (${reason}); nothing was written into it`);
    this.name = 'DataDirReplacedError';
    this.path = dir;
    this.reason = reason;
  }
}

/** The lock file of `dir` as a message shows it (`path.join` without `node:path`, which this module does without). */
function shownLockFile(dir: string): string {
  return `${dir.replace(/[\\/]+$/, '')}/${LOCK_FILE}`;
}
