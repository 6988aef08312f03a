import type { NonceStore } from '@gdx/protocol';

const SWEEP_INTERVAL_MS = 30_000;

/** A remembered nonce in a snapshot. */
export interface SavedNonce {
  appKey: string;
  nonce: string;
  /** Epoch ms after which the timestamp window refuses the request anyway. */
  expiresAt: number;
}

/**
 * The nonce store of a sandbox: `@gdx/protocol`'s `MemoryNonceStore` semantics (a nonce is
 * refused until its expiry; expired ones are swept at most every 30 s, so memory stays bounded by
 * the request rate times the window), plus `save` so a data directory's snapshot can carry the
 * unexpired nonces across a restart (`MemoryNonceStore` cannot list its entries).
 *
 * @example
 * ```ts
 * const store = new SandboxNonceStore();
 * store.remember('ak_1', 'nonce-0123456789ab', now + 300_001, now); // true
 * new SandboxNonceStore(store.save()).remember('ak_1', 'nonce-0123456789ab', now + 300_001, now); // false
 * ```
 */
export class SandboxNonceStore implements NonceStore {
  readonly #seen = new Map<string, SavedNonce>();
  #latestNow = Number.NEGATIVE_INFINITY;
  #nextSweepAt = Number.NEGATIVE_INFINITY;

  constructor(saved: readonly SavedNonce[] = []) {
    for (const n of saved) this.#seen.set(keyOf(n.appKey, n.nonce), { ...n });
  }

  remember(appKey: string, nonce: string, expiresAt: number, now: number): boolean {
    this.#latestNow = Math.max(this.#latestNow, now);
    if (now >= this.#nextSweepAt) this.#sweep(now);
    const key = keyOf(appKey, nonce);
    const known = this.#seen.get(key);
    if (known !== undefined && known.expiresAt > now) return false;
    this.#seen.set(key, { appKey, nonce, expiresAt });
    return true;
  }

  /** The nonces not expired at the latest time the store was asked about. */
  save(): SavedNonce[] {
    return [...this.#seen.values()].filter((n) => n.expiresAt > this.#latestNow).map((n) => ({ ...n }));
  }

  #sweep(now: number): void {
    for (const [key, n] of this.#seen) if (n.expiresAt <= now) this.#seen.delete(key);
    this.#nextSweepAt = now + SWEEP_INTERVAL_MS;
  }
}

function keyOf(appKey: string, nonce: string): string {
  return `${appKey}\n${nonce}`;
}
