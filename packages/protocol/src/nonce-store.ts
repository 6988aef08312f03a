/**
 * Remembers nonces so a replayed request is refused. `remember` must be atomic: it answers
 * `false` when the nonce of this app key was already seen (a replay) and otherwise stores it
 * until `expiresAt` (epoch ms), after which the timestamp window refuses the request anyway.
 *
 * @example
 * ```ts
 * const store: NonceStore = new MemoryNonceStore();
 * store.remember('ak_1', 'nonce-0123456789ab', Date.now() + 600_000, Date.now()); // true
 * ```
 */
export interface NonceStore {
  remember(appKey: string, nonce: string, expiresAt: number, now: number): boolean;
}

/**
 * A remembered nonce as {@link MemoryNonceStore.entries} lists it, for saving across a restart.
 *
 * @example
 * ```ts
 * const saved: SavedNonce = { appKey: 'ak_1', nonce: 'nonce-0123456789ab', expiresAt: 1758852300001 };
 * new MemoryNonceStore({ entries: [saved] });
 * ```
 */
export interface SavedNonce {
  appKey: string;
  nonce: string;
  /** Epoch ms after which the timestamp window refuses the request anyway. */
  expiresAt: number;
}

/** Options of {@link MemoryNonceStore}. */
export interface MemoryNonceStoreOptions {
  /** Expired nonces are swept at most this often (ms of the `now` passed in; default 30 000). */
  sweepIntervalMs?: number;
  /** Nonces to start from, e.g. what `entries()` answered before a restart. */
  entries?: readonly SavedNonce[];
}

/**
 * In-memory {@link NonceStore}. Memory stays bounded by the request rate times the window:
 * entries past their expiry are swept at most once per `sweepIntervalMs`, so the cost per
 * request is O(1) amortised. To survive a restart, save `entries()` and pass them back as the
 * `entries` option.
 *
 * @example
 * ```ts
 * import { MemoryNonceStore, verifySignature } from '@gdx/protocol';
 * const nonceStore = new MemoryNonceStore();
 * verifySignature({ method, url, headers, body, lookupSecret, nonceStore });
 * // After a restart the captured request is still refused:
 * const restarted = new MemoryNonceStore({ entries: nonceStore.entries() });
 * ```
 */
export class MemoryNonceStore implements NonceStore {
  readonly #seen = new Map<string, SavedNonce>();
  readonly #sweepIntervalMs: number;
  #nextSweepAt = Number.NEGATIVE_INFINITY;
  #latestNow = Number.NEGATIVE_INFINITY;

  constructor(options: MemoryNonceStoreOptions = {}) {
    this.#sweepIntervalMs = options.sweepIntervalMs ?? 30_000;
    for (const n of options.entries ?? []) this.#seen.set(keyOf(n.appKey, n.nonce), { appKey: n.appKey, nonce: n.nonce, expiresAt: n.expiresAt });
  }

  /** Number of nonces currently remembered (for monitoring and tests). */
  get size(): number {
    return this.#seen.size;
  }

  remember(appKey: string, nonce: string, expiresAt: number, now: number): boolean {
    if (now >= this.#nextSweepAt) this.sweep(now);
    else this.#latestNow = Math.max(this.#latestNow, now);
    const key = keyOf(appKey, nonce);
    const known = this.#seen.get(key);
    if (known !== undefined && known.expiresAt > now) return false;
    this.#seen.set(key, { appKey, nonce, expiresAt });
    return true;
  }

  /** Forgets every nonce whose expiry has passed. Called automatically; public for tests. */
  sweep(now: number): void {
    this.#latestNow = Math.max(this.#latestNow, now);
    for (const [key, n] of this.#seen) if (n.expiresAt <= now) this.#seen.delete(key);
    this.#nextSweepAt = now + this.#sweepIntervalMs;
  }

  /**
   * The nonces still unexpired at the latest `now` the store was given (copies), for saving.
   *
   * @example
   * ```ts
   * const store = new MemoryNonceStore();
   * store.remember('ak_1', 'nonce-0123456789ab', 1_000 + 300_001, 1_000);
   * store.entries(); // [{ appKey: 'ak_1', nonce: 'nonce-0123456789ab', expiresAt: 301001 }]
   * ```
   */
  entries(): SavedNonce[] {
    const out: SavedNonce[] = [];
    for (const n of this.#seen.values()) if (n.expiresAt > this.#latestNow) out.push({ ...n });
    return out;
  }
}

function keyOf(appKey: string, nonce: string): string {
  return `${appKey}\n${nonce}`;
}
