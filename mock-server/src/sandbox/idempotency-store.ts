/** A stored answer, replayed byte for byte. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Saved form of one completed key: its answer, or the sandbox it made that was deleted since. */
export type IdempotencyRecord = KeptRecord | DeletedRecord;

/** A completed key and its answer. */
export interface KeptRecord {
  scope: string;
  fingerprint: string;
  answer: StoredAnswer;
  /** The sandbox the request made, for a key the app keeps (`POST /_sim/v1/sandboxes`): deleting that sandbox turns the record into a `DeletedRecord`. */
  owner?: string;
}

/** A key whose sandbox (`KeptRecord.owner`) was deleted: the answer is gone, the key is not free. */
export interface DeletedRecord {
  scope: string;
  fingerprint: string;
  deleted: string;
}

/**
 * The settled promise of an answer with nothing to wait for (no journal write). It never
 * rejects, so the store sets no handler on it (no reaction queued per kept answer).
 */
export const SETTLED: Promise<void> = Promise.resolve();

/** The most keys kept of deleted sandboxes; past it the oldest deleted one is forgotten (and its key makes a new sandbox again). */
export const MAX_DELETED_KEYS = 10_000;

/** How a keyed request is answered (`IdempotencyStore.known`, then `record`); answer only after `durable` resolves. */
export type IdempotencyOutcome =
  | { kind: 'fresh'; answer: StoredAnswer; durable: Promise<void> }
  | { kind: 'replayed'; answer: StoredAnswer; durable: Promise<void> }
  /** The key was first used for another request: `known` is that request's fingerprint. */
  | { kind: 'conflict'; known: string }
  /** The key made the sandbox `sandboxId`, deleted since: nothing to replay, and nothing runs. */
  | { kind: 'deleted'; sandboxId: string };

/** What `run` executes for a key it does not know: the answer, when it is durable, and what it made (see `IdempotencyRecord.owner`). */
export interface Execution {
  answer: StoredAnswer;
  durable: Promise<void>;
  owner?: string | undefined;
}

interface Entry {
  fingerprint: string;
  answer: StoredAnswer;
  owner: string | undefined;
  /** Resolves once the first execution's journal entry is on disk. */
  durable: Promise<void>;
}

/** What is left of an entry whose sandbox was deleted. */
interface Deleted {
  fingerprint: string;
  deleted: string;
}

/**
 * Idempotency keys of one sandbox (scoped by organisation, or by the simulation API), or of the
 * app (the keys of sandbox creations). Execution is synchronous, so a key is
 * recorded in the same turn it is executed: concurrent duplicates can never both execute. Until
 * the first execution is durable its record stays "in flight" and duplicates wait on it, so no
 * replay is answered before the original. Only accepted answers (< 400) are stored: a refused
 * request changed nothing, so its retry executes again (and a refusal leaves no trace in the
 * state); a failed journal write forgets the key too.
 *
 * @example
 * ```ts
 * const store = new IdempotencyStore();
 * const outcome = store.known(scope, fingerprint) ?? store.record(scope, fingerprint, execute());
 * // → { kind: 'fresh', … } the first time; then { kind: 'replayed', … } (or `conflict` for another request)
 * ```
 */
export class IdempotencyStore {
  readonly #entries = new Map<string, Entry | Deleted>();
  /** The scopes of `Deleted` entries, oldest deletion first (a Set keeps insertion order). */
  readonly #deleted = new Set<string>();
  /** The scopes of the entries each owner made, so that deleting a sandbox does not walk every key. */
  readonly #owned = new Map<string, Set<string>>();

  /** A store holding `saved` (a snapshot's records, parsed for it alone: their answers are kept, not copied). */
  constructor(saved: readonly IdempotencyRecord[] = []) {
    const durable = SETTLED;
    for (const r of saved) {
      if ('deleted' in r) this.#markDeleted(r.scope, { fingerprint: r.fingerprint, deleted: r.deleted });
      else this.#keep(r.scope, { fingerprint: r.fingerprint, answer: r.answer, owner: r.owner, durable });
    }
  }

  /**
   * The answer kept under `scope` when it was given to this very request (its fingerprint in any
   * of `fingerprints`' forms), running nothing; else `undefined`. A retry of an accepted request is
   * answered so even where a check added since refuses the request before its key is looked up.
   */
  kept(scope: string, fingerprints: readonly string[]): IdempotencyOutcome | undefined {
    const known = this.#entries.get(scope);
    if (!known || 'deleted' in known || !fingerprints.includes(known.fingerprint)) return undefined;
    return { kind: 'replayed', answer: known.answer, durable: known.durable };
  }

  /**
   * How a known key answers (`replayed`, `deleted`, or `conflict` for another request under it),
   * running nothing; `undefined` for a key not known. With {@link IdempotencyStore.record} it is
   * how a keyed request runs: `known`, else execute and `record`, in the same turn (nothing else
   * may record the key between the two calls). A replayed journal entry skips `known`: every
   * journal entry was executed when it was acknowledged — a journal written before a route
   * honoured keys may hold the same key twice.
   */
  known(scope: string, fingerprint: string): IdempotencyOutcome | undefined {
    const known = this.#entries.get(scope);
    if (known === undefined) return undefined;
    if (known.fingerprint !== fingerprint) return { kind: 'conflict', known: known.fingerprint };
    return 'deleted' in known ? { kind: 'deleted', sandboxId: known.deleted } : { kind: 'replayed', answer: known.answer, durable: known.durable };
  }

  /**
   * Records what a key's first execution answered, if it was accepted (< 400), in place of what
   * was kept under `scope` (a replayed journal entry may hold a key twice); a refusal is not kept.
   */
  record(scope: string, fingerprint: string, execution: Execution): Extract<IdempotencyOutcome, { kind: 'fresh' }> {
    const { answer, durable } = execution;
    if (answer.status < 400) {
      const entry: Entry = { fingerprint, answer, owner: execution.owner, durable };
      this.#keep(scope, entry);
      // Only a journal write can fail: an answer with nothing to wait for needs no handler.
      if (durable !== SETTLED) durable.catch(() => this.#dropIfStill(scope, entry));
    }
    return { kind: 'fresh', answer, durable };
  }

  /** Forgets `scope` if it still holds `entry` (its journal write failed). */
  #dropIfStill(scope: string, entry: Entry): void {
    if (this.#entries.get(scope) === entry) this.#drop(scope);
  }

  /**
   * Drops the answers of what `owner` made (a deleted sandbox) and keeps its keys as deleted: the
   * same request with such a key is answered `deleted` (it neither replays an answer naming a
   * sandbox that is gone nor makes another one), another request `conflict`. At most
   * `MAX_DELETED_KEYS` are kept, the oldest deletion forgotten first.
   */
  forgetOwner(owner: string): void {
    for (const scope of this.#owned.get(owner) ?? []) {
      const entry = this.#entries.get(scope);
      if (entry) this.#markDeleted(scope, { fingerprint: entry.fingerprint, deleted: owner });
    }
  }

  /** Records a live entry under `scope`, in place of whatever was there. */
  #keep(scope: string, entry: Entry): void {
    this.#drop(scope);
    this.#entries.set(scope, entry);
    if (entry.owner === undefined) return;
    let scopes = this.#owned.get(entry.owner);
    if (!scopes) this.#owned.set(entry.owner, (scopes = new Set()));
    scopes.add(scope);
  }

  #markDeleted(scope: string, deleted: Deleted): void {
    // Moved to the end of both: the saved records keep the order of deletion.
    this.#drop(scope);
    this.#entries.set(scope, deleted);
    this.#deleted.add(scope);
    for (const oldest of this.#deleted) {
      if (this.#deleted.size <= MAX_DELETED_KEYS) break;
      this.#drop(oldest);
    }
  }

  /** Forgets `scope`, live or deleted. */
  #drop(scope: string): void {
    const entry = this.#entries.get(scope);
    if (!entry) return;
    this.#entries.delete(scope);
    if ('deleted' in entry) this.#deleted.delete(scope);
    else if (entry.owner !== undefined) {
      const scopes = this.#owned.get(entry.owner);
      scopes?.delete(scope);
      if (scopes?.size === 0) this.#owned.delete(entry.owner);
    }
  }

  save(): IdempotencyRecord[] {
    return [...this.#entries].map(([scope, entry]): IdempotencyRecord => {
      if ('deleted' in entry) return { scope, fingerprint: entry.fingerprint, deleted: entry.deleted };
      const { fingerprint, answer, owner } = entry;
      return { scope, fingerprint, answer: structuredClone(answer), ...(owner !== undefined ? { owner } : {}) };
    });
  }
}
