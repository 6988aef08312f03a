/** A stored answer, replayed byte for byte. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Saved form of one completed key. */
export interface IdempotencyRecord {
  scope: string;
  fingerprint: string;
  answer: StoredAnswer;
  /** The sandbox the request made, for a key the app keeps (`POST /_sim/v1/sandboxes`): the record goes when that sandbox is deleted. */
  owner?: string;
}

/** Result of `IdempotencyStore.run`; answer only after `durable` resolves. */
export type IdempotencyOutcome =
  | { kind: 'fresh'; answer: StoredAnswer; durable: Promise<void> }
  | { kind: 'replayed'; answer: StoredAnswer; durable: Promise<void> }
  /** The key was first used for another request: `known` is that request's fingerprint. */
  | { kind: 'conflict'; known: string };

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
 * store.run('org_1\nkey-1', 'POST /entries <sha>', () => ({ answer: { status: 201, headers: {}, body: '{}' }, durable: Promise.resolve() }));
 * // → { kind: 'fresh', … }; the same call again → { kind: 'replayed', … }
 * ```
 */
export class IdempotencyStore {
  readonly #entries = new Map<string, Entry>();

  /** A store holding `saved` (a snapshot's records, parsed for it alone: their answers are kept, not copied). */
  constructor(saved: readonly IdempotencyRecord[] = []) {
    const durable = Promise.resolve();
    for (const r of saved) this.#entries.set(r.scope, { fingerprint: r.fingerprint, answer: r.answer, owner: r.owner, durable });
  }

  /**
   * Answers a known key from its record (or `conflict` for another request under it), else
   * executes and records an accepted answer. With `replaying` (a journal entry at start) it always
   * executes, and the answer becomes the key's record: every journal entry was executed when it
   * was acknowledged — a journal written before a route honoured keys may hold the same key twice.
   */
  run(scope: string, fingerprint: string, execute: () => Execution, replaying = false): IdempotencyOutcome {
    const known = replaying ? undefined : this.#entries.get(scope);
    if (known) return known.fingerprint === fingerprint ? { kind: 'replayed', answer: known.answer, durable: known.durable } : { kind: 'conflict', known: known.fingerprint };
    const { answer, durable, owner } = execute();
    if (answer.status < 400) {
      const entry: Entry = { fingerprint, answer, owner, durable };
      this.#entries.set(scope, entry);
      durable.catch(() => {
        if (this.#entries.get(scope) === entry) this.#entries.delete(scope);
      });
    }
    return { kind: 'fresh', answer, durable };
  }

  /** Drops the records of what `owner` made (a deleted sandbox): the same key then makes a new one. */
  forgetOwner(owner: string): void {
    for (const [scope, entry] of this.#entries) if (entry.owner === owner) this.#entries.delete(scope);
  }

  save(): IdempotencyRecord[] {
    return [...this.#entries].map(([scope, { fingerprint, answer, owner }]) => ({ scope, fingerprint, answer: structuredClone(answer), ...(owner !== undefined ? { owner } : {}) }));
  }
}
