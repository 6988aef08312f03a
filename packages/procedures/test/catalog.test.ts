import { describe, expect, it } from 'vitest';
import { harness, ok } from './harness.js';

const provider = { role: 'data_provider', organizationId: 'org_p' };
const authority = { role: 'data_authority', organizationId: 'org_a' };

describe('catalog entry', () => {
  it('goes draft → submitted → returned → submitted → published → change_submitted → published', () => {
    const h = harness('national', '2025-09-26T10:00');
    ok(h.engine.create('catalog.entry', { id: 'cat', actor: provider }));
    expect(ok(h.engine.dispatch('cat', 'submit', { actor: provider })).deadline).toMatchObject({ step: 'review', limit: 5, dueDate: '2025-10-10' });
    const bare = h.engine.dispatch('cat', 'return', { actor: authority });
    expect(bare.ok ? 'ok' : bare.error.code).toBe('MISSING_REASONS');
    ok(h.engine.dispatch('cat', 'return', { actor: authority, payload: { reasons: ['信息项缺少数据类型'] } }));
    ok(h.engine.dispatch('cat', 'submit', { actor: provider }));
    ok(h.engine.dispatch('cat', 'publish', { actor: authority }));
    ok(h.engine.dispatch('cat', 'propose_change', { actor: provider }));
    const republished = ok(h.engine.dispatch('cat', 'publish', { actor: authority }));
    expect(republished.events.map((e) => e.to)).toEqual([
      'draft', 'submitted', 'returned', 'submitted', 'published', 'change_submitted', 'published',
    ]);
    expect(ok(h.engine.dispatch('cat', 'withdraw', { actor: provider })).state).toBe('withdrawn');
  });

  const ground = { reasons: [{ code: 'desensitisation', text: '删除身份证号后符合开放要求' }] };

  it('reclassifies a published entry only with a ground, as a change under review by default (厦门 第二十二条)', () => {
    const h = harness('xiamen', '2025-09-26T10:00');
    ok(h.engine.create('catalog.entry', { id: 'cat', actor: provider }));
    ok(h.engine.dispatch('cat', 'submit', { actor: provider }));
    ok(h.engine.dispatch('cat', 'publish', { actor: authority }));
    const bare = h.engine.dispatch('cat', 'reclassify', { actor: provider });
    expect(bare.ok ? 'ok' : bare.error.code).toBe('MISSING_REASONS');
    const byAuthority = h.engine.dispatch('cat', 'reclassify', { actor: authority, payload: ground });
    expect(byAuthority.ok).toBe(false);
    const proposed = ok(h.engine.dispatch('cat', 'reclassify', { actor: provider, payload: ground }));
    expect(proposed).toMatchObject({ state: 'change_submitted', deadline: { step: 'review', limit: 5 } });
    expect(proposed.events.at(-1)?.reason).toEqual({ code: 'desensitisation', text: '删除身份证号后符合开放要求' });
    expect(ok(h.engine.dispatch('cat', 'publish', { actor: authority })).state).toBe('published');
  });

  it('publishes a reclassification at once where options.reclassificationReview is none', () => {
    const h = harness({ extends: 'xiamen', name: 'direct', options: { reclassificationReview: 'none' } }, '2025-09-26T10:00');
    expect(h.procedures.profile.options.reclassificationReview).toBe('none');
    ok(h.engine.create('catalog.entry', { id: 'cat', actor: provider }));
    ok(h.engine.dispatch('cat', 'submit', { actor: provider }));
    ok(h.engine.dispatch('cat', 'publish', { actor: authority }));
    const done = ok(h.engine.dispatch('cat', 'reclassify', { actor: provider, payload: ground }));
    expect(done).toMatchObject({ state: 'published', deadline: null });
    expect(done.events.at(-1)).toMatchObject({ from: 'published', to: 'published' });
  });

  it('defaults to the authority review in every shipped profile', () => {
    for (const name of ['national', 'inner-mongolia', 'xiamen']) expect(harness(name, '2025-09-26T10:00').procedures.profile.options.reclassificationReview).toBe('authority');
  });
});

describe('catalog update obligations', () => {
  it.each([
    { profile: 'xiamen', kind: 'function_change', limit: 7, due: '2026-02-04' },
    { profile: 'national', kind: 'function_change', limit: 20, due: '2026-02-28' },
    { profile: 'inner-mongolia', kind: 'new_resource', limit: 20, due: '2026-02-28' },
    { profile: 'inner-mongolia', kind: 'info_change', limit: 20, due: '2026-02-28' },
  ])('$profile: $kind is due in $limit WD across the 2026 Spring Festival', ({ profile, kind, limit, due }) => {
    const h = harness(profile, '2026-01-26T10:00');
    const o = ok(h.engine.create(`catalog.obligation.${kind}`, { id: 'ob', actor: provider }));
    expect(o.deadline).toMatchObject({ step: 'update', limit, dueDate: due });
  });

  it('flags an unfulfilled obligation overdue; fulfilling it ends the duty', () => {
    const h = harness('xiamen', '2026-01-26T10:00');
    ok(h.engine.create('catalog.obligation.function_change', { id: 'late', actor: provider }));
    ok(h.engine.create('catalog.obligation.function_change', { id: 'done', actor: provider }));
    ok(h.engine.dispatch('done', 'fulfil', { actor: provider }));
    const fired = h.to('2026-03-01T00:00');
    expect(fired.map((f) => [f.instanceId, f.at, f.event])).toEqual([['late', '2026-02-05T00:00:00+08:00', 'deadline_overdue']]);
  });
});
