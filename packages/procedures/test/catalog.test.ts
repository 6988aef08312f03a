import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '@gdx/calendar';
import { planOfficialActions } from '../src/index.js';
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

const city = { role: 'city_government', organizationId: 'org_city' };
const disputeReasons = { reasons: [{ text: '含法人登记信息，应无条件共享' }] };
const proposal = { ...disputeReasons, sharing: { type: 'unconditional' } };

/** A xiamen (or derived) entry submitted for review, the authority about to decide. */
function submittedEntry(profile: string | object = 'xiamen') {
  const h = harness(profile, '2025-09-26T10:00');
  ok(h.engine.create('catalog.entry', { id: 'cat', actor: provider }));
  ok(h.engine.dispatch('cat', 'submit', { actor: provider }));
  return h;
}

describe('sharing-type dispute (共享属性异议, 厦门 第十五条)', () => {
  it('is on in xiamen only', () => {
    expect(harness('xiamen', '2025-09-26T10:00').procedures.profile.options.catalog).toEqual({ sharingTypeDispute: true, disputeReviewClock: 'restart', functionChangeSuccessor: true });
    for (const name of ['national', 'inner-mongolia']) {
      const h = harness(name, '2025-09-26T10:00');
      expect(h.procedures.profile.options.catalog.sharingTypeDispute).toBe(false);
      ok(h.engine.create('catalog.entry', { id: 'cat', actor: provider }));
      ok(h.engine.dispatch('cat', 'submit', { actor: provider }));
      const refused = h.engine.dispatch('cat', 'dispute_sharing_type', { actor: authority, payload: proposal });
      expect(refused.ok ? 'ok' : refused.error.code).toBe('ILLEGAL_TRANSITION');
    }
  });

  it('needs written reasons; the provider agrees and the review resumes with a fresh clock', () => {
    const h = submittedEntry();
    const bare = h.engine.dispatch('cat', 'dispute_sharing_type', { actor: authority, payload: { sharing: { type: 'unconditional' } } });
    expect(bare.ok ? 'ok' : bare.error.code).toBe('MISSING_REASONS');
    const disputed = ok(h.engine.dispatch('cat', 'dispute_sharing_type', { actor: authority, payload: proposal }));
    expect(disputed).toMatchObject({ state: 'sharing_type_negotiation', deadline: null, data: { disputedReview: 'submitted' } });
    h.to('2025-10-20T10:00');
    expect(ok(h.engine.dispatch('cat', 'agree_sharing_type', { actor: provider }))).toMatchObject({ state: 'submitted', deadline: { step: 'review', dueDate: '2025-10-27' } });
  });

  it('goes from a change under review through keep → escalate → the city government back to change_submitted', () => {
    const h = submittedEntry();
    ok(h.engine.dispatch('cat', 'publish', { actor: authority }));
    ok(h.engine.dispatch('cat', 'propose_change', { actor: provider }));
    ok(h.engine.dispatch('cat', 'dispute_sharing_type', { actor: authority, payload: proposal }));
    const bareKeep = h.engine.dispatch('cat', 'keep_sharing_type', { actor: provider });
    expect(bareKeep.ok ? 'ok' : bareKeep.error.code).toBe('MISSING_REASONS');
    expect(ok(h.engine.dispatch('cat', 'keep_sharing_type', { actor: provider, payload: { reasons: [{ text: '涉及商业秘密' }] } })).state).toBe('sharing_type_unresolved');
    expect(ok(h.engine.dispatch('cat', 'escalate', { actor: authority })).state).toBe('sharing_type_escalated');
    const byAuthority = h.engine.dispatch('cat', 'decide_sharing_type', { actor: authority, payload: proposal });
    expect(byAuthority.ok).toBe(false);
    expect(ok(h.engine.dispatch('cat', 'decide_sharing_type', { actor: city, payload: proposal }))).toMatchObject({ state: 'change_submitted', deadline: { step: 'review' } });
  });

  it('lets the authority withdraw its dispute after the provider keeps its label', () => {
    const h = submittedEntry();
    ok(h.engine.dispatch('cat', 'dispute_sharing_type', { actor: authority, payload: proposal }));
    ok(h.engine.dispatch('cat', 'keep_sharing_type', { actor: provider, payload: { reasons: [{ text: '涉及商业秘密' }] } }));
    expect(ok(h.engine.dispatch('cat', 'withdraw_dispute', { actor: authority })).state).toBe('submitted');
  });

  it('is never entered nor continued by simulated officials: the dispute is the authority\'s manual choice, its answer the provider\'s', () => {
    const h = submittedEntry();
    const plan = (id: string) => planOfficialActions(h.get(id), { policy: 'auto', seed: 7, calendar: WorkingCalendar.official() });
    expect(plan('cat').map((p) => p.event)).not.toContain('dispute_sharing_type');
    ok(h.engine.dispatch('cat', 'dispute_sharing_type', { actor: authority, payload: proposal }));
    expect(plan('cat')).toEqual([]);
    ok(h.engine.dispatch('cat', 'keep_sharing_type', { actor: provider, payload: { reasons: [{ text: '涉及商业秘密' }] } }));
    expect(plan('cat')).toEqual([]);
    ok(h.engine.dispatch('cat', 'escalate', { actor: authority }));
    expect(plan('cat')).toEqual([]);
  });

  it('keeps the review clock running through the dispute where disputeReviewClock is runs', () => {
    const h = submittedEntry({ extends: 'xiamen', name: 'running', options: { catalog: { disputeReviewClock: 'runs' } } });
    const due = h.get('cat').deadline?.dueDate;
    expect(ok(h.engine.dispatch('cat', 'dispute_sharing_type', { actor: authority, payload: proposal })).deadline).toMatchObject({ step: 'review', dueDate: due });
    h.to('2025-10-20T10:00');
    expect(ok(h.engine.dispatch('cat', 'agree_sharing_type', { actor: provider })).deadline).toMatchObject({ dueDate: due, overdue: true });
  });
});

describe('sharing-type dispute: disputeReviewClock resume', () => {
  it('stops the review clock during the dispute and resumes it with the working days it had left', () => {
    const h = submittedEntry({ extends: 'xiamen', name: 'resuming', options: { catalog: { disputeReviewClock: 'resume' } } });
    // Submitted Friday 2025-09-26: 5 WD (09-28 a make-up day, 10-01–10-08 holidays) end Friday 10-10.
    expect(h.get('cat').deadline).toMatchObject({ step: 'review', limit: 5, dueDate: '2025-10-10' });
    h.to('2025-09-29T10:00');
    // Disputed Monday 09-29 with 09-30, 10-09 and 10-10 left (3 WD): no deadline while disputed.
    expect(ok(h.engine.dispatch('cat', 'dispute_sharing_type', { actor: authority, payload: proposal })).deadline).toBeNull();
    h.to('2025-10-20T10:00');
    // Agreed Monday 10-20: the review resumes with its 3 WD, due Thursday 10-23, not overdue.
    expect(ok(h.engine.dispatch('cat', 'agree_sharing_type', { actor: provider })).deadline).toMatchObject({ step: 'review', limit: 3, startTrigger: 'resumed', startedOn: '2025-10-20', dueDate: '2025-10-23', overdue: false });
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
