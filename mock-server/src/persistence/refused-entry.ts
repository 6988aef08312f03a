import type { CommandEntry } from './journal-entry.js';

/**
 * A journal entry that was acknowledged once (answered 2xx/3xx) and that a later replay refused —
 * typically input an older version took and a check added since refuses. The rebuilt state lacks
 * what it did, and the next snapshot stops replaying it, so it is kept here for good: one JSON
 * line of `replay-refused.jsonl` in the data directory, never rewritten.
 *
 * @example
 * ```ts
 * const refused: RefusedEntry = {
 *   seq: 12, sandbox: null, refusedAt: '2026-12-05T01:00:00.000Z', refusedBy: '0.2.0',
 *   acknowledgedAt: '2026-12-04T01:00:00.000Z', answered: 201, replayStatus: 400,
 *   problem: { code: 'VALIDATION_FAILED', status: 400 },
 *   entry: { seq: 12, kind: 'command', at: 1764810000000, method: 'POST', path: '/_sim/v1/sandboxes', query: '', body: '{"id":"not an id!"}', status: 201 },
 * };
 * ```
 */
export interface RefusedEntry {
  /** The entry's sequence number in the journal. */
  seq: number;
  /** The sandbox its path names (`default` for a platform path without one); `null` for the registry's own operations (creating, importing a sandbox). */
  sandbox: string | null;
  /** When the replay refused it (wall time, RFC 3339 UTC): the first start, or snapshot, that met it. */
  refusedAt: string;
  /** The `@gdx/mock-server` version whose replay refused it. */
  refusedBy: string;
  /** When it was acknowledged (the entry's `at`, RFC 3339 UTC). */
  acknowledgedAt: string;
  /** The status it was answered then. */
  answered: number;
  /** The status its replay answered. */
  replayStatus: number;
  /** The problem+json its replay answered (or the answer's text when it was not JSON). */
  problem: unknown;
  /** The request as journaled: method, path, query, content type, idempotency key, body, caller. */
  entry: CommandEntry;
}

/** What a store holds of the entries replays refused (`Store.refused`). */
export interface RefusedEntries {
  /** Where they are kept (`.gdx-data/replay-refused.jsonl`). */
  readonly location: string;
  /** How many distinct entries are kept there. */
  readonly count: number;
  /** Lines of the file that could not be read as a refused entry (1-based): skipped, left as they are. */
  readonly damagedLines: readonly number[];
}

/**
 * What tells two refused entries apart: the same journal entry refused by two starts (or by a start
 * and the compaction worker) is kept once. The time is part of it because a repaired journal may
 * number new entries after its newest snapshot, below an entry refused before the repair.
 *
 * @example
 * ```ts
 * refusedEntryKey({ seq: 12, at: 1764810000000, method: 'POST', path: '/_sim/v1/sandboxes' }); // '12 1764810000000 POST /_sim/v1/sandboxes'
 * ```
 */
export function refusedEntryKey(entry: Pick<CommandEntry, 'seq' | 'at' | 'method' | 'path'>): string {
  return `${entry.seq} ${entry.at} ${entry.method} ${entry.path}`;
}

/**
 * Where refused entries could not be kept, which decides what the message advises: `start` (the
 * start stops), `serving` (a sandbox restored after the start: the mock goes on), or neither (a
 * snapshot about to be written: it is not, and the log says so).
 */
export type RefusedKeepMoment = 'start' | 'serving';

/**
 * Refused entries could not be kept (a full disk, a file that cannot be written or read). Nothing
 * is dropped meanwhile: the entries a snapshot already covers stay in the file as they are, the
 * newer ones in the journal, and no snapshot that would stop replaying them is written. At start
 * the start stops with this, naming the file; later (a sandbox restored after the start) it is
 * logged, health reports it, and snapshots wait until keeping them succeeds.
 *
 * @example
 * ```ts
 * try { createApp({ dataDir: '.gdx-data' }); } catch (error) { if (error instanceof RefusedEntriesUnavailableError) console.error(error.message); }
 * ```
 */
export class RefusedEntriesUnavailableError extends Error {
  readonly code = 'REPLAY_REFUSED_NOT_KEPT';
  /** The file (or other place) the entries were to be kept in. */
  readonly location: string;
  /** The same as `location`: the file a start-up refusal names as its `path`. */
  get path(): string {
    return this.location;
  }
  /** The entries that could not be written; empty when the file itself could not be read (with nothing to keep). */
  readonly seqs: readonly number[];
  /** Where it happened, if told: the message then says what follows and what to do. */
  readonly moment: RefusedKeepMoment | undefined;

  constructor(location: string, seqs: readonly number[], cause: unknown, moment?: RefusedKeepMoment) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const what = seqs.length === 0 ? `could not read ${location}` : `could not keep journal ${seqs.length === 1 ? 'entry' : 'entries'} ${seqs.join(', ')} (acknowledged once, refused at replay) in ${location}`;
    super(`[REPLAY_REFUSED_NOT_KEPT] 重放时被拒的已确认请求无法保存，未写入快照 / ${what}: ${reason}. ${consequence(seqs, moment)}`, { cause });
    this.name = 'RefusedEntriesUnavailableError';
    this.location = location;
    this.seqs = seqs;
    this.moment = moment;
  }

  /** The same failure, worded for where it was met. */
  at(moment: RefusedKeepMoment): RefusedEntriesUnavailableError {
    return new RefusedEntriesUnavailableError(this.location, this.seqs, this.cause, moment);
  }
}

/** What the failure leaves behind, and what to do about it where it was met. */
function consequence(seqs: readonly number[], moment: RefusedKeepMoment | undefined): string {
  const they = seqs.length === 1 ? 'it' : 'they';
  if (seqs.length === 0) {
    // Only a start reads the file without keeping anything: what it holds may be kept nowhere else.
    return (
      'Nothing was changed: the file is left as it is (the entries a snapshot already covers are kept only there), and the journal still holds the entries after the newest snapshot. ' +
      'Make it a readable file again (or move it aside: a new one is started) and start again.'
    );
  }
  const kept = `Nothing was dropped: the journal still holds ${they === 'it' ? 'this entry' : 'these entries'}, and no snapshot is written until ${they} ${they === 'it' ? 'is' : 'are'} kept.`;
  if (moment === 'start') return `${kept} The start stops; make the file writable (or free the disk) and start again.`;
  if (moment === 'serving') {
    return `${kept} The mock goes on serving without what ${they} did; GET /_sim/v1/health answers status "degraded" with storage.replayRefused.notKept. Make the file writable (or free the disk): health tries again (at most once a second), and so does each snapshot due.`;
  }
  return kept;
}
