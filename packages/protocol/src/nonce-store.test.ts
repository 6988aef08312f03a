import { describe, expect, it } from 'vitest';
import { MemoryNonceStore } from './nonce-store.js';

describe('MemoryNonceStore', () => {
  it('refuses a nonce seen before its expiry, per app key', () => {
    const store = new MemoryNonceStore();
    expect(store.remember('a', 'n1', 1000, 0)).toBe(true);
    expect(store.remember('a', 'n1', 1000, 500)).toBe(false);
    expect(store.remember('b', 'n1', 1000, 500)).toBe(true);
  });

  it('accepts the nonce again once it has expired', () => {
    const store = new MemoryNonceStore();
    store.remember('a', 'n1', 1000, 0);
    expect(store.remember('a', 'n1', 2000, 1000)).toBe(true);
  });

  it('forgets expired nonces so memory stays bounded', () => {
    const store = new MemoryNonceStore({ sweepIntervalMs: 100 });
    for (let i = 0; i < 1000; i++) store.remember('a', `n${i}`, i + 50, i);
    // At every sweep only nonces from the last ~150 ms of "time" can still be alive.
    expect(store.size).toBeLessThanOrEqual(150);
    store.sweep(10_000);
    expect(store.size).toBe(0);
  });

  it('lists the nonces unexpired at the latest time it was given, as copies', () => {
    const store = new MemoryNonceStore({ sweepIntervalMs: 1_000_000 });
    store.remember('a', 'n1', 1000, 0);
    store.remember('b', 'n2', 3000, 0);
    expect(store.entries()).toEqual([
      { appKey: 'a', nonce: 'n1', expiresAt: 1000 },
      { appKey: 'b', nonce: 'n2', expiresAt: 3000 },
    ]);
    // Not swept yet (long interval), but n1 expired by the time of this call: not listed.
    store.remember('c', 'n3', 4000, 1000);
    expect(store.size).toBe(3);
    expect(store.entries().map((n) => n.nonce)).toEqual(['n2', 'n3']);
    store.entries()[0]!.expiresAt = 0;
    expect(store.entries()[0]!.expiresAt).toBe(3000);
  });

  it('starts from saved entries: a saved nonce is refused until its expiry', () => {
    const first = new MemoryNonceStore();
    first.remember('a', 'n1', 1000, 0);
    const restarted = new MemoryNonceStore({ entries: first.entries() });
    expect(restarted.size).toBe(1);
    expect(restarted.remember('a', 'n1', 1000, 500)).toBe(false);
    expect(restarted.remember('a', 'n2', 1000, 500)).toBe(true);
    expect(restarted.remember('a', 'n1', 2000, 1000)).toBe(true);
  });

  it('drops saved entries that have expired at the first sweep', () => {
    const store = new MemoryNonceStore({ entries: [{ appKey: 'a', nonce: 'old', expiresAt: 10 }, { appKey: 'a', nonce: 'new', expiresAt: 5000 }] });
    store.remember('a', 'n', 6000, 100);
    expect(store.size).toBe(2);
    expect(store.entries().map((n) => n.nonce)).toEqual(['new', 'n']);
  });
});
