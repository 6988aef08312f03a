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
});
