import { DataDirReplacedError } from './data-dir-errors.js';
import type { CommandLog, JournalEntry, NewJournalEntry } from './journal-entry.js';
import { StorageUnavailableError, type SnapshotPart, type Store } from './store.js';

/** Settings of a `Journal`. */
export interface JournalOptions {
  /** Take a snapshot once this many entries were written since the last one (counted by the store, so across restarts). */
  compactEvery: number;
  /** The whole state in parts (see `Store.writeSnapshot`), as of the last entry appended. */
  snapshot: () => SnapshotPart[];
  /**
   * Makes a snapshot after entry `seq` durable off the main thread (the compaction worker replays
   * the store's entries since its newest snapshot onto it). Without it, snapshots are taken
   * in-process, which stalls every request while the state is serialised.
   */
  compactInBackground?: (seq: number) => Promise<void>;
  /**
   * Whether a due snapshot may be taken now (default: always); when not, it waits for the next
   * `compactIfDue`. `close` takes its last snapshot regardless.
   */
  mayCompact?: () => boolean;
  /**
   * Called synchronously when a batch could not be made durable, before its callers hear of it:
   * the app puts its state back to what the store holds, so the failed writes change nothing.
   */
  onFailure: (error: StorageUnavailableError) => void;
  logError: (message: string, error: unknown) => void;
  /** Wall time for the probe schedule (default `Date.now`). */
  now?: () => number;
}

/** A macrotask, so every entry appended in this turn joins the batch (browsers have no setImmediate). */
const nextTurn: (run: () => void) => void = typeof setImmediate === 'function' ? (run) => setImmediate(run) : (run) => setTimeout(run, 0);

/**
 * Journal entries dropped per turn once snapshots cover them, each batch its own small
 * transaction: 10,000 entries dropped at once held the serving thread for ~300 ms.
 */
const PRUNE_BATCH = 256;

/** How long a failed store is left alone before a write probes it again (also what a refused client is told to wait). */
export const PROBE_INTERVAL_MS = 1_000;

interface Pending {
  entry: JournalEntry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The journal of accepted commands, with group commit: entries appended within one turn of the
 * event loop are committed to the store together, and each caller's `durable` promise settles
 * after that commit. The commit is synchronous, so a batch is exactly what ran before it; when it
 * fails, `onFailure` rolls the state back before any other request runs, every caller of the batch
 * is rejected with `StorageUnavailableError`, and `writable()` answers false until a probe of the
 * store succeeds. Snapshots are taken every `compactEvery` entries as counted by the store.
 *
 * @example
 * ```ts
 * const journal = new Journal(store, { compactEvery: 10_000, snapshot: () => JSON.stringify(registry.snapshot()), onFailure: restore, logError });
 * const { durable } = journal.append({ kind: 'command', at: Date.now(), method: 'POST', path: '/_sim/v1/sandboxes', query: '', status: 201 });
 * await durable; // on disk
 * ```
 */
export class Journal implements CommandLog {
  readonly #store: Store;
  readonly #options: JournalOptions;
  readonly #now: () => number;
  #seq: number;
  #pending: Pending[] = [];
  #scheduled = false;
  #writable = true;
  #nextProbeAt = 0;
  #nextCompactionAt: number;
  #compacting: Promise<void> | undefined;
  #pruning = false;
  #closed = false;
  #snapshotsFailing = false;

  constructor(store: Store, options: JournalOptions) {
    this.#store = store;
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#seq = store.lastSeq;
    this.#nextCompactionAt = options.compactEvery;
    this.#probeAtStart();
    // What the last process had no time to drop (a store that cannot be written drops it after its next snapshot).
    if (this.#writable) this.#pruneSoon();
  }

  /**
   * A store that cannot take a write (a read-only file or directory, a full disk) is found at
   * start rather than by the first client's write: until then health said ok and readiness 200,
   * so a load balancer sent traffic to a mock whose every write would answer 503.
   */
  #probeAtStart(): void {
    try {
      this.#store.probe();
    } catch (error) {
      this.#writable = false;
      this.#nextProbeAt = this.#now() + PROBE_INTERVAL_MS;
      this.#options.logError('[STORAGE] the data directory cannot take writes at start; writes are refused until it can (health says degraded, ready 503)', error);
      return;
    }
    this.#probeSnapshotsAtStart();
  }

  /**
   * A journal that takes writes beside snapshots that cannot be written (a read-only
   * `snapshots.sqlite`) loses nothing, so writes go on; but every snapshot fails, the journal
   * grows and every start replays all of it. Said at start, in the log and in health
   * (`SNAPSHOTS_FAILING`, cleared by the first snapshot written), not first at the snapshot due
   * `compactEvery` writes later: a monitor that reads only health would see `ok` until then.
   */
  #probeSnapshotsAtStart(): void {
    try {
      this.#store.probeSnapshots?.();
    } catch (error) {
      this.#snapshotsFailing = true;
      this.#options.logError(
        '[STORAGE] snapshots cannot be written at start; writes go on and the journal keeps every one, but it grows and every start replays it until a snapshot can be written (make the file writable by this user, or free the disk)',
        error,
      );
    }
  }

  /** Where the entries go, for messages and health answers. */
  get location(): string {
    return this.#store.location;
  }

  /** Whether a snapshot is being written now (in the background). */
  get compacting(): boolean {
    return this.#compacting !== undefined;
  }

  /**
   * Whether the last snapshot attempt, or the start's probe of the snapshots, failed (cleared by
   * the next snapshot written). Writes go on and
   * nothing is lost, but until a snapshot is written the journal grows and every start replays all
   * of it: health says so, as the log alone reaches no monitoring.
   */
  get snapshotsFailing(): boolean {
    return this.#snapshotsFailing;
  }

  /** Entries committed since the newest snapshot: what a start would replay now. */
  get entriesSinceSnapshot(): number {
    return this.#store.entriesSinceSnapshot;
  }

  /** Records an entry now (in execution order); `durable` resolves once it is committed. */
  append(entry: NewJournalEntry): { seq: number; durable: Promise<void> } {
    this.#seq += 1;
    const seq = this.#seq;
    const durable = new Promise<void>((resolve, reject) => this.#pending.push({ entry: { seq, ...entry } as JournalEntry, resolve, reject }));
    if (!this.#scheduled) {
      this.#scheduled = true;
      nextTurn(() => this.#flush());
    }
    return { seq, durable };
  }

  /**
   * Commits the entries appended in this turn now rather than at the turn's end: before the state
   * is put back to what the store holds (a write that failed with an internal error), the writes
   * that ran before it must be in the store, or going back would undo what they acknowledge.
   */
  commitPending(): void {
    this.#flush();
  }

  /**
   * Whether a write may run now. After a failure, at most once a second, a small write probes the
   * store; until one succeeds, writes are refused (reads go on).
   */
  writable(): boolean {
    if (this.#writable || this.#now() < this.#nextProbeAt) return this.#writable;
    try {
      this.#store.probe();
      this.#writable = true;
    } catch (error) {
      this.#nextProbeAt = this.#now() + PROBE_INTERVAL_MS;
      this.#options.logError('[STORAGE] still unavailable', error);
    }
    return this.#writable;
  }

  /**
   * Takes a snapshot if the schedule (which survives restarts) says one is due: in the background
   * when the journal has a worker for it (one at a time), else now.
   */
  compactIfDue(): void {
    if (this.#options.mayCompact?.() === false) return;
    this.#compact();
  }

  #compact(): void {
    if (this.#compacting || this.#store.entriesSinceSnapshot < this.#nextCompactionAt) return;
    const seq = this.#store.lastSeq;
    const background = this.#options.compactInBackground;
    if (!background) {
      try {
        this.#store.writeSnapshot(seq, this.#options.snapshot());
        this.#compacted();
      } catch (error) {
        this.#compactionFailed(error);
      }
      return;
    }
    this.#compacting = background(seq)
      .then(() => {
        this.#store.snapshotWritten(seq);
        this.#compacted();
      })
      .catch((error: unknown) => this.#compactionFailed(error))
      .finally(() => {
        this.#compacting = undefined;
      });
  }

  /**
   * Commits what is pending, waits for a compaction in flight, takes a last snapshot if anything was
   * written since (so the next start replays nothing), and closes the store.
   */
  async close(): Promise<void> {
    this.#flush();
    await this.#compacting;
    if (this.#store.entriesSinceSnapshot > 0) {
      if (this.writable()) {
        this.#nextCompactionAt = 0;
        this.#compact();
        await this.#compacting;
      } else {
        // Nothing is lost, but the next start replays what a last snapshot would have covered: say so rather than skip it silently.
        const pending = this.#store.entriesSinceSnapshot;
        this.#options.logError(`[STORAGE] no last snapshot at close: the storage refuses writes; the journal keeps every entry, and the next start replays ${pending}`, new StorageUnavailableError(this.#store.location, new Error('writes are refused until a probe succeeds')));
      }
    }
    this.#closed = true;
    this.#store.close();
  }

  /** Drops the entries the snapshots cover, a batch per turn of the event loop, so requests are answered in between. */
  #pruneSoon(): void {
    if (this.#pruning) return;
    this.#pruning = true;
    const step = (): void => {
      try {
        if (!this.#closed && this.#store.prune(PRUNE_BATCH) === PRUNE_BATCH) {
          nextTurn(step);
          return;
        }
      } catch (error) {
        // Nothing is lost: entries a snapshot covers are never replayed, and the next snapshot's pruning drops them.
        this.#options.logError('[STORAGE] could not drop journal entries a snapshot covers; tried again after the next snapshot', error);
      }
      this.#pruning = false;
    };
    nextTurn(step);
  }

  #compacted(): void {
    this.#snapshotsFailing = false;
    this.#pruneSoon();
    this.#nextCompactionAt = this.#options.compactEvery;
  }

  #compactionFailed(error: unknown): void {
    // The journal still holds everything: nothing is lost, start-up just replays more. Try again later.
    this.#snapshotsFailing = true;
    this.#nextCompactionAt = this.#store.entriesSinceSnapshot + Math.max(1, Math.ceil(this.#options.compactEvery / 10));
    if (error instanceof DataDirReplacedError) {
      // Not a storage failure: the message names the reason, and the `err` field carries the code a query matches.
      this.#options.logError(`${error.message}: the snapshot was dropped; the journal this process opened keeps every entry`, { code: error.code });
      return;
    }
    this.#options.logError('[STORAGE] snapshot failed; the journal keeps every entry', error);
  }

  #flush(): void {
    this.#scheduled = false;
    const batch = this.#pending;
    if (batch.length === 0) return;
    this.#pending = [];
    try {
      this.#store.append(batch.map((p) => p.entry));
    } catch (error) {
      const failure = error instanceof StorageUnavailableError ? error : new StorageUnavailableError(this.#store.location, error);
      this.#writable = false;
      this.#nextProbeAt = this.#now() + PROBE_INTERVAL_MS;
      this.#seq = this.#store.lastSeq;
      try {
        this.#options.onFailure(failure);
      } finally {
        for (const p of batch) p.reject(failure);
      }
      return;
    }
    for (const p of batch) p.resolve();
    this.compactIfDue();
  }
}
