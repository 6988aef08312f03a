import type { CommandEntry } from '../persistence/journal-entry.js';
import { refusedEntryKey, type RefusedEntries, type RefusedEntry } from '../persistence/refused-entry.js';
import { MOCK_SERVER_VERSION } from '../version.js';
import type { ReplayRefusal } from './dispatcher.js';

/** What `ReplayRefusals` needs from its app. */
export interface ReplayRefusalsOptions {
  /** Keeps refused entries durably (`Store.keepRefused`); throws when it could not. Absent: nothing to keep them in. */
  keep: ((refusals: readonly RefusedEntry[]) => void) | undefined;
  /** What the store keeps already (`Store.refused`): where, for the log; its damaged lines are logged once, here. */
  kept: RefusedEntries | undefined;
  logError: (message: string, error: unknown) => void;
  /** Real wall time (never the replay's pinned one). */
  now: () => number;
}

/**
 * The journal entries this process's replays refused although they were acknowledged once. Each is
 * logged (`[REPLAY_REFUSED]`) and waits here until `flush` has kept it durably; the app flushes at
 * the end of its start (a failure stops the start), right after restoring a sandbox later, and
 * before any snapshot (a failure means no snapshot), so no snapshot stops replaying an entry before
 * it is kept. An entry met again (a rollback replays the journal anew) is noted once.
 *
 * @example
 * ```ts
 * const refusals = new ReplayRefusals({ keep: (r) => store.keepRefused(r), kept: store.refused, logError, now: Date.now });
 * const refusal = dispatcher.replay(entry);
 * if (refusal) refusals.note(entry, refusal);
 * refusals.flush(); // throws RefusedEntriesUnavailableError if they could not be kept
 * ```
 */
export class ReplayRefusals {
  readonly #options: ReplayRefusalsOptions;
  readonly #noted = new Set<string>();
  #pending: RefusedEntry[] = [];

  constructor(options: ReplayRefusalsOptions) {
    this.#options = options;
    const damaged = options.kept?.damagedLines ?? [];
    if (damaged.length > 0) {
      options.logError(`[REPLAY_REFUSED] ${options.kept!.location}: ${damaged.length === 1 ? 'line' : 'lines'} ${damaged.join(', ')} cannot be read as refused entries; skipped, and left in the file as they are`, undefined);
    }
  }

  /** Refused entries not kept yet (a keep failed since the start: no snapshot is written meanwhile). */
  get pending(): number {
    return this.#pending.length;
  }

  /** Logs a refused entry and holds it for the next `flush`. */
  note(entry: CommandEntry, refusal: ReplayRefusal): void {
    const key = refusedEntryKey(entry);
    if (this.#noted.has(key)) return;
    this.#noted.add(key);
    const location = this.#options.kept?.location;
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

  /** Keeps what is pending; throws (keeping it pending) when the store could not. */
  flush(): void {
    if (this.#pending.length === 0 || !this.#options.keep) return;
    this.#options.keep(this.#pending);
    this.#pending = [];
  }

  /** `flush` for a moment with no start to stop (a sandbox restored while serving): a failure is logged, and snapshots wait. */
  flushOrLog(): void {
    try {
      this.flush();
    } catch (error) {
      this.#options.logError('[REPLAY_REFUSED_NOT_KEPT] refused journal entries could not be kept; the journal keeps them and no snapshot is written until they are', error);
    }
  }
}
