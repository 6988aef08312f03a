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
  /** Wall time (epoch ms) of the key's first answer; absent in snapshots from before keys expired (see `IdempotencyStoreOptions.wall`). */
  at?: number;
  /** The stored bytes the record alone holds (`Execution.bytes`), freed when it expires; absent: none. */
  bytes?: number;
}

/** A key whose sandbox (`KeptRecord.owner`) was deleted: the answer is gone, the key is not free. */
export interface DeletedRecord {
  scope: string;
  fingerprint: string;
  deleted: string;
  /** As `KeptRecord.at`: a deleted sandbox's key expires when its answer would have. */
  at?: number;
}

/**
 * The settled promise of an answer with nothing to wait for (no journal write). It never
 * rejects, so the store sets no handler on it (no reaction queued per kept answer).
 */
export const SETTLED: Promise<void> = Promise.resolve();

/** The most keys kept of deleted sandboxes; past it the oldest deleted one is forgotten (and its key makes a new sandbox again). */
export const MAX_DELETED_KEYS = 10_000;

/** How long a key's record is kept after its first answer, by default: 24 hours (Stripe's retention). */
export const DEFAULT_IDEMPOTENCY_RETENTION_MS = 86_400_000;

/**
 * How many records one `sweep` looks at: the pruning a write pays for is bounded, and a store is
 * looked through in full once per (its size / this) writes, faster than one write adds a record.
 */
export const SWEEP_BATCH = 64;

/** Options of {@link IdempotencyStore}. */
export interface IdempotencyStoreOptions {
  /** How long a record is kept after its key's first answer, in ms (default `DEFAULT_IDEMPOTENCY_RETENTION_MS`). */
  retentionMs?: number;
  /**
   * Wall time (default `Date.now`): pinned to a journal entry's time while it is replayed, so a
   * replayed record expires when the live one did. A saved record without a time (from before
   * keys expired) counts from when it is restored: it is kept at least as long as promised.
   */
  wall?: () => number;
  /** Told the stored bytes (`Execution.bytes`) of each record that expires, to take off its sandbox's count. */
  onExpired?: (bytes: number) => void;
}

/**
 * `record` without its time and bytes: what an imported snapshot's record becomes — its key counts
 * from the import, and holds none of the bytes the import starts counting anew.
 *
 * @example
 * ```ts
 * countedAnew({ scope: 'k', fingerprint: 'f', deleted: 'sbx_1', at: 0 }); // { scope: 'k', fingerprint: 'f', deleted: 'sbx_1' }
 * ```
 */
export function countedAnew(record: IdempotencyRecord): IdempotencyRecord {
  const { at: _at, ...rest } = record;
  if ('deleted' in rest) return rest;
  const { bytes: _bytes, ...kept } = rest;
  return kept;
}

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
  /** The stored bytes (quotas) the record alone holds — the body and answer of an operation that stores nothing else — freed when it expires. */
  bytes?: number;
}

interface Entry {
  fingerprint: string;
  answer: StoredAnswer;
  owner: string | undefined;
  /** Resolves once the first execution's journal entry is on disk. */
  durable: Promise<void>;
  at: number;
  bytes: number;
}

/** What is left of an entry whose sandbox was deleted. */
interface Deleted {
  fingerprint: string;
  deleted: string;
  at: number;
}

/**
 * Idempotency keys of one sandbox (scoped by organisation, or by the simulation API), or of the
 * app (the keys of sandbox creations). Execution is synchronous, so a key is
 * recorded in the same turn it is executed: concurrent duplicates can never both execute. Until
 * the first execution is durable its record stays "in flight" and duplicates wait on it, so no
 * replay is answered before the original. Only accepted answers (< 400) are stored: a refused
 * request changed nothing, so its retry executes again (and a refusal leaves no trace in the
 * state); a failed journal write forgets the key too. A record expires `retentionMs` after the
 * key's first answer (wall time: clients retry in real time, whatever a sandbox's clock says):
 * the key then runs as a new request. Expired records are looked through in bounded batches
 * (`sweep`) and left out of `save`, so a snapshot holds none; a restart before the next snapshot
 * replays them from the journal with their first answer's time, and they are expired again.
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
  readonly #retentionMs: number;
  readonly #wall: () => number;
  readonly #onExpired: ((bytes: number) => void) | undefined;
  /** Where `sweep` goes on from: a Map's iterator survives deletions and visits what is added. */
  #sweeping: Iterator<[string, Entry | Deleted]> | undefined;

  /** A store holding `saved` (a snapshot's records, parsed for it alone: their answers are kept, not copied). */
  constructor(saved: readonly IdempotencyRecord[] = [], options: IdempotencyStoreOptions = {}) {
    this.#retentionMs = options.retentionMs ?? DEFAULT_IDEMPOTENCY_RETENTION_MS;
    this.#wall = options.wall ?? Date.now;
    this.#onExpired = options.onExpired;
    const durable = SETTLED;
    const restoredAt = saved.length > 0 ? this.#wall() : 0;
    for (const r of saved) {
      const at = r.at ?? restoredAt;
      if ('deleted' in r) this.#markDeleted(r.scope, { fingerprint: r.fingerprint, deleted: r.deleted, at });
      else this.#keep(r.scope, { fingerprint: r.fingerprint, answer: r.answer, owner: r.owner, durable, at, bytes: r.bytes ?? 0 });
    }
  }

  /**
   * The answer kept under `scope` when it was given to this very request (its fingerprint in any
   * of `fingerprints`' forms), running nothing; else `undefined`. A retry of an accepted request is
   * answered so even where a check added since refuses the request before its key is looked up.
   */
  kept(scope: string, fingerprints: readonly string[]): IdempotencyOutcome | undefined {
    const known = this.#live(scope);
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
    const known = this.#live(scope);
    if (known === undefined) return undefined;
    if (known.fingerprint !== fingerprint) return { kind: 'conflict', known: known.fingerprint };
    return 'deleted' in known ? { kind: 'deleted', sandboxId: known.deleted } : { kind: 'replayed', answer: known.answer, durable: known.durable };
  }

  /**
   * Records what a key's first execution answered, if it was accepted (< 400), in place of what
   * was kept under `scope` (a replayed journal entry may hold a key twice, or a key reused after
   * it expired); a refusal is not kept.
   */
  record(scope: string, fingerprint: string, execution: Execution): Extract<IdempotencyOutcome, { kind: 'fresh' }> {
    const { answer, durable } = execution;
    if (answer.status < 400) {
      const entry: Entry = { fingerprint, answer, owner: execution.owner, durable, at: this.#wall(), bytes: execution.bytes ?? 0 };
      // A replayed entry skips `known`: a record it replaces that had expired by then is expired
      // here too, as it was live (a journal's own duplicates are not: their bytes stay counted).
      this.#live(scope, entry.at);
      this.#keep(scope, entry);
      // Only a journal write can fail: an answer with nothing to wait for needs no handler.
      if (durable !== SETTLED) durable.catch(() => this.#dropIfStill(scope, entry));
    }
    return { kind: 'fresh', answer, durable };
  }

  /**
   * Forgets the expired records at the front of the store, then looks through the next `limit`
   * records (from where the last sweep stopped, round the store) and forgets those expired:
   * bounded work on the serving path. Records are kept in the order of their first answers, so
   * the front holds the oldest and the first pass alone is exact; the second reaches, once per
   * (size / limit) sweeps, the records out of that order (restored without a time, or answered
   * while the wall clock had gone back).
   */
  sweep(limit = SWEEP_BATCH): void {
    const now = this.#wall();
    this.expireOldest(now);
    for (let seen = 0; seen < limit; seen += 1) {
      this.#sweeping ??= this.#entries.entries();
      const next = this.#sweeping.next();
      if (next.done === true) {
        this.#sweeping = undefined;
        return;
      }
      const [scope, entry] = next.value;
      if (this.#expiredAt(entry, now)) this.#expire(scope, entry);
    }
  }

  /**
   * Forgets the expired records at the front of the store, up to the first that is not: the
   * oldest (see {@link IdempotencyStore.sweep}). Costs one look when none has expired.
   */
  expireOldest(now = this.#wall()): void {
    for (const [scope, entry] of this.#entries) {
      if (!this.#expiredAt(entry, now)) return;
      this.#expire(scope, entry);
    }
  }

  /** Forgets every expired record, in one pass over the store: for a sandbox about to be refused for its stored bytes. */
  expireAll(now = this.#wall()): void {
    for (const [scope, entry] of this.#entries) if (this.#expiredAt(entry, now)) this.#expire(scope, entry);
  }

  /** The stored bytes of the records expired at `now` and not swept yet: what `save(now)` leaves out. */
  expiredBytes(now = this.#wall()): number {
    let bytes = 0;
    for (const entry of this.#entries.values()) if (!('deleted' in entry) && this.#expiredAt(entry, now)) bytes += entry.bytes;
    return bytes;
  }

  /** The record of `scope` unless it had expired at `now` (then it is forgotten). */
  #live(scope: string, now = this.#wall()): Entry | Deleted | undefined {
    const entry = this.#entries.get(scope);
    if (entry === undefined || !this.#expiredAt(entry, now)) return entry;
    this.#expire(scope, entry);
    return undefined;
  }

  #expiredAt(entry: Entry | Deleted, now: number): boolean {
    return now - entry.at >= this.#retentionMs;
  }

  #expire(scope: string, entry: Entry | Deleted): void {
    this.#drop(scope);
    if (!('deleted' in entry) && entry.bytes > 0) this.#onExpired?.(entry.bytes);
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
      if (entry) this.#markDeleted(scope, { fingerprint: entry.fingerprint, deleted: owner, at: entry.at });
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

  /**
   * The records not expired at `now`, for a snapshot (copies). `exported`: without their times and
   * bytes, so an export reads the same whenever it is taken, and an import counts them anew (from
   * its own time, as it counts its stored bytes).
   */
  save(now = this.#wall(), exported = false): IdempotencyRecord[] {
    const records: IdempotencyRecord[] = [];
    for (const [scope, entry] of this.#entries) {
      if (this.#expiredAt(entry, now)) continue;
      const { fingerprint } = entry;
      const when = exported ? {} : { at: entry.at };
      if ('deleted' in entry) records.push({ scope, fingerprint, deleted: entry.deleted, ...when });
      else {
        const { answer, owner, bytes } = entry;
        records.push({ scope, fingerprint, answer: structuredClone(answer), ...(owner !== undefined ? { owner } : {}), ...when, ...(bytes > 0 && !exported ? { bytes } : {}) });
      }
    }
    return records;
  }
}
