import { describe, expect, it } from 'vitest';
import { IdempotencyStore, MAX_DELETED_KEYS, SETTLED, type Execution, type IdempotencyOutcome } from './idempotency-store.js';

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
