import { daysBetween } from '@gdx/calendar';
import { describe, expect, it } from 'vitest';
import { renewalWindow, resolveProfile } from '../src/index.js';
import { actors, at, harness, ok } from './harness.js';
import { objectionEvidence as evidence, toNotice } from './registration-notice.js';

const { registrant, registry, party } = actors;

describe('registration application (national)', () => {
  it('follows the worked example across the 2025 National Day holiday', () => {
    const h = harness('national', '2025-09-26T10:00');
    const created = ok(h.engine.create('registration.application.initial', { id: 'rga', actor: registrant }));
    expect(created.deadline).toEqual({
      step: 'acceptance', limit: 3, unit: 'working_days', startTrigger: 'received', startedOn: '2025-09-26',
      dueDate: '2025-09-30', dueAt: '2025-10-01T00:00:00+08:00', overdue: false, basis: '发改数据规〔2025〕26号 第十条',
    });
    h.to('2025-09-30T15:00');
    const accepted = ok(h.engine.dispatch('rga', 'accept', { actor: registry }));
    expect(accepted.deadline).toMatchObject({ step: 'formal_review', startedOn: '2025-09-30', dueDate: '2025-11-04', basis: '发改数据规〔2025〕26号 第十一条' });
    h.to('2025-11-03T10:00');
    const notice = ok(h.engine.dispatch('rga', 'approve_review', { actor: registry }));
    expect(notice.state).toBe('in_public_notice');
    expect(notice.deadline).toMatchObject({ step: 'public_notice', limit: 10, dueDate: '2025-11-17', dueAt: '2025-11-18T00:00:00+08:00' });
    const fired = h.to('2025-11-20T00:00');
    expect(fired.map((f) => [f.at, f.event, f.to])).toEqual([['2025-11-18T00:00:00+08:00', 'notice_closed', 'registered']]);
    expect(h.get('rga').events.map((e) => [e.from, e.to])).toEqual([
      [null, 'submitted'], ['submitted', 'under_review'], ['under_review', 'in_public_notice'], ['in_public_notice', 'registered'],
    ]);
  });

  it('restarts the 3 WD acceptance clock from the resubmission day', () => {
    const h = harness('national', '2025-09-26T10:00');
    ok(h.engine.create('registration.application.initial', { id: 'rga', actor: registrant }));
    h.to('2025-09-29T10:00');
    const refused = h.engine.dispatch('rga', 'request_supplements', { actor: registry, payload: { items: [] } });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('MISSING_ITEMS');
    const items = [{ field: '/riskAssessment', text: '缺少数据安全风险评估报告' }];
    const waiting = ok(h.engine.dispatch('rga', 'request_supplements', { actor: registry, payload: { items } }));
    expect(waiting).toMatchObject({ state: 'supplement_required', deadline: null, data: { items } });
    h.to('2025-10-09T09:00');
    const resubmitted = ok(h.engine.dispatch('rga', 'resubmit', { actor: registrant }));
    expect(resubmitted.deadline).toMatchObject({ startedOn: '2025-10-09', dueDate: '2025-10-13' });
  });

  it('flags an overdue review (never approved) and records the explanation', () => {
    const h = harness('national', '2025-09-26T10:00');
    ok(h.engine.create('registration.application.initial', { id: 'rga', actor: registrant }));
    ok(h.engine.dispatch('rga', 'accept', { actor: registry }));
    const early = h.engine.dispatch('rga', 'explain_overdue', { actor: registry, payload: { reasons: ['x'] } });
    expect(early.ok ? 'ok' : early.error.code).toBe('GUARD_REJECTED');
    const fired = h.to('2026-01-31T00:00');
    expect(fired.map((f) => [f.at, f.event])).toEqual([['2025-10-31T00:00:00+08:00', 'deadline_overdue']]);
    expect(h.get('rga')).toMatchObject({ state: 'under_review', deadline: { dueDate: '2025-10-30', overdue: true } });
    const explained = ok(h.engine.dispatch('rga', 'explain_overdue', { actor: registry, payload: { reasons: [{ text: '材料核验涉及多个部门' }] } }));
    expect(explained.events.at(-1)).toMatchObject({ type: 'overdue_explained', reason: { text: '材料核验涉及多个部门' } });
  });

  it('decides an overdue formal review only after the explanation (第十一条 说明原因); a late acceptance needs none', () => {
    const h = harness('national', '2025-09-26T10:00');
    ok(h.engine.create('registration.application.initial', { id: 'rga', actor: registrant }));
    h.to('2025-10-09T10:00');
    // The acceptance was due 2025-09-30: late, yet accepted without an explanation.
    ok(h.engine.dispatch('rga', 'accept', { actor: registry }));
    h.to('2025-11-20T10:00');
    expect(h.get('rga')).toMatchObject({ state: 'under_review', deadline: { step: 'formal_review', overdue: true } });
    for (const [event, payload] of [['approve_review', undefined], ['fail_review', { reasons: ['材料不全'] }]] as const) {
      const refused = h.engine.dispatch('rga', event, { actor: registry, ...(payload ? { payload } : {}) });
      expect(refused.ok ? 'ok' : refused.error.code, event).toBe('OVERDUE_EXPLANATION_REQUIRED');
    }
    ok(h.engine.dispatch('rga', 'explain_overdue', { actor: registry, payload: { reasons: ['材料核验涉及多个部门'] } }));
    expect(ok(h.engine.dispatch('rga', 'approve_review', { actor: registry })).state).toBe('in_public_notice');
  });

  it('completes an overdue cancellation without an explanation (第九条(四) asks none)', () => {
    const h = harness('national', '2025-09-26T10:00');
    ok(h.engine.create('registration.application.cancellation', { id: 'rga', actor: registrant }));
    ok(h.engine.dispatch('rga', 'accept', { actor: registry }));
    h.to('2025-11-20T10:00');
    expect(h.get('rga').deadline).toMatchObject({ step: 'cancellation', overdue: true });
    expect(ok(h.engine.dispatch('rga', 'approve_review', { actor: registry })).state).toBe('cancelled');
  });

  it('keeps the notice clock running during an objection; dismissal returns to the notice', () => {
    const h = toNotice();
    const noticeDeadline = h.get('rga').deadline;
    const missing = h.engine.dispatch('rga', 'object', { actor: party, payload: { evidence: [] } });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('MISSING_EVIDENCE');
    ok(h.engine.dispatch('rga', 'object', { actor: party, payload: { evidence } }));
    expect(h.get('rga')).toMatchObject({ state: 'objection_review', deadline: noticeDeadline });
    h.to('2025-11-10T10:00');
    ok(h.engine.dispatch('rga', 'dismiss_objection', { actor: registry }));
    expect(h.get('rga')).toMatchObject({ state: 'in_public_notice', deadline: noticeDeadline });
    expect(h.to('2025-11-18T00:00').map((f) => f.to)).toEqual(['registered']);
  });

  it('codes at once when an objection is dismissed after the notice closed meanwhile', () => {
    const h = toNotice();
    ok(h.engine.dispatch('rga', 'object', { actor: party, payload: { evidence } }));
    const fired = h.to('2025-11-20T10:00');
    expect(fired.map((f) => [f.event, f.to])).toEqual([['notice_closed', 'objection_review']]);
    const late = h.engine.dispatch('rga', 'object', { actor: party, payload: { evidence } });
    expect(late.ok ? 'ok' : late.error.code).toBe('OBJECTION_WINDOW_CLOSED');
    expect(ok(h.engine.dispatch('rga', 'dismiss_objection', { actor: registry })).state).toBe('registered');
  });

  it('terminates on an upheld objection, which needs reasons', () => {
    const h = toNotice();
    ok(h.engine.dispatch('rga', 'object', { actor: party, payload: { evidence } }));
    const bare = h.engine.dispatch('rga', 'uphold_objection', { actor: registry });
    expect(bare.ok ? 'ok' : bare.error.code).toBe('MISSING_REASONS');
    const ended = ok(h.engine.dispatch('rga', 'uphold_objection', { actor: registry, payload: { reasons: ['数据来源不合法'] } }));
    expect(ended).toMatchObject({ state: 'terminated', deadline: null, timer: null });
    expect(h.engine.dispatch('rga', 'dismiss_objection', { actor: registry }).ok).toBe(false);
    expect(h.to('2025-12-31T00:00')).toEqual([]);
  });

  it('restarts the full notice after a dismissal when the profile pauses it', () => {
    const h = toNotice({ extends: 'national', name: 'paused', options: { objectionPausesNotice: true } });
    ok(h.engine.dispatch('rga', 'object', { actor: party, payload: { evidence } }));
    expect(h.get('rga').deadline).toBeNull();
    h.to('2025-11-24T10:00');
    const back = ok(h.engine.dispatch('rga', 'dismiss_objection', { actor: registry }));
    expect(back.deadline).toMatchObject({ startedOn: '2025-11-24', dueDate: '2025-12-08' });
  });

  it.each([
    { type: 'change', pass: 'in_public_notice', review: 'formal_review' },
    { type: 'correction', pass: 'registered', review: 'formal_review' },
    { type: 'cancellation', pass: 'cancelled', review: 'cancellation' },
  ])('$type applications: review step $review, passing leads to $pass', ({ type, pass, review }) => {
    const h = harness('national', '2025-09-26T10:00');
    ok(h.engine.create(`registration.application.${type}`, { id: 'a', actor: registrant, data: { registrationId: 'reg_1' } }));
    const accepted = ok(h.engine.dispatch('a', 'accept', { actor: registry }));
    expect(accepted.deadline).toMatchObject({ step: review, dueDate: review === 'cancellation' ? '2025-10-16' : '2025-10-30' });
    expect(ok(h.engine.dispatch('a', 'approve_review', { actor: registry })).state).toBe(pass);
  });

  it('returns a failed review to supplement_required when the profile says so', () => {
    const fail = (profile: string | object) => {
      const h = harness(profile, '2025-09-26T10:00');
      ok(h.engine.create('registration.application.initial', { id: 'a', actor: registrant }));
      ok(h.engine.dispatch('a', 'accept', { actor: registry }));
      return h.engine.dispatch('a', 'fail_review', { actor: registry, payload: { reasons: ['来源说明不充分'], items: [{ text: '补充授权文件' }] } });
    };
    expect(ok(fail('national')).state).toBe('review_failed');
    expect(ok(fail({ extends: 'national', name: 'lenient', options: { reviewFailedReturnsToSupplement: true } })).state).toBe('supplement_required');
  });

  it('surfaces CALENDAR_NOT_PUBLISHED when a deadline reaches 2027', () => {
    const h = harness('national', '2026-12-29T10:00');
    const r = h.engine.create('registration.application.initial', { id: 'late', actor: registrant });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'CALENDAR_NOT_PUBLISHED', detail: { year: 2027 } });
    expect(h.engine.has('late')).toBe(false);
  });
});

// 民法典 第二百零一条 is external law the domain rules make overridable (options.startDayCounted).
describe('a profile that counts the start day of working-day limits', () => {
  const counting = { extends: 'national', name: 'counting', options: { startDayCounted: true } };

  it('ends 3 WD from Friday 2025-09-26 on Monday 09-29 (the Friday first), the 3-year validity as before', () => {
    const h = harness(counting, '2025-09-26T10:00');
    const created = ok(h.engine.create('registration.application.initial', { id: 'rga', actor: registrant }));
    expect(created.deadline).toMatchObject({ step: 'acceptance', startedOn: '2025-09-26', dueDate: '2025-09-29', limit: 3, unit: 'working_days' });
    const record = ok(h.engine.create('registration.record', { id: 'reg', actor: registry }));
    expect(record.deadline).toMatchObject({ step: 'validity', unit: 'years', dueDate: '2028-09-26' });
  });

  it('is off by default: the national profile leaves the start day out', () => {
    const created = ok(harness('national', '2025-09-26T10:00').engine.create('registration.application.initial', { id: 'rga', actor: registrant }));
    expect(created.deadline?.dueDate).toBe('2025-09-30');
  });
});

describe('registration record', () => {
  it('is valid 3 years from coding, renewable only in the 60 days before expiry, then expires', () => {
    const h = harness('national', '2025-11-18T00:00');
    const rec = ok(h.engine.create('registration.record', { id: 'reg', actor: registry }));
    // 2028-11-18 is a Saturday: the period ends on the Monday (民法典 第二百零三条; the unpublished
    // 2028 is estimated Monday–Friday, so coding needs no schedule of it).
    expect(rec.deadline).toMatchObject({ step: 'validity', unit: 'years', limit: 3, dueDate: '2028-11-20' });
    // The window is the 60 days up to the unmoved end (09-20 … 11-18, not a 61st day on 09-19)
    // and closes on the moved one.
    h.to('2028-09-19T10:00');
    const early = h.engine.dispatch('reg', 'renew', { actor: registrant });
    expect(early.ok ? 'ok' : early.error.code).toBe('RENEWAL_WINDOW_NOT_OPEN');
    h.to('2028-09-20T10:00');
    const renewed = ok(h.engine.dispatch('reg', 'renew', { actor: registrant }));
    expect(renewed.deadline).toMatchObject({ startedOn: '2028-11-20', dueDate: '2031-11-20' });
    expect(renewed.events.at(-1)?.type).toBe('renewed');
    const fired = h.to('2031-12-01T00:00');
    expect(fired.map((f) => [f.at, f.to])).toEqual([['2031-11-21T00:00:00+08:00', 'expired']]);
  });

  // 期满前 60 日内 (第十五条): exactly the profile's 60 days, the validity's last day the last of them.
  it.each([
    { given: { dueDate: '2028-10-17' }, want: { opensOn: '2028-08-19', closesOn: '2028-10-17' } },
    { given: { startedOn: '2025-10-22', dueDate: '2028-10-23' }, want: { opensOn: '2028-08-24', closesOn: '2028-10-23' } },
  ])('opens the renewal window 60 days before expiry, counting the last valid day: $given', ({ given, want }) => {
    const window = renewalWindow(given, resolveProfile('national'));
    expect(window).toEqual(want);
    expect(daysBetween(window.opensOn, given.startedOn === undefined ? given.dueDate : '2028-10-22') + 1).toBe(60);
  });

  it('keeps the Saturday end with validityEndExtension: none (plain date arithmetic)', () => {
    const h = harness({ extends: 'national', name: 'plain', options: { validityEndExtension: 'none' } }, '2025-11-18T00:00');
    const rec = ok(h.engine.create('registration.record', { id: 'reg', actor: registry }));
    expect(rec.deadline).toMatchObject({ dueDate: '2028-11-18' });
  });

  it('a renewal with a new authorised term is capped by it', () => {
    const h = harness('national', '2025-11-18T00:00');
    ok(h.engine.create('registration.record', { id: 'reg', actor: registry, data: { authorisedTermEnd: '2028-02-29' } }));
    h.to('2028-01-10T09:00');
    const renewed = ok(h.engine.dispatch('reg', 'renew', { actor: registrant, payload: { authorisedTermEnd: '2030-06-30' } }));
    expect(renewed.deadline).toMatchObject({ startedOn: '2028-02-29', dueDate: '2030-06-30' });
  });

  it('ends at the authorised operating term when that is shorter', () => {
    const h = harness('inner-mongolia', '2025-11-18T00:00');
    const rec = ok(h.engine.create('registration.record', { id: 'reg', actor: registry, data: { authorisedTermEnd: '2027-06-30' } }));
    expect(rec.deadline?.dueDate).toBe('2027-06-30');
    expect(rec.deadline?.basis).toBe('内政数字〔2024〕223号 第二十条');
    expect(h.to('2027-07-01T00:00').map((f) => f.to)).toEqual(['expired']);
    expect(at('2027-07-01T00:00')).toBe(h.engine.clock.now());
  });

  it.each(['cancel', 'revoke'])('%s needs reasons from the registry', (event) => {
    const h = harness('national', '2025-11-18T00:00');
    ok(h.engine.create('registration.record', { id: 'reg', actor: registry }));
    expect(h.engine.dispatch('reg', event, { actor: registrant, payload: { reasons: ['x'] } }).ok).toBe(false);
    expect(h.engine.dispatch('reg', event, { actor: registry }).ok).toBe(false);
    expect(ok(h.engine.dispatch('reg', event, { actor: registry, payload: { reasons: ['数据资源灭失'] } })).timer).toBeNull();
  });
});
