import type { CompactionJob } from '../persistence/background-compaction.js';
import { keepRefusedFile } from '../persistence/refused-file.js';
import { openNewestSnapshot, readJournalFile, writeSnapshotFile } from '../persistence/sqlite-store.js';
import { checkStoreIdentity } from '../persistence/store-identity.js';
import type { StoredSnapshot } from '../persistence/store.js';
import { createAppCore } from './create-app.js';

/**
 * What the compaction worker does (`compaction-worker.ts` runs it on its thread): rebuilds the
 * state from the newest snapshot and the entries after it up to `job.seq` — exactly what a restart
 * does — and stores the snapshot of the result. Only the sandboxes those entries touch are
 * restored; the others' parts are carried over as they were stored. Nothing is written into a
 * directory at `job.dir` that no longer holds the store of `job.identity` (`DataDirReplacedError`):
 * the worker reads and writes by path, and a closing server's worker may still run after the
 * directory was deleted and made again for another server.
 *
 * @example
 * ```ts
 * compactDataDir({ dir: '.gdx-data', seq: 5000, identity: store.identity, options: { seed: 1 } });
 * ```
 */
export function compactDataDir(job: CompactionJob): void {
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
    keepRefused: (refusals) => {
      checkStoreIdentity(job.dir, job.identity);
      keepRefusedFile(job.dir, refusals);
    },
  });
  try {
    writeSnapshotFile(job.dir, job.seq, persistedState(), job.identity);
  } finally {
    void app.close();
  }
}
