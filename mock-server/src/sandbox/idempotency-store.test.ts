import { describe, expect, it } from 'vitest';
import { IdempotencyStore, MAX_DELETED_KEYS } from './idempotency-store.js';

const made = (owner: string) => () => ({ answer: { status: 201, headers: {}, body: `{"id":"${owner}"}` }, durable: Promise.resolve(), owner });

describe('IdempotencyStore: keys of deleted sandboxes', () => {
  it('keeps the last MAX_DELETED_KEYS of them, in the order of deletion, also across save and restore', () => {
    const store = new IdempotencyStore();
    for (let i = 0; i <= MAX_DELETED_KEYS; i += 1) {
      store.run(`k${i}`, 'f', made(`sbx_${i}`));
      store.forgetOwner(`sbx_${i}`);
    }
    // The oldest deletion is forgotten: its key runs again.
    expect(store.run('k0', 'f', made('sbx_again')).kind).toBe('fresh');
    expect(store.run('k1', 'f', made('sbx_never'))).toEqual({ kind: 'deleted', sandboxId: 'sbx_1' });
    const restored = new IdempotencyStore(store.save());
    expect(restored.run(`k${MAX_DELETED_KEYS}`, 'f', made('sbx_never'))).toEqual({ kind: 'deleted', sandboxId: `sbx_${MAX_DELETED_KEYS}` });
    expect(restored.run('k1', 'other', made('sbx_never'))).toEqual({ kind: 'conflict', known: 'f' });
    expect(restored.save()).toHaveLength(MAX_DELETED_KEYS + 1);
  });
});
