import { describe, expect, it } from 'vitest';
import { IdempotencyStore, MAX_DELETED_KEYS, SETTLED, type Execution, type IdempotencyOutcome, type IdempotencyRecord } from './idempotency-store.js';

/** A keyed request as the dispatcher runs it: the known answer, else execute and record. */
const run = (store: IdempotencyStore, scope: string, fingerprint: string, execute: () => Execution): IdempotencyOutcome =>
  store.known(scope, fingerprint) ?? store.record(scope, fingerprint, execute());

const made = (owner: string) => () => ({ answer: { status: 201, headers: {}, body: `{"id":"${owner}"}` }, durable: Promise.resolve(), owner });

describe('IdempotencyStore: keys of deleted sandboxes', () => {
  it('keeps the last MAX_DELETED_KEYS of them, in the order of deletion, also across save and restore', () => {
    const store = new IdempotencyStore();
    for (let i = 0; i <= MAX_DELETED_KEYS; i += 1) {
      run(store, `k${i}`, 'f', made(`sbx_${i}`));
      store.forgetOwner(`sbx_${i}`);
    }
    // The oldest deletion is forgotten: its key runs again.
    expect(run(store, 'k0', 'f', made('sbx_again')).kind).toBe('fresh');
    expect(run(store, 'k1', 'f', made('sbx_never'))).toEqual({ kind: 'deleted', sandboxId: 'sbx_1' });
    const restored = new IdempotencyStore(store.save());
    expect(run(restored, `k${MAX_DELETED_KEYS}`, 'f', made('sbx_never'))).toEqual({ kind: 'deleted', sandboxId: `sbx_${MAX_DELETED_KEYS}` });
    expect(run(restored, 'k1', 'other', made('sbx_never'))).toEqual({ kind: 'conflict', known: 'f' });
    expect(restored.save()).toHaveLength(MAX_DELETED_KEYS + 1);
  });
});

describe('IdempotencyStore: kept answers', () => {
  const bodies = [
    '',
    '{"id":"rga_1","name":"厦门市公共交通客流数据产品"}',
    '{"emoji":"😀 a pair of surrogates"}',
    // Not Unicode (a lone surrogate): a store that kept answers as UTF-8 bytes would give back U+FFFD.
    `{"lone":"${'\ud800'}"}`,
    `{"long":"${'路径'.repeat(15_000)}"}`,
    ...Array.from({ length: 200 }, (_, i) => JSON.stringify({ i, text: '数据'.repeat(i * 7) })),
  ];
  const answerOf = (body: string) => () => ({ answer: { status: 201, headers: { 'content-type': 'application/json', location: '/x' }, body }, durable: Promise.resolve() });

  it('answers a repeated key with the very text of the first answer, also after save and restore', () => {
    const store = new IdempotencyStore();
    bodies.forEach((body, i) => expect(run(store, `k${i}`, 'f', answerOf(body))).toMatchObject({ kind: 'fresh', answer: { body } }));
    const replayed = (from: IdempotencyStore) =>
      bodies.map((_, i) => {
        const outcome = run(from, `k${i}`, 'f', answerOf('never'));
        return outcome.kind === 'replayed' ? outcome.answer : outcome;
      });
    const expected = bodies.map((body) => ({ status: 201, headers: { 'content-type': 'application/json', location: '/x' }, body }));
    expect(replayed(store)).toEqual(expected);
    expect(bodies.map((_, i) => store.kept(`k${i}`, ['f'])?.kind)).toEqual(bodies.map(() => 'replayed'));
    const saved = store.save();
    expect(saved.map((r) => ('answer' in r ? r.answer : r))).toEqual(expected);
    expect(replayed(new IdempotencyStore(saved))).toEqual(expected);
  });

  it('saves copies: changing a saved answer changes nothing kept', () => {
    const store = new IdempotencyStore();
    run(store, 'k', 'f', answerOf('{"a":1}'));
    const [record] = store.save();
    if (!record || !('answer' in record)) throw new Error('no answer saved');
    record.answer.headers.location = '/changed';
    const again = run(store, 'k', 'f', answerOf('never'));
    expect(again.kind === 'replayed' && again.answer.headers.location).toBe('/x');
  });
});

describe('IdempotencyStore: known, then record (run split in two)', () => {
  const answer = (status: number, body: string) => ({ status, headers: {}, body });

  it('answers a key not known with undefined, then what record kept; refusals are not kept', () => {
    const store = new IdempotencyStore();
    expect(store.known('k', 'f')).toBeUndefined();
    expect(store.record('k', 'f', { answer: answer(400, 'refused'), durable: SETTLED })).toMatchObject({ kind: 'fresh' });
    expect(store.known('k', 'f')).toBeUndefined();
    expect(store.record('k', 'f', { answer: answer(201, 'made'), durable: SETTLED })).toEqual({ kind: 'fresh', answer: answer(201, 'made'), durable: SETTLED });
    expect(store.known('k', 'f')).toEqual({ kind: 'replayed', answer: answer(201, 'made'), durable: SETTLED });
    expect(store.known('k', 'other')).toEqual({ kind: 'conflict', known: 'f' });
    // The same answers as run gives.
    expect(run(store, 'k', 'f', () => ({ answer: answer(201, 'never'), durable: SETTLED }))).toEqual(store.known('k', 'f'));
  });

  it('forgets a key whose journal write failed, and keeps one recorded since under it', async () => {
    const store = new IdempotencyStore();
    let fail: (error: Error) => void = () => undefined;
    const failing = new Promise<void>((_, reject) => (fail = reject));
    store.record('k', 'f', { answer: answer(201, 'lost'), durable: failing });
    store.record('j', 'f', { answer: answer(201, 'lost'), durable: failing });
    store.record('j', 'g', { answer: answer(201, 'kept'), durable: SETTLED });
    fail(new Error('disk full'));
    await expect(failing).rejects.toThrow('disk full');
    await Promise.resolve();
    expect(store.known('k', 'f')).toBeUndefined();
    expect(store.known('j', 'g')).toMatchObject({ kind: 'replayed', answer: { body: 'kept' } });
  });
});

describe('IdempotencyStore: retention', () => {
  const HOUR = 3_600_000;
  const made = (body: string, bytes = 0) => (): Execution => ({ answer: { status: 201, headers: {}, body }, durable: SETTLED, bytes });
  /** A store on a clock the test moves, telling what its expired records freed. */
  const clocked = (saved: IdempotencyRecord[] = []) => {
    const clock = { now: 1_000_000, freed: 0 };
    const store = new IdempotencyStore(saved, { retentionMs: HOUR, wall: () => clock.now, onExpired: (bytes) => (clock.freed += bytes) });
    return { store, clock };
  };

  it('replays a key until its retention has passed since the first answer, then runs it as a new request', () => {
    const { store, clock } = clocked();
    expect(run(store, 'k', 'f', made('first')).kind).toBe('fresh');
    clock.now += HOUR - 1;
    expect(run(store, 'k', 'f', made('never'))).toMatchObject({ kind: 'replayed', answer: { body: 'first' } });
    expect(store.kept('k', ['f'])?.kind).toBe('replayed');
    clock.now += 1;
    expect(store.kept('k', ['f'])).toBeUndefined();
    // Another body too: the key is free, not a conflict; its time counts from this answer.
    expect(run(store, 'k', 'other', made('second'))).toMatchObject({ kind: 'fresh', answer: { body: 'second' } });
    clock.now += HOUR - 1;
    expect(run(store, 'k', 'other', made('never'))).toMatchObject({ kind: 'replayed', answer: { body: 'second' } });
  });

  it('expires the key of a deleted sandbox too', () => {
    const { store, clock } = clocked();
    run(store, 'k', 'f', () => ({ ...made('sbx')(), owner: 'sbx_1' }));
    store.forgetOwner('sbx_1');
    expect(store.known('k', 'f')).toEqual({ kind: 'deleted', sandboxId: 'sbx_1' });
    clock.now += HOUR;
    expect(store.known('k', 'f')).toBeUndefined();
  });

  it('sweeps a bounded batch at a time, round the whole store, and tells the bytes each expired record freed', () => {
    const { store, clock } = clocked();
    run(store, 'new-first', 'f', made('x', 1000));
    clock.now -= HOUR; // a record older than the one before it (a wall clock set back): still found
    for (let i = 0; i < 10; i += 1) run(store, `old-${i}`, 'f', made('x', 1));
    clock.now += HOUR + HOUR / 2;
    store.sweep(4);
    expect(store.save().map((r) => r.scope)).toEqual(['new-first']);
    expect(clock.freed).toBe(3);
    expect(store.expiredBytes()).toBe(7);
    store.sweep(4);
    store.sweep(4);
    expect(clock.freed).toBe(10);
    expect(store.expiredBytes()).toBe(0);
    expect(store.save().map((r) => r.scope)).toEqual(['new-first']);
  });

  it('forgets every expired record at the front, however many, in one sweep; expireAll reaches those out of order too', () => {
    const { store, clock } = clocked();
    for (let i = 0; i < 100; i += 1) run(store, `first-${i}`, 'f', made('x', 1));
    clock.now += HOUR / 2;
    run(store, 'later', 'f', made('x', 10));
    clock.now -= HOUR; // answered while the wall clock was set back: behind 'later', older than it
    run(store, 'set-back', 'f', made('x', 100));
    clock.now += HOUR + HOUR / 2;
    store.sweep(0);
    expect(clock.freed).toBe(100);
    // 'set-back' expired too, but the front stops at 'later': save leaves it out, its bytes still count.
    expect(store.save().map((r) => r.scope)).toEqual(['later']);
    expect(store.expiredBytes()).toBe(100);
    store.expireOldest();
    expect(clock.freed).toBe(100);
    store.expireAll();
    expect([clock.freed, store.expiredBytes()]).toEqual([200, 0]);
    expect(store.save().map((r) => r.scope)).toEqual(['later']);
  });

  it('leaves expired records out of save, and restores the others with their first answer\'s time and bytes', () => {
    const { store, clock } = clocked();
    run(store, 'a', 'f', made('a', 5));
    clock.now += HOUR / 2;
    run(store, 'b', 'f', made('b', 7));
    clock.now += HOUR / 2;
    expect(store.expiredBytes()).toBe(5);
    const saved = store.save();
    expect(saved).toEqual([{ scope: 'b', fingerprint: 'f', answer: { status: 201, headers: {}, body: 'b' }, at: 1_000_000 + HOUR / 2, bytes: 7 }]);
    const restored = clocked(saved);
    restored.clock.now = clock.now + HOUR / 2 - 1;
    expect(restored.store.known('b', 'f')?.kind).toBe('replayed');
    restored.clock.now += 1;
    expect(restored.store.known('b', 'f')).toBeUndefined();
    expect(restored.clock.freed).toBe(7);
  });

  it('counts a record saved without a time (before keys expired) from its restore', () => {
    const restored = clocked([{ scope: 'k', fingerprint: 'f', answer: { status: 201, headers: {}, body: 'old' } }]);
    restored.clock.now += HOUR - 1;
    expect(restored.store.known('k', 'f')?.kind).toBe('replayed');
    restored.clock.now += 1;
    expect(restored.store.known('k', 'f')).toBeUndefined();
  });

  it('a replayed journal, recording without asking, ends as the live store did: an expired record it replaces frees its bytes, a duplicate does not', () => {
    const live = clocked();
    run(live.store, 'k', 'f', made('first', 10));
    live.clock.now += HOUR;
    run(live.store, 'k', 'f', made('second', 10));
    // Replaying the same two entries, the clock pinned to each one's time.
    const replayed = clocked();
    replayed.store.record('k', 'f', made('first', 10)());
    replayed.clock.now += HOUR;
    replayed.store.record('k', 'f', made('second', 10)());
    expect(replayed.clock.freed).toBe(live.clock.freed);
    expect(replayed.clock.freed).toBe(10);
    expect(replayed.store.save()).toEqual(live.store.save());
    // A journal holding a key twice within its retention (before a route honoured keys) frees nothing.
    replayed.store.record('k', 'f', made('third', 10)());
    expect(replayed.clock.freed).toBe(10);
  });
});
