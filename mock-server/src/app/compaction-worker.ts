import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { CompactionJob } from '../persistence/background-compaction.js';
import { keepRefusedFile } from '../persistence/refused-file.js';
import { openNewestSnapshot, readJournalFile, writeSnapshotFile } from '../persistence/sqlite-store.js';
import type { StoredSnapshot } from '../persistence/store.js';
import { createAppCore } from './create-app.js';

// The compaction worker (started by `backgroundCompactor`): it rebuilds the state from the newest
// snapshot and the entries after it — exactly what a restart does — and stores the snapshot of the
// result, so the serving thread never pauses to serialise its state. Only the sandboxes those
// entries touch are restored; the others' parts are carried over as they were stored.

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

function compact(job: CompactionJob): void {
  const newest = openNewestSnapshot(job.dir);
  try {
    compactFrom(newest.snapshot, job);
  } finally {
    newest.close();
  }
}

function compactFrom(base: StoredSnapshot | undefined, job: CompactionJob): void {
  const from = base?.seq ?? 0;
  if (from > job.seq) throw new Error(`the newest snapshot is after entry ${from}, past ${job.seq}`);
  // Every entry from right after the snapshot to `seq`, checked, or the result would be wrong.
  const entries = readJournalFile(job.dir, from, job.seq);
  const { app, persistedState } = createAppCore({
    ...job.options,
    restoreFrom: { ...(base ? { snapshot: base } : {}), entries },
    resumeDeliveries: false,
    warmUp: false,
    logError: () => undefined,
    // Entries refused here (those of a sandbox the serving thread had not restored yet) are kept
    // before the snapshot that stops replaying them; the serving thread's were kept already.
    keepRefused: (refusals) => void keepRefusedFile(job.dir, refusals),
  });
  writeSnapshotFile(job.dir, job.seq, persistedState());
  void app.close();
}

try {
  yieldCores();
  compact(workerData as CompactionJob);
  parentPort?.postMessage({ ok: true });
} catch (error) {
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
