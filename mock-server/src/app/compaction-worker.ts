import { parentPort, workerData } from 'node:worker_threads';
import type { CompactionJob } from '../persistence/background-compaction.js';
import { openNewestSnapshot, writeSnapshotFile } from '../persistence/sqlite-store.js';
import type { StoredSnapshot } from '../persistence/store.js';
import { createAppCore } from './create-app.js';

// The compaction worker (started by `backgroundCompactor`): it rebuilds the state from the newest
// snapshot and the entries after it — exactly what a restart does — and stores the snapshot of the
// result, so the serving thread never pauses to serialise its state. Only the sandboxes those
// entries touch are restored; the others' parts are carried over as they were stored.

function compact(job: CompactionJob): void {
  const newest = openNewestSnapshot(job.dir);
  try {
    compactFrom(newest.snapshot, job);
  } finally {
    newest.close();
  }
}

function compactFrom(base: StoredSnapshot | undefined, job: CompactionJob): void {
  const first = job.entries[0]?.seq ?? job.seq + 1;
  const from = base?.seq ?? 0;
  // The entries must start right after the snapshot and end at `seq`, or the result would be wrong.
  if (first !== from + 1 && !(job.entries.length === 0 && from === job.seq)) throw new Error(`entries start at ${first}, but the newest snapshot is after entry ${from}`);
  const last = job.entries.at(-1)?.seq ?? from;
  if (last !== job.seq) throw new Error(`entries end at ${last}, not at ${job.seq}`);
  const { app, persistedState } = createAppCore({
    ...job.options,
    restoreFrom: { ...(base ? { snapshot: base } : {}), entries: [...job.entries] },
    resumeDeliveries: false,
    warmUp: false,
    logError: () => undefined,
  });
  writeSnapshotFile(job.dir, job.seq, persistedState());
  void app.close();
}

try {
  compact(workerData as CompactionJob);
  parentPort?.postMessage({ ok: true });
} catch (error) {
  parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
