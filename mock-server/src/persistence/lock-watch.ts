import type { Store } from './store.js';

/** How often an app checks its data directory's lock when nothing asks (ms): one `stat` each. */
export const LOCK_CHECK_INTERVAL_MS = 10_000;

/** The lock of a store, as the app watches it (`watchLock`). */
export interface LockWatch {
  /** Checks the lock now (and takes it anew if its file was deleted); whether it is lost. */
  lost(): boolean;
  stop(): void;
}

/**
 * Watches the lock a store holds on its data directory (`Store.verifyLock`) every `intervalMs`
 * and whenever `lost` is asked (`GET /_sim/v1/health`), so that deleting `gdx-mock.lock` under a
 * running server does not leave the directory open to a second one unnoticed: a lock file deleted
 * or replaced is made and locked anew, and that is logged (`[DATA_DIR_LOCK]`); one another process
 * holds by then is logged once (`[DATA_DIR_LOCK_LOST]`) and reported by `lost` until it can be
 * taken again. `undefined` for a store that holds no lock.
 *
 * @example
 * ```ts
 * const watch = watchLock(store, (message, error) => console.error(message, error));
 * watch?.lost(); // false
 * watch?.stop();
 * ```
 */
export function watchLock(store: Pick<Store, 'verifyLock'>, logError: (message: string, error: unknown) => void, intervalMs = LOCK_CHECK_INTERVAL_MS): LockWatch | undefined {
  const verify = store.verifyLock?.bind(store);
  if (!verify) return undefined;
  let lost = false;
  // The message says it all; the `err` of the log line carries the code a query matches, not a stack.
  const check = (): boolean => {
    const found = verify();
    if (found.state === 'held') lost = false;
    else if (found.state === 'remade') {
      lost = false;
      logError(`[DATA_DIR_LOCK] 数据目录锁文件被删除或替换，已重新创建并加锁 / ${found.reason}: do not delete it while a server runs (it is how a second server on this directory is refused)`, { code: 'DATA_DIR_LOCK' });
    } else if (!lost) {
      lost = true;
      logError(
        `[DATA_DIR_LOCK_LOST] 数据目录锁已失效，可能有另一进程在使用该目录 / ${found.reason}. Two servers on one store each answer from their own state; ` +
          'stop the other process: GET /_sim/v1/health says degraded (DATA_DIR_LOCK_LOST) until the lock is taken again',
        { code: 'DATA_DIR_LOCK_LOST' },
      );
    }
    return lost;
  };
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return { lost: check, stop: () => clearInterval(timer) };
}
