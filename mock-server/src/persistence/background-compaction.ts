import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DataDirReplacedError } from './data-dir-errors.js';

/** What the compaction worker answers: done, failed, or the snapshot dropped as the directory is another one now (`replaced`: why). */
export type CompactionAnswer = { ok: true } | { ok: false; error: string; replaced?: string };

/** What the compaction worker is given: where, up to which entry, and the app's settings (it reads the entries itself). */
export interface CompactionJob {
  dir: string;
  seq: number;
  /** The store's identity as the app opened it (`Store.identity`): the worker writes into no other directory at `dir`. */
  identity: string;
  /** The app options that shape its state, as plain data (they cross a thread boundary). */
  options: Record<string, unknown>;
}

// Loaded by URL, not imported: the worker runs the app layer, which this layer must not import.
// The build's bundle of `app/compaction-worker.ts`, beside the CLI's (scripts/bundle-cli.mjs): a
// thread loading the app module by module spent ~0.4 CPU-s more before compacting (issue 12).
const WORKER = new URL('../compaction-worker.js', import.meta.url);

/**
 * A compactor that writes snapshots from a worker thread: the worker rebuilds the state exactly as a
 * restart would (the newest snapshot, then the entries after it up to `seq`, read from the store
 * and replayed) and stores its snapshot, so the main thread neither serialises the state nor
 * copies entries over. `undefined` where no worker can run: when the
 * package runs from its TypeScript sources (Vitest), whose worker file Node 20 cannot load.
 * A snapshot the worker drops because `dir` is no longer the directory whose store had `identity`
 * (deleted, or made again with another store in it) rejects with `DataDirReplacedError`.
 *
 * @example
 * ```ts
 * const compact = backgroundCompactor('.gdx-data', { seed: 1, profile: 'national' }, store.identity);
 * await compact?.(5000);
 * ```
 */
export function backgroundCompactor(dir: string, options: Record<string, unknown>, identity: string): ((seq: number) => Promise<void>) | undefined {
  if (!existsSync(fileURLToPath(WORKER))) return undefined;
  return (seq) =>
    new Promise<void>((resolve, reject) => {
      const job: CompactionJob = { dir, seq, identity, options };
      const worker = new Worker(WORKER, { workerData: job });
      let answered = false;
      worker.once('message', (message: CompactionAnswer) => {
        answered = true;
        if (message.ok) resolve();
        else if (message.replaced !== undefined) reject(new DataDirReplacedError(dir, message.replaced));
        else reject(new Error(`[COMPACTION_FAILED] ${message.error}`));
        // Its copy of the state is no longer needed: free it now rather than when its loop drains.
        void worker.terminate();
      });
      worker.once('error', (error) => {
        answered = true;
        reject(error);
      });
      worker.once('exit', (code) => {
        if (!answered) reject(new Error(`[COMPACTION_FAILED] the compaction worker exited with code ${code} before answering`));
      });
    });
}
