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
 * In-memory {@link NonceStore}. Memory stays bounded by the request rate times the window:
 * entries past their expiry are swept at most once per `sweepIntervalMs`, so the cost per
 * request is O(1) amortised.
 *
 * @example
 * ```ts
 * import { MemoryNonceStore, verifySignature } from '@gdx/protocol';
 * const nonceStore = new MemoryNonceStore();
 * verifySignature({ method, url, headers, body, lookupSecret, nonceStore });
 * ```
 */
export class MemoryNonceStore implements NonceStore {
  readonly #seen = new Map<string, number>();
  readonly #sweepIntervalMs: number;
  #nextSweepAt = 0;

  constructor(options: { sweepIntervalMs?: number } = {}) {
    this.#sweepIntervalMs = options.sweepIntervalMs ?? 30_000;
  }

  /** Number of nonces currently remembered (for monitoring and tests). */
  get size(): number {
    return this.#seen.size;
  }

  remember(appKey: string, nonce: string, expiresAt: number, now: number): boolean {
    if (now >= this.#nextSweepAt) this.sweep(now);
    const key = `${appKey}\n${nonce}`;
    const known = this.#seen.get(key);
    if (known !== undefined && known > now) return false;
    this.#seen.set(key, expiresAt);
    return true;
  }

  /** Forgets every nonce whose expiry has passed. Called automatically; public for tests. */
  sweep(now: number): void {
    for (const [key, expiresAt] of this.#seen) if (expiresAt <= now) this.#seen.delete(key);
    this.#nextSweepAt = now + this.#sweepIntervalMs;
  }
}
