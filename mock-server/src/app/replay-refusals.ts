import type { CommandEntry } from '../persistence/journal-entry.js';
import { PROBE_INTERVAL_MS } from '../persistence/journal.js';
import { refusedEntryKey, RefusedEntriesUnavailableError, type RefusedEntries, type RefusedEntry, type RefusedKeepMoment } from '../persistence/refused-entry.js';
import { MOCK_SERVER_VERSION } from '../version.js';
import type { ReplayRefusal } from './dispatcher.js';

/** What `ReplayRefusals` needs from its app. */
export interface ReplayRefusalsOptions {
  /** Keeps refused entries durably (`Store.keepRefused`); throws when it could not. Absent: nothing to keep them in. */
  keep: ((refusals: readonly RefusedEntry[]) => void) | undefined;
  /** What the store keeps now (`Store.refused`): where, and how many, for the log; its damaged lines are logged once, at construction. */
  kept: (() => RefusedEntries) | undefined;
  logError: (message: string, error: unknown) => void;
  /** Real wall time (never the replay's pinned one). */
  now: () => number;
}

/**
 * The journal entries this process's replays refused although they were acknowledged once. Each is
 * logged (`[REPLAY_REFUSED]`) and waits here until `flush` has kept it durably; the app flushes at
 * the end of its start (a failure stops the start), right after restoring a sandbox later (a
 * failure is logged, counted by `notKept`, and tried again by `retryDue`), and before any snapshot
 * (a failure means no snapshot), so no snapshot stops replaying an entry before it is kept. An
 * entry met again (a rollback replays the journal anew) is noted once.
 *
 * @example
 * ```ts
 * const refusals = new ReplayRefusals({ keep: (r) => store.keepRefused(r), kept: () => store.refused, logError, now: Date.now });
 * const refusal = dispatcher.replay(entry);
 * if (refusal) refusals.note(entry, refusal);
 * refusals.flush('start'); // throws RefusedEntriesUnavailableError if they could not be kept
 * ```
 */
export class ReplayRefusals {
  readonly #options: ReplayRefusalsOptions;
  readonly #noted = new Set<string>();
  #pending: RefusedEntry[] = [];
  /** Set while a keep after the start has failed: when `retryDue` may try again. */
  #retryAt: number | undefined;

  constructor(options: ReplayRefusalsOptions) {
    this.#options = options;
    const kept = options.kept?.();
    const damaged = kept?.damagedLines ?? [];
    if (kept && damaged.length > 0) {
      options.logError(`[REPLAY_REFUSED] ${kept.location}: ${damaged.length === 1 ? 'line' : 'lines'} ${damaged.join(', ')} cannot be read as refused entries; skipped, and left in the file as they are`, undefined);
    }
  }

  /** Refused entries not kept yet: after the start, those a keep failed for (no snapshot is written meanwhile). */
  get notKept(): number {
    return this.#options.keep ? this.#pending.length : 0;
  }

  /** Logs a refused entry and holds it for the next `flush`. */
  note(entry: CommandEntry, refusal: ReplayRefusal): void {
    const key = refusedEntryKey(entry);
    if (this.#noted.has(key)) return;
    this.#noted.add(key);
    const location = this.#options.kept?.().location;
    const problem = typeof refusal.problem === 'string' ? refusal.problem : JSON.stringify(refusal.problem);
    this.#options.logError(
      `[REPLAY_REFUSED] journal entry ${entry.seq} (${entry.method} ${entry.path}) was answered ${entry.status}, its replay ${refusal.status}: what it did is not in the rebuilt state${location ? `; the entry is kept in ${location}` : ''}`,
      problem.slice(0, 1_000),
    );
    this.#pending.push({
      seq: entry.seq,
      sandbox: refusal.sandbox,
      refusedAt: new Date(this.#options.now()).toISOString(),
      refusedBy: MOCK_SERVER_VERSION,
      acknowledgedAt: new Date(entry.at).toISOString(),
      answered: entry.status,
      replayStatus: refusal.status,
      problem: refusal.problem,
      entry,
    });
  }

  /**
   * Keeps what is pending; throws (keeping it pending) when the store could not, worded for
   * `moment` when given (without one: before a snapshot, which is then not written).
   */
  flush(moment?: RefusedKeepMoment): void {
    if (this.#pending.length === 0 || !this.#options.keep) return;
    try {
      this.#options.keep(this.#pending);
    } catch (error) {
      throw error instanceof RefusedEntriesUnavailableError && moment ? error.at(moment) : error;
    }
    this.#pending = [];
    this.#retryAt = undefined;
  }

  /**
   * `flush` while serving (a sandbox restored after the start): a failure is logged, counted by
   * `notKept`, and snapshots wait until `retryDue` or a snapshot's own flush keeps them.
   */
  flushOrLog(): void {
    try {
      this.flush('serving');
    } catch (error) {
      this.#retryAt = this.#options.now() + PROBE_INTERVAL_MS;
      // Its message says it all (file, entries, reason, what to do): the error again would repeat the reason.
      if (error instanceof RefusedEntriesUnavailableError) this.#options.logError(error.message, undefined);
      else this.#options.logError('[REPLAY_REFUSED_NOT_KEPT] refused journal entries could not be kept; the journal keeps them and no snapshot is written until they are', error);
    }
  }

  /**
   * Tries again, at most once a second, to keep what a keep after the start failed to (called when
   * the app's health is read, so recovery needs no write). A failure again is not logged anew.
   */
  retryDue(): void {
    if (this.#retryAt === undefined || this.#pending.length === 0 || this.#options.now() < this.#retryAt) return;
    const seqs = this.#pending.map((refused) => refused.seq);
    try {
      this.flush();
    } catch {
      this.#retryAt = this.#options.now() + PROBE_INTERVAL_MS;
      return;
    }
    const kept = this.#options.kept?.();
    if (!kept) return;
    this.#options.logError(
      `[REPLAY_REFUSED] journal ${seqs.length === 1 ? 'entry' : 'entries'} ${seqs.join(', ')} kept in ${kept.location} after all: snapshots are written again (${kept.count} acknowledged ${kept.count === 1 ? 'request not in the state is' : 'requests not in the state are'} kept there)`,
      undefined,
    );
  }
}
