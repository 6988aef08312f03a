import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What the compaction worker is given: where, up to which entry, and the app's settings (it reads the entries itself). */
export interface CompactionJob {
  dir: string;
  seq: number;
  /** The app options that shape its state, as plain data (they cross a thread boundary). */
  options: Record<string, unknown>;
}

// Loaded by URL, not imported: the worker runs the app layer, which this layer must not import.
const WORKER = new URL('../app/compaction-worker.js', import.meta.url);

/**
 * A compactor that writes snapshots from a worker thread: the worker rebuilds the state exactly as a
 * restart would (the newest snapshot, then the entries after it up to `seq`, read from the store
 * and replayed) and stores its snapshot, so the main thread neither serialises the state nor
 * copies entries over. `undefined` where no worker can run: when the
 * package runs from its TypeScript sources (Vitest), whose worker file Node 20 cannot load.
 *
 * @example
 * ```ts
 * const compact = backgroundCompactor('.gdx-data', { seed: 1, profile: 'national' });
 * await compact?.(5000);
 * ```
 */
export function backgroundCompactor(dir: string, options: Record<string, unknown>): ((seq: number) => Promise<void>) | undefined {
  if (!existsSync(fileURLToPath(WORKER))) return undefined;
  return (seq) =>
    new Promise<void>((resolve, reject) => {
      const job: CompactionJob = { dir, seq, options };
      const worker = new Worker(WORKER, { workerData: job });
      let answered = false;
      worker.once('message', (message: { ok: true } | { ok: false; error: string }) => {
        answered = true;
        if (message.ok) resolve();
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
