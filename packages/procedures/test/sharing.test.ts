import { describe, expect, it } from 'vitest';
import { harness, ok } from './harness.js';
import { resolveProfile, sharingRulesWarnings } from '../src/index.js';

const user = { role: 'data_user', organizationId: 'org_user' };
const authority = { role: 'data_authority', organizationId: 'org_authority' };
const provider = { role: 'data_provider', organizationId: 'org_provider' };
const city = { role: 'city_government', organizationId: 'org_city' };

describe('sharing request', () => {
  it('grants an unconditional resource at once, still recorded as a request', () => {
    const h = harness('xiamen', '2025-09-26T10:00');
    const r = ok(h.engine.create('sharing.request', { id: 'shr', actor: user, data: { sharingType: 'unconditional' } }));
    expect(r.state).toBe('delivered');
    expect(r.events.map((e) => [e.type, e.actor.role, e.from, e.to])).toEqual([
      ['state_changed', 'data_user', null, 'submitted'],
      ['grant_issued', 'clock', 'submitted', 'delivered'],
    ]);
  });

  it.each([
    { profile: 'xiamen', start: '2025-09-26T10:00', limit: 5, due: '2025-10-10', basis: '厦门市公共数据共享开放管理暂行办法 第十七条' },
    { profile: 'national', start: '2025-09-26T10:00', limit: 10, due: '2025-10-16', basis: '国发〔2016〕51号' },
    { profile: 'xiamen', start: '2026-09-28T10:00', limit: 5, due: '2026-10-10', basis: '厦门市公共数据共享开放管理暂行办法 第十七条' },
    { profile: 'national', start: '2026-09-28T10:00', limit: 10, due: '2026-10-16', basis: '国发〔2016〕51号' },
  ])('reviews a conditional request within $limit WD under $profile (from $start)', ({ profile, start, limit, due, basis }) => {
    const h = harness(profile, start);
    const r = ok(h.engine.create('sharing.request', { id: 'shr', actor: user, data: { sharingType: 'conditional' } }));
    expect(r.state).toBe('under_review');
    expect(r.deadline).toMatchObject({ step: 'review', limit, dueDate: due, basis });
  });

  it('flags an overdue review and never approves it', () => {
    const h = harness('xiamen', '2025-09-26T10:00');
    ok(h.engine.create('sharing.request', { id: 'shr', actor: user, data: { sharingType: 'conditional' } }));
    const fired = h.to('2025-12-31T00:00');
    expect(fired.map((f) => [f.at, f.event])).toEqual([['2025-10-11T00:00:00+08:00', 'deadline_overdue']]);
    expect(h.get('shr')).toMatchObject({ state: 'under_review', deadline: { overdue: true } });
  });

  it('walks a rejection through dispute, coordination and escalation to delivery', () => {
    const h = harness('xiamen', '2025-09-26T10:00');
    ok(h.engine.create('sharing.request', { id: 'shr', actor: user, data: { sharingType: 'conditional' } }));
    const bare = h.engine.dispatch('shr', 'reject', { actor: provider });
    expect(bare.ok ? 'ok' : bare.error.code).toBe('MISSING_REASONS');
    ok(h.engine.dispatch('shr', 'reject', { actor: provider, payload: { reasons: ['应用场景与申请字段不匹配'] } }));
    expect(h.get('shr').deadline).toBeNull();
    ok(h.engine.dispatch('shr', 'dispute', { actor: user, payload: { reasons: ['场景已在共享目录中登记'] } }));
    const notYet = h.engine.dispatch('shr', 'approve', { actor: city });
    expect(notYet.ok ? 'ok' : notYet.error.code).toBe('ILLEGAL_TRANSITION');
    ok(h.engine.dispatch('shr', 'coordinate', { actor: authority }));
    ok(h.engine.dispatch('shr', 'escalate', { actor: authority }));
    const wrong = h.engine.dispatch('shr', 'approve', { actor: authority });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('ACTOR_NOT_ALLOWED');
    h.to('2025-10-20T10:00');
    const approved = ok(h.engine.dispatch('shr', 'approve', { actor: city }));
    expect(approved.deadline).toMatchObject({ step: 'delivery', limit: 1, dueDate: '2025-10-21' });
    const delivered = ok(h.engine.dispatch('shr', 'deliver', { actor: provider, payload: { grant: { method: 'api' } } }));
    expect(delivered).toMatchObject({ state: 'delivered', data: { grant: { method: 'api' } }, deadline: null });
  });

  it('ends a grant early only by a revocation with reasons; only the clock lets it expire', () => {
    const h = harness('xiamen', '2025-09-26T10:00');
    ok(h.engine.create('sharing.request', { id: 'shr', actor: user, data: { sharingType: 'unconditional' } }));
    const early = h.engine.dispatch('shr', 'expire', { actor: authority });
    expect(early.ok ? 'ok' : early.error.code).toBe('ACTOR_NOT_ALLOWED');
    expect(h.get('shr').state).toBe('delivered');
    ok(h.engine.dispatch('shr', 'revoke', { actor: authority, payload: { reasons: ['超出申请场景使用'] } }));
    expect(h.get('shr').state).toBe('revoked');
  });

  it('ends with an upheld rejection that carries reasons', () => {
    const h = harness('national', '2025-09-26T10:00');
    ok(h.engine.create('sharing.request', { id: 'shr', actor: user, data: { sharingType: 'conditional' } }));
    ok(h.engine.dispatch('shr', 'reject', { actor: authority, payload: { reasons: ['超出申请部门职责范围'] } }));
    ok(h.engine.dispatch('shr', 'dispute', { actor: user, payload: { reasons: ['职责见三定方案'] } }));
    ok(h.engine.dispatch('shr', 'coordinate', { actor: authority }));
    const upheld = ok(h.engine.dispatch('shr', 'uphold_rejection', { actor: authority, payload: { reasons: ['经协调维持原意见'] } }));
    expect(upheld.state).toBe('rejection_upheld');
    expect(h.engine.dispatch('shr', 'dispute', { actor: user, payload: { reasons: ['x'] } }).ok).toBe(false);
  });
});

describe('sharing request: the compliance review (合规性审查, inner-mongolia)', () => {
  const operator = { role: 'platform_operator', organizationId: 'org_operator' };
  const IM_32 = '内政办发〔2023〕32号 八(二十三)';

  it('reviews compliance first (3 WD, choice), then starts the joint review clock on the day it passes', () => {
    const h = harness('inner-mongolia', '2025-09-26T10:00');
    const r = ok(h.engine.create('sharing.request', { id: 'shr', actor: user, data: { sharingType: 'conditional' } }));
    expect(r.state).toBe('compliance_review');
    expect(r.deadline).toMatchObject({ step: 'compliance_review', limit: 3, dueDate: '2025-09-30', basis: IM_32 });
    const early = h.engine.dispatch('shr', 'approve', { actor: authority });
    expect(early.ok ? 'ok' : early.error.code).toBe('ILLEGAL_TRANSITION');
    const byAuthority = h.engine.dispatch('shr', 'pass_compliance_review', { actor: authority });
    expect(byAuthority.ok ? 'ok' : byAuthority.error.code).toBe('ACTOR_NOT_ALLOWED');
    h.to('2025-09-29T15:00');
    const passed = ok(h.engine.dispatch('shr', 'pass_compliance_review', { actor: operator }));
    expect(passed.state).toBe('under_review');
    expect(passed.deadline).toMatchObject({ step: 'review', limit: 10, startedOn: '2025-09-29', dueDate: '2025-10-20' });
    expect(ok(h.engine.dispatch('shr', 'approve', { actor: authority })).state).toBe('approved');
  });

  it('ends a failed compliance review with written reasons; it cannot be disputed', () => {
    const h = harness('inner-mongolia', '2025-09-26T10:00');
    ok(h.engine.create('sharing.request', { id: 'shr', actor: user, data: { sharingType: 'conditional' } }));
    const bare = h.engine.dispatch('shr', 'fail_compliance_review', { actor: operator });
    expect(bare.ok ? 'ok' : bare.error.code).toBe('MISSING_REASONS');
    expect(h.get('shr').state).toBe('compliance_review');
    const failed = ok(h.engine.dispatch('shr', 'fail_compliance_review', { actor: operator, payload: { reasons: ['未说明数据安全保障措施'] } }));
    expect(failed).toMatchObject({ state: 'compliance_rejected', deadline: null });
    expect(failed.events.at(-1)).toMatchObject({ event: 'fail_compliance_review', from: 'compliance_review', to: 'compliance_rejected' });
    expect(h.engine.dispatch('shr', 'dispute', { actor: user, payload: { reasons: ['x'] } }).ok).toBe(false);
  });

  it('flags an overdue compliance review and never passes it', () => {
    const h = harness('inner-mongolia', '2025-09-26T10:00');
    ok(h.engine.create('sharing.request', { id: 'shr', actor: user, data: { sharingType: 'conditional' } }));
    expect(h.to('2025-10-31T00:00').map((f) => [f.at, f.event])).toEqual([['2025-10-01T00:00:00+08:00', 'deadline_overdue']]);
    expect(h.get('shr')).toMatchObject({ state: 'compliance_review', deadline: { overdue: true } });
    ok(h.engine.dispatch('shr', 'explain_overdue', { actor: operator, payload: { reasons: ['申请量较大'] } }));
  });

  it.each(['national', 'xiamen'])('%s has no compliance review (the option is off)', (profile) => {
    const h = harness(profile, '2025-09-26T10:00');
    expect(ok(h.engine.create('sharing.request', { id: 'shr', actor: user, data: { sharingType: 'conditional' } })).state).toBe('under_review');
    expect(Object.keys(h.procedures.sharing.request.states)).not.toContain('compliance_review');
  });

  it('a profile turns it on with options.sharing.complianceReview and may set its own limit', () => {
    const h = harness({ extends: 'national', name: 'city', options: { sharing: { complianceReview: true } }, limits: { 'sharing.compliance_review': { value: 2, basis: '某市办法 第八条', choice: false } } }, '2025-09-26T10:00');
    const r = ok(h.engine.create('sharing.request', { id: 'shr', actor: user, data: { sharingType: 'conditional' } }));
    expect(r.deadline).toMatchObject({ step: 'compliance_review', limit: 2, dueDate: '2025-09-29', basis: '某市办法 第八条' });
  });

  it('an unconditional resource is still granted at once', () => {
    const h = harness('inner-mongolia', '2025-09-26T10:00');
    expect(ok(h.engine.create('sharing.request', { id: 'shr', actor: user, data: { sharingType: 'unconditional' } })).state).toBe('delivered');
  });
});

describe('answer duties', () => {
  it.each([
    { machine: 'sharing.data-objection', by: provider, due: '2025-10-10' },
    { machine: 'sharing.quality-issue', by: provider, due: '2025-10-10' },
    { machine: 'open-data.data-objection', by: authority, due: '2025-10-10' },
    { machine: 'open-data.demand', by: authority, due: '2025-10-16' },
  ])('$machine is answered within its limit (due $due) with a written answer', ({ machine, by, due }) => {
    const h = harness('xiamen', '2025-09-26T10:00');
    const r = ok(h.engine.create(machine, { id: 'x', actor: user, data: { kind: 'inaccurate' } }));
    expect(r.deadline?.dueDate).toBe(due);
    const silent = h.engine.dispatch('x', 'answer', { actor: by });
    expect(silent.ok ? 'ok' : silent.error.code).toBe('MISSING_ANSWER');
    expect(ok(h.engine.dispatch('x', 'answer', { actor: by, payload: { answer: '已核实并更正' } }))).toMatchObject({
      state: 'answered', data: { answer: '已核实并更正' },
    });
  });
});

describe('sharing and open-data rules validity (厦门 第三十条)', () => {
  it.each([
    { profile: 'xiamen', day: '2025-12-27', codes: [] },
    { profile: 'xiamen', day: '2025-12-28', codes: ['RULES_EXPIRED'] },
    { profile: 'national', day: '2030-01-01', codes: [] },
    { profile: 'inner-mongolia', day: '2030-01-01', codes: [] },
  ])('$profile on $day warns $codes', ({ profile, day, codes }) => {
    const warnings = sharingRulesWarnings(resolveProfile(profile), day);
    expect(warnings.map((w) => w.code)).toEqual(codes);
    for (const w of warnings) {
      expect(w).toMatchObject({ rules: '厦门市公共数据共享开放管理暂行办法', basis: '厦门市公共数据共享开放管理暂行办法 第三十条', rulesValidUntil: '2025-12-27' });
      expect(w.message.zh).toContain('第三十条');
      expect(w.message.en).toContain('2025-12-27');
    }
  });

  it('a grant\'s warning is worded for a grant (no time limit of its own), a request\'s for its time limits', () => {
    const xiamen = resolveProfile('xiamen');
    const [grant] = sharingRulesWarnings(xiamen, '2025-12-28', 'grant');
    expect(grant).toMatchObject({ rules: '厦门市公共数据共享开放管理暂行办法', basis: '厦门市公共数据共享开放管理暂行办法 第三十条', rulesValidUntil: '2025-12-27' });
    expect(grant?.message).toEqual({
      zh: '本授权依据的《厦门市公共数据共享开放管理暂行办法》有效期已于 2025-12-27 届满（厦门市公共数据共享开放管理暂行办法 第三十条），授权范围和使用要求仍按原规则执行，请关注新规定',
      en: 'This grant holds under the local sharing and open-data rules 厦门市公共数据共享开放管理暂行办法, which were valid until 2025-12-27 (厦门市公共数据共享开放管理暂行办法 第三十条); its scope and conditions of use still apply until new rules are published',
    });
    expect(sharingRulesWarnings(xiamen, '2025-12-28')[0]?.message).toEqual({
      zh: '《厦门市公共数据共享开放管理暂行办法》有效期已于 2025-12-27 届满（厦门市公共数据共享开放管理暂行办法 第三十条），时限仍按原规则计算，请关注新规定',
      en: 'The local sharing and open-data rules 厦门市公共数据共享开放管理暂行办法 were valid until 2025-12-27 (厦门市公共数据共享开放管理暂行办法 第三十条); their time limits still apply here until new rules are published',
    });
  });

  it('a profile extending xiamen moves the end; a malformed day is refused at its field', () => {
    const moved = resolveProfile({ extends: 'xiamen', name: 'xiamen-moved', options: { sharingOpenDataRules: { validUntil: '2026-06-30' } } });
    expect(sharingRulesWarnings(moved, '2026-06-30')).toEqual([]);
    expect(sharingRulesWarnings(moved, '2026-07-01')[0]?.rulesValidUntil).toBe('2026-06-30');
    expect(() => resolveProfile({ extends: 'xiamen', name: 'bad', options: { sharingOpenDataRules: { validUntil: '2026-02-30' } } })).toThrow(/sharingOpenDataRules/);
  });
});
