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
}

/** Result of `IdempotencyStore.run`; answer only after `durable` resolves. */
export type IdempotencyOutcome =
  | { kind: 'fresh'; answer: StoredAnswer; durable: Promise<void> }
  | { kind: 'replayed'; answer: StoredAnswer; durable: Promise<void> }
  | { kind: 'conflict' };

interface Entry {
  fingerprint: string;
  answer: StoredAnswer;
  /** Resolves once the first execution's journal entry is on disk. */
  durable: Promise<void>;
}

/**
 * Idempotency keys of one sandbox, scoped by organisation. Execution is synchronous, so a key is
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
    for (const r of saved) this.#entries.set(r.scope, { fingerprint: r.fingerprint, answer: r.answer, durable });
  }

  run(scope: string, fingerprint: string, execute: () => { answer: StoredAnswer; durable: Promise<void> }): IdempotencyOutcome {
    const known = this.#entries.get(scope);
    if (known) return known.fingerprint === fingerprint ? { kind: 'replayed', answer: known.answer, durable: known.durable } : { kind: 'conflict' };
    const { answer, durable } = execute();
    if (answer.status < 400) {
      const entry: Entry = { fingerprint, answer, durable };
      this.#entries.set(scope, entry);
      durable.catch(() => {
        if (this.#entries.get(scope) === entry) this.#entries.delete(scope);
      });
    }
    return { kind: 'fresh', answer, durable };
  }

  save(): IdempotencyRecord[] {
    return [...this.#entries].map(([scope, { fingerprint, answer }]) => ({ scope, fingerprint, answer: structuredClone(answer) }));
  }
}
