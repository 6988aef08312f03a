import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { CompactionAnswer, CompactionJob } from '../persistence/background-compaction.js';
import { DataDirReplacedError } from '../persistence/data-dir-errors.js';
import { compactDataDir } from './compaction.js';

// The compaction worker (started by `backgroundCompactor`): it runs `compactDataDir` on its own
// thread, so the serving thread never pauses to serialise its state.

/**
 * Gives this thread the lowest CPU priority, so on a machine with few cores the serving thread
 * wins them whenever it has a request to answer. On Linux a thread has a nice value of its own
 * (`/proc/thread-self` names it as `PID/task/TID`); elsewhere, or where it is not allowed, the
 * worker runs at the normal priority.
 */
function yieldCores(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isSafeInteger(tid)) setPriority(tid, 19);
  } catch {
    // Not Linux: nothing to lower.
  }
}

try {
  yieldCores();
  compactDataDir(workerData as CompactionJob);
  parentPort?.postMessage({ ok: true } satisfies CompactionAnswer);
} catch (error) {
  // An Error's class does not cross the thread: its reason does, and the other side makes it again.
  const replaced = error instanceof DataDirReplacedError ? { replaced: error.reason } : {};
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error), ...replaced } satisfies CompactionAnswer);
}
