// The five authorized-operation procedures on the engine, per profile, with deadlines on the
// official calendar (start day not counted; overdue is flagged, never approved).
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '@gdx/calendar';
import { agreementReportDuty, initialFiling, permissionsOpen, resolveProfile } from '../src/index.js';
import { at, harness, ok } from './harness.js';

const body = { role: 'implementing_body', organizationId: 'org_body' };
const grantor = { role: 'grantor', organizationId: 'org_government' };
const authority = { role: 'data_authority', organizationId: 'org_authority' };
const operator = { role: 'operator', organizationId: 'org_operator' };
const user = { role: 'data_user', organizationId: 'org_user' };
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

const agreement = (from: string, to: string) => ({ term: { from, to }, scope: [{ entryId: 'ent_1' }] });

describe('authorized-operation plan', () => {
  it('deliberates within 30 WD, flags it overdue, then files within 10 WD', () => {
    const h = harness('national', '2025-09-22T10:00');
    ok(h.engine.create('authorized-operation.plan', { id: 'aop', actor: body }));
    h.to('2025-09-26T10:00');
    const submitted = ok(h.engine.dispatch('aop', 'submit', { actor: body }));
    expect(submitted.deadline).toMatchObject({ step: 'plan_deliberation', limit: 30, dueDate: '2025-11-13', basis: '发改数据规〔2025〕27号 第十一条' });
    const fired = h.to('2025-11-14T09:00');
    expect(fired.map((f) => [f.at, f.event])).toEqual([['2025-11-14T00:00:00+08:00', 'deadline_overdue']]);
    expect(h.get('aop')).toMatchObject({ state: 'under_deliberation', deadline: { overdue: true } });
    const approved = ok(h.engine.dispatch('aop', 'approve_plan', { actor: grantor }));
    expect(approved.deadline).toMatchObject({ step: 'plan_filing', limit: 10, dueDate: '2025-11-28' });
    expect(ok(h.engine.dispatch('aop', 'file_plan', { actor: authority })).deadline).toBeNull();
    expect(code(h.engine.dispatch('aop', 'file_plan', { actor: authority }))).toBe('ALREADY_FILED');
  });

  it('deliberates a major change while the approved plan stays; a refused change needs no new filing', () => {
    const h = harness('national', '2025-09-26T10:00');
    ok(h.engine.create('authorized-operation.plan', { id: 'aop', actor: body }));
    ok(h.engine.dispatch('aop', 'submit', { actor: body }));
    ok(h.engine.dispatch('aop', 'approve_plan', { actor: grantor }));
    expect(code(h.engine.dispatch('aop', 'propose_change', { actor: body }))).toBe('MISSING_CHANGE');
    h.to('2025-12-01T10:00');
    const changing = ok(h.engine.dispatch('aop', 'propose_change', { actor: body, payload: { change: { name: '新版' } } }));
    // Its own limit (authorized_operation.plan_change_deliberation), from the change's submission.
    expect(changing).toMatchObject({
      state: 'change_deliberation',
      data: { change: { name: '新版' } },
      deadline: { step: 'plan_change_deliberation', limit: 30, startTrigger: 'change_submitted', startedOn: '2025-12-01' },
    });
    expect(code(h.engine.dispatch('aop', 'reject_change', { actor: grantor }))).toBe('MISSING_REASONS');
    const kept = ok(h.engine.dispatch('aop', 'reject_change', { actor: grantor, payload: { reasons: ['变更理由不充分'] } }));
    expect(kept).toMatchObject({ state: 'approved', deadline: null, data: { change: null } });
  });

  it('refuses a plan submitted by another role and a rejection without reasons', () => {
    const h = harness('national', '2025-09-26T10:00');
    ok(h.engine.create('authorized-operation.plan', { id: 'aop', actor: body }));
    expect(code(h.engine.dispatch('aop', 'submit', { actor: operator }))).toBe('ACTOR_NOT_ALLOWED');
    ok(h.engine.dispatch('aop', 'submit', { actor: body }));
    expect(code(h.engine.dispatch('aop', 'reject_plan', { actor: grantor }))).toBe('MISSING_REASONS');
    expect(ok(h.engine.dispatch('aop', 'reject_plan', { actor: grantor, payload: { reasons: ['可行性论证不足'] } })).state).toBe('rejected');
  });
});

describe('authorized-operation selection', () => {
  it('national tender: no selection before the 20 calendar days end (a Sunday end moves to Monday)', () => {
    const h = harness('national', '2025-12-01T09:00');
    const r = ok(h.engine.create('authorized-operation.selection', { id: 'aos', actor: body, data: { method: 'open_tender' } }));
    expect(r.deadline).toMatchObject({ step: 'tender_period', unit: 'calendar_days', limit: 20, dueDate: '2025-12-22' });
    ok(h.engine.dispatch('aos', 'bid', { actor: operator, payload: { bid: { proposal: '方案' } } }));
    expect(code(h.engine.dispatch('aos', 'select', { actor: body, payload: { operator: { name: '厦门数据运营有限公司' } } }))).toBe('TENDER_PERIOD_RUNNING');
    const fired = h.to('2025-12-23T09:00');
    expect(fired.map((f) => f.event)).toEqual(['close_tender']);
    // Its end is the bid deadline (投标截止): no bid after it.
    expect(code(h.engine.dispatch('aos', 'bid', { actor: operator, payload: { bid: { proposal: '迟到的方案' } } }))).toBe('TENDER_CLOSED');
    const selected = ok(h.engine.dispatch('aos', 'select', { actor: body, payload: { operator: { name: '厦门数据运营有限公司' } } }));
    expect(selected).toMatchObject({ state: 'selected', deadline: null });
  });

  it('national tender with a later bid deadline of its own (data.bidsCloseOn): no selection and no closing before it', () => {
    const h = harness('national', '2025-12-01T09:00');
    const r = ok(h.engine.create('authorized-operation.selection', { id: 'aos', actor: body, data: { method: 'open_tender', bidsCloseOn: '2026-01-09' } }));
    expect(r.deadline).toMatchObject({ step: 'tender_period', startedOn: '2025-12-01', dueDate: '2026-01-09' });
    h.to('2025-12-23T09:00');
    ok(h.engine.dispatch('aos', 'bid', { actor: operator, payload: { bid: { proposal: '方案' } } }));
    expect(code(h.engine.dispatch('aos', 'select', { actor: body, payload: { operator: { name: '运营公司' } } }))).toBe('TENDER_PERIOD_RUNNING');
    expect(h.to('2026-01-10T09:00').map((f) => f.event)).toEqual(['close_tender']);
  });

  it('national negotiation runs no bid period (招标投标法 第二十四条 is a tender\'s): no deadline, nothing closes, a bid after 20 calendar days', () => {
    const h = harness('national', '2025-12-01T09:00');
    const created = ok(h.engine.create('authorized-operation.selection', { id: 'aos', actor: body, data: { method: 'negotiation' } }));
    expect(created).toMatchObject({ state: 'selecting', deadline: null });
    // Created without the period: not even its first event shows one.
    expect(created.events.map((e) => [e.type, e.deadline])).toEqual([['state_changed', null]]);
    expect(h.to('2025-12-23T09:00')).toEqual([]);
    const bid = ok(h.engine.dispatch('aos', 'bid', { actor: operator, payload: { bid: { proposal: '方案' } } }));
    expect(bid.deadline).toBeNull();
    expect(bid.events.map((e) => [e.type, e.deadline])).toEqual([['state_changed', null], ['bid_submitted', null]]);
    // A tender keeps its period.
    expect(ok(h.engine.create('authorized-operation.selection', { id: 'tender', actor: body, data: { method: 'open_tender' } })).deadline).toMatchObject({ step: 'tender_period' });
  });

  it('the agreement\'s 20 WD of deliberation run from the day it went to deliberation, and say so', () => {
    const h = harness('national', '2025-12-01T09:00');
    ok(h.engine.create('authorized-operation.selection', { id: 'aos', actor: body, data: { method: 'negotiation' } }));
    ok(h.engine.dispatch('aos', 'select', { actor: body, payload: { operator: { name: '运营公司' } } }));
    h.to('2025-12-08T09:00');
    const deliberating = ok(h.engine.dispatch('aos', 'deliberate_agreement', { actor: body, payload: { agreement: agreement('2026-01-05', '2029-01-04') } }));
    expect(deliberating.deadline).toMatchObject({ step: 'agreement_deliberation', startTrigger: 'agreement_deliberation_started', startedOn: '2025-12-08', dueDate: '2026-01-06' });
  });

  it('national negotiation selects at once; the term over 5 years needs a justification (warning)', () => {
    const h = harness('national', '2025-12-22T10:00');
    ok(h.engine.create('authorized-operation.selection', { id: 'aos', actor: body, data: { method: 'negotiation' } }));
    ok(h.engine.dispatch('aos', 'select', { actor: body, payload: { operator: { name: '运营公司' } } }));
    const deliberating = ok(h.engine.dispatch('aos', 'deliberate_agreement', { actor: body, payload: { agreement: agreement('2026-01-05', '2032-01-04') } }));
    expect(deliberating.deadline).toMatchObject({ step: 'agreement_deliberation', limit: 20, dueDate: '2026-01-20' });
    h.to('2026-01-05T10:00');
    const long = agreement('2026-01-05', '2032-01-04');
    expect(code(h.engine.dispatch('aos', 'sign', { actor: body, payload: { agreement: long } }))).toBe('TERM_JUSTIFICATION_REQUIRED');
    const signed = ok(h.engine.dispatch('aos', 'sign', { actor: body, payload: { agreement: long, justification: '基础设施投资回收期 6 年' } }));
    expect(signed).toMatchObject({ state: 'signed', deadline: { step: 'agreement_filing', limit: 10, dueDate: '2026-01-19' } });
    expect(signed.events.at(-1)?.type).toBe('agreement_signed');
  });

  it('inner-mongolia: call → review by the clock → government approval; a term over 5 years is an error', () => {
    const h = harness('inner-mongolia', '2025-12-01T09:00');
    ok(h.engine.create('authorized-operation.selection', { id: 'aos', actor: body, data: { method: 'call_and_review' } }));
    expect(code(h.engine.dispatch('aos', 'select', { actor: body }))).toBe('ILLEGAL_TRANSITION');
    const call = ok(h.engine.dispatch('aos', 'publish_call', { actor: body }));
    expect(call.deadline).toMatchObject({ step: 'call_period', unit: 'calendar_days', limit: 20, dueDate: '2025-12-22', basis: '内政数字〔2024〕101号 第七条' });
    ok(h.engine.dispatch('aos', 'bid', { actor: operator, payload: { bid: { proposal: '方案' } } }));
    h.to('2025-12-23T09:00');
    expect(h.get('aos')).toMatchObject({ state: 'review', deadline: { step: 'qualification_review', limit: 20, dueDate: '2026-01-21' } });
    ok(h.engine.dispatch('aos', 'pass_review', { actor: authority, payload: { operator: { name: '内蒙古数据运营有限公司' } } }));
    ok(h.engine.dispatch('aos', 'approve_selection', { actor: grantor }));
    ok(h.engine.dispatch('aos', 'deliberate_agreement', { actor: body, payload: { agreement: agreement('2026-02-02', '2031-02-02') } }));
    const over = { agreement: agreement('2026-02-02', '2031-02-02'), justification: '理由' };
    expect(code(h.engine.dispatch('aos', 'sign', { actor: body, payload: over }))).toBe('TERM_EXCEEDS_CAP');
    // Signed before the term starts, the authorization is in force from signing: the cap counts from that day.
    expect(code(h.engine.dispatch('aos', 'sign', { actor: body, payload: { agreement: agreement('2026-02-02', '2031-02-01') } }))).toBe('TERM_EXCEEDS_CAP');
    h.to('2026-02-02T09:00');
    expect(ok(h.engine.dispatch('aos', 'sign', { actor: body, payload: { agreement: agreement('2026-02-02', '2031-02-01') } })).state).toBe('signed');
  });

  it('inner-mongolia: a call that sets its closing day runs to 24:00 of it, not the profile\'s 20 calendar days', () => {
    const h = harness('inner-mongolia', '2025-12-01T09:00');
    ok(h.engine.create('authorized-operation.selection', { id: 'aos', actor: body, data: { method: 'call_and_review' } }));
    const call = ok(h.engine.dispatch('aos', 'publish_call', { actor: body, payload: { closesOn: '2026-01-09' } }));
    expect(call.deadline).toMatchObject({ step: 'call_period', startedOn: '2025-12-01', dueDate: '2026-01-09', dueAt: '2026-01-10T00:00:00+08:00' });
    h.to('2025-12-23T09:00');
    expect(h.get('aos').state).toBe('call_published');
    h.to('2026-01-10T09:00');
    expect(h.get('aos').state).toBe('review');
  });

  it('xiamen: the government designates; a method of another profile is not offered', () => {
    const h = harness('xiamen', '2025-12-01T09:00');
    ok(h.engine.create('authorized-operation.selection', { id: 'aos', actor: body, data: { method: 'designation' } }));
    expect(code(h.engine.dispatch('aos', 'publish_call', { actor: body }))).toBe('ILLEGAL_TRANSITION');
    expect(ok(h.engine.dispatch('aos', 'designate', { actor: grantor, payload: { operator: { name: '一级开发主体' } } })).state).toBe('selected');
    expect(h.procedures.authorizedOperation.selection.states['call_published']).toBeUndefined();
  });
});

describe('authorized-operation authorization', () => {
  it('runs to the agreed term end and expires by the clock', () => {
    const h = harness('national', '2026-01-05T15:00');
    const r = ok(h.engine.create('authorized-operation.authorization', { id: 'aoa', actor: body, data: { termEnd: '2026-12-31' } }));
    expect(r.deadline).toMatchObject({ step: 'term', unit: 'calendar_days', limit: 360, startedOn: '2026-01-05', dueDate: '2026-12-31', dueAt: '2027-01-01T00:00:00+08:00' });
    const fired = h.to('2027-01-02T00:00');
    expect(fired.map((f) => [f.at, f.event])).toEqual([['2027-01-01T00:00:00+08:00', 'expire']]);
    expect(h.get('aoa').state).toBe('expired');
  });

  it('rectification: 30 calendar days then re-evaluation by the clock; a second rectify terminates', () => {
    const h = harness('inner-mongolia', '2026-01-05T15:00');
    ok(h.engine.create('authorized-operation.authorization', { id: 'aoa', actor: body, data: { termEnd: '2030-12-31' } }));
    h.to('2026-05-18T10:00');
    expect(ok(h.engine.dispatch('aoa', 'start_evaluation', { actor: authority })).deadline).toMatchObject({ step: 'evaluation', limit: 30, dueDate: '2026-06-30' });
    h.to('2026-06-01T10:00');
    const rectifying = ok(h.engine.dispatch('aoa', 'order_rectification', { actor: authority, payload: { reasons: ['访问日志不完整'] } }));
    expect(rectifying.deadline).toMatchObject({ step: 'rectification', unit: 'calendar_days', limit: 30, dueDate: '2026-07-01', basis: '内政数字〔2024〕101号 第三十六条' });
    h.to('2026-07-02T09:00');
    expect(h.get('aoa').state).toBe('under_evaluation');
    const failed = ok(h.engine.dispatch('aoa', 'order_rectification', { actor: authority, payload: { reasons: ['整改后仍不合格'] } }));
    expect(failed).toMatchObject({ state: 'terminated', data: { result: 'failed' } });
  });

  it('returns to active with the same term end after a suspension; the operator asks to terminate', () => {
    const h = harness('national', '2026-01-05T15:00');
    ok(h.engine.create('authorized-operation.authorization', { id: 'aoa', actor: body, data: { termEnd: '2028-01-04' } }));
    h.to('2026-03-02T10:00');
    const suspended = ok(h.engine.dispatch('aoa', 'suspend', { actor: authority, payload: { reasons: ['超范围使用数据'] } }));
    expect(suspended.deadline).toMatchObject({ step: 'suspension', unit: 'calendar_days', limit: 30 });
    // Reinstated only once the operator fed back (101号 第三十二条), which ends its step.
    expect(code(h.engine.dispatch('aoa', 'reinstate', { actor: authority }))).toBe('FEEDBACK_REQUIRED');
    expect(ok(h.engine.dispatch('aoa', 'file_feedback', { actor: operator, payload: { feedback: '已整改' } })).deadline).toBeNull();
    expect(ok(h.engine.dispatch('aoa', 'reinstate', { actor: authority })).deadline).toMatchObject({ step: 'term', dueDate: '2028-01-04' });
    expect(code(h.engine.dispatch('aoa', 'request_termination', { actor: operator }))).toBe('MISSING_REASONS');
    const asked = ok(h.engine.dispatch('aoa', 'request_termination', { actor: operator, payload: { reasons: ['业务调整'] } }));
    expect(asked.deadline).toMatchObject({ step: 'termination_request', limit: 20 });
    expect(ok(h.engine.dispatch('aoa', 'approve_termination', { actor: grantor })).state).toBe('terminated');
  });
});

describe('authorized-operation authorization: the term ends it in every running state', () => {
  it('takes the clock\'s expire outside active only once the term has ended', () => {
    const clock = { role: 'clock' };
    const h = harness('national', '2026-01-05T15:00');
    ok(h.engine.create('authorized-operation.authorization', { id: 'aoa', actor: body, data: { termEnd: '2026-12-31' } }));
    ok(h.engine.dispatch('aoa', 'request_termination', { actor: operator, payload: { reasons: ['业务调整'] } }));
    expect(code(h.engine.dispatch('aoa', 'expire', { actor: clock }))).toBe('TERM_NOT_ENDED');
    h.engine.plan({ at: at('2027-01-01T00:00'), instanceId: 'aoa', event: 'expire', actor: clock });
    // The grantor's 20 WD went overdue on the way; the term's end expires it.
    expect(h.to('2027-01-02T00:00').filter((f) => f.from !== f.to).map((f) => [f.at, f.from, f.to])).toEqual([['2027-01-01T00:00:00+08:00', 'termination_requested', 'expired']]);
  });
});

describe('authorized-operation authorization: a missed annual report (65号 五; 101号 第十六条)', () => {
  it('records the clock\'s annual_report_overdue with the year and the deadline that passed, in every running state', () => {
    const clock = { role: 'clock' };
    const h = harness('inner-mongolia', '2025-01-06T15:00');
    ok(h.engine.create('authorized-operation.authorization', { id: 'aoa', actor: body, data: { termEnd: '2028-01-05' } }));
    expect(code(h.engine.dispatch('aoa', 'annual_report_overdue', { actor: clock, payload: { year: 2025 } }))).toBe('MISSING_DUE_AT');
    expect(code(h.engine.dispatch('aoa', 'annual_report_overdue', { actor: operator, payload: { year: 2025, dueAt: '2026-04-01T00:00:00+08:00' } }))).toBe('ACTOR_NOT_ALLOWED');
    h.to('2026-03-02T10:00');
    ok(h.engine.dispatch('aoa', 'start_evaluation', { actor: authority }));
    h.engine.plan({ at: at('2026-04-01T00:00'), instanceId: 'aoa', event: 'annual_report_overdue', actor: clock, payload: { year: 2025, dueAt: '2026-04-01T00:00:00+08:00' } });
    const fired = h.to('2026-04-02T00:00');
    expect(fired.map((f) => [f.at, f.event, f.from, f.to])).toEqual([['2026-04-01T00:00:00+08:00', 'annual_report_overdue', 'under_evaluation', 'under_evaluation']]);
    expect(h.get('aoa').events.at(-1)).toMatchObject({ type: 'annual_report_overdue', actor: clock, data: { year: 2025, dueAt: '2026-04-01T00:00:00+08:00' } });
  });
});

describe('authorized-operation authorization: the formal-fee decisions', () => {
  it('decides a pending application only, once, in any running state', () => {
    const h = harness('national', '2026-03-02T10:00');
    const price = { role: 'price_authority', organizationId: 'org_price' };
    ok(h.engine.create('authorized-operation.authorization', { id: 'aoa', actor: body, data: { termEnd: '2029-01-04' } }));
    expect(code(h.engine.dispatch('aoa', 'approve_formal_fees', { actor: price }))).toBe('NO_PENDING_APPLICATION');
    expect(code(h.engine.dispatch('aoa', 'reject_formal_fees', { actor: price, payload: { reasons: ['资料不全'] } }))).toBe('NO_PENDING_APPLICATION');
    ok(h.engine.dispatch('aoa', 'apply_formal_fees', { actor: grantor }));
    ok(h.engine.dispatch('aoa', 'start_evaluation', { actor: authority }));
    ok(h.engine.dispatch('aoa', 'reject_formal_fees', { actor: price, payload: { reasons: ['资料不全'] } }));
    expect(code(h.engine.dispatch('aoa', 'approve_formal_fees', { actor: price }))).toBe('NO_PENDING_APPLICATION');
    ok(h.engine.dispatch('aoa', 'apply_formal_fees', { actor: grantor }));
    expect(ok(h.engine.dispatch('aoa', 'approve_formal_fees', { actor: price })).events.at(-1)).toMatchObject({ type: 'formal_fees_approved' });
    expect(code(h.engine.dispatch('aoa', 'approve_formal_fees', { actor: price }))).toBe('NO_PENDING_APPLICATION');
  });

  it('takes the application from the grantor only (65号 二 授权主体…提出书面申请): the operator is refused and offered none', () => {
    const h = harness('national', '2026-03-02T10:00');
    ok(h.engine.create('authorized-operation.authorization', { id: 'aoa', actor: body, data: { termEnd: '2029-01-04' } }));
    const refused = h.engine.dispatch('aoa', 'apply_formal_fees', { actor: operator });
    expect(code(refused)).toBe('ACTOR_NOT_ALLOWED');
    expect(refused.ok ? [] : refused.error.allowed).not.toContain('apply_formal_fees');
    expect(h.get('aoa').events.map((e) => e.type)).not.toContain('formal_fees_applied');
    expect(ok(h.engine.dispatch('aoa', 'apply_formal_fees', { actor: grantor })).events.at(-1)).toMatchObject({ type: 'formal_fees_applied', actor: grantor });
  });
});

describe('authorized-operation authorization: the amended term and the evaluation clock', () => {
  it('holds an amended term (payload.term) to the cap: a justification nationally, refused in Inner Mongolia', () => {
    for (const [profile, refusal] of [['national', 'TERM_JUSTIFICATION_REQUIRED'], ['inner-mongolia', 'TERM_EXCEEDS_CAP']] as const) {
      const h = harness(profile, '2026-01-05T15:00');
      ok(h.engine.create('authorized-operation.authorization', { id: 'aoa', actor: body, data: { termEnd: '2029-01-04' } }));
      ok(h.engine.dispatch('aoa', 'amend', { actor: body, payload: { amendment: '延期' } }));
      const long = { termEnd: '2031-06-30', term: { from: '2026-01-05', to: '2031-06-30' } };
      expect(code(h.engine.dispatch('aoa', 'approve_amendment', { actor: body, payload: long }))).toBe(refusal);
      const justified = h.engine.dispatch('aoa', 'approve_amendment', { actor: body, payload: { ...long, justification: '折旧期' } });
      expect(code(justified)).toBe(profile === 'national' ? 'ok' : refusal);
    }
  });

  it('runs the evaluation from payload.annualReportOn, or from its start until annual_report_filed restarts it', () => {
    const h = harness('national', '2026-03-02T10:00');
    ok(h.engine.create('authorized-operation.authorization', { id: 'aoa', actor: body, data: { termEnd: '2027-12-31' } }));
    const fromReport = ok(h.engine.dispatch('aoa', 'start_evaluation', { actor: authority, payload: { annualReportOn: '2026-02-02' } }));
    expect(fromReport.deadline).toMatchObject({ startedOn: '2026-02-02', dueDate: '2026-03-20' });
    ok(h.engine.dispatch('aoa', 'pass_evaluation', { actor: authority }));
    expect(ok(h.engine.dispatch('aoa', 'start_evaluation', { actor: authority })).deadline).toMatchObject({ startedOn: '2026-03-02' });
    h.to('2026-03-09T10:00');
    expect(ok(h.engine.dispatch('aoa', 'annual_report_filed', { actor: { role: 'clock' }, payload: { annualReportOn: '2026-03-09' } })).deadline).toMatchObject({ startedOn: '2026-03-09' });
    expect(code(h.engine.dispatch('aoa', 'annual_report_filed', { actor: { role: 'clock' }, payload: { annualReportOn: '2026-03-10' } }))).toBe('GUARD_REJECTED');
  });
});

describe('authorized-operation data access', () => {
  it('is not approved while the clock marks it suspended with its authorization', () => {
    const h = harness('national', '2026-01-12T10:00');
    ok(h.engine.create('authorized-operation.data-access', { id: 'aoq', actor: operator }));
    expect(ok(h.engine.dispatch('aoq', 'suspend_access', { actor: { role: 'clock' } })).data).toMatchObject({ accessSuspended: true });
    expect(code(h.engine.dispatch('aoq', 'approve_data_access', { actor: authority }))).toBe('AUTHORIZATION_NOT_ACTIVE');
    ok(h.engine.dispatch('aoq', 'resume_access', { actor: { role: 'clock' } }));
    expect(ok(h.engine.dispatch('aoq', 'approve_data_access', { actor: authority })).state).toBe('approved');
  });


  it('xiamen: a 二级 applies, the 一级 reviews within 5 WD, then reports the agreement within 5 WD', () => {
    const h = harness('xiamen', '2026-01-12T10:00');
    const r = ok(h.engine.create('authorized-operation.data-access', { id: 'aoq', actor: user }));
    expect(r.deadline).toMatchObject({ step: 'data_access_review', limit: 5, dueDate: '2026-01-19', basis: '厦门市公共数据开发利用管理暂行办法 第十二条' });
    expect(code(h.engine.dispatch('aoq', 'approve_data_access', { actor: authority }))).toBe('ACTOR_NOT_ALLOWED');
    h.to('2026-01-20T10:00');
    // The report's 5 WD run from the signing it states (ambiguity 5): no step runs before it.
    expect(ok(h.engine.dispatch('aoq', 'approve_data_access', { actor: operator })).deadline).toBeNull();
    expect(ok(h.engine.dispatch('aoq', 'report_agreement', { actor: operator, payload: { report: { signedOn: '2026-01-22' } } })).deadline).toBeNull();
    expect(code(h.engine.dispatch('aoq', 'report_agreement', { actor: operator, payload: { report: {} } }))).toBe('ALREADY_REPORTED');
    const duty = agreementReportDuty(h.procedures.profile, WorkingCalendar.official(), { signedOn: '2026-01-22', approvedOn: '2026-01-20', reportedAt: at('2026-01-30T10:00') });
    expect(duty).toMatchObject({ limit: 5, startTrigger: 'agreement_signed', startedOn: '2026-01-22', dueDate: '2026-01-29', reportedOn: '2026-01-30', late: true });
  });

  it('an agreement report or a product registration reaching an unpublished year throws, or counts it Monday–Friday when asked', () => {
    const calendar = WorkingCalendar.official();
    const report = { signedOn: '2026-12-28', approvedOn: '2026-12-21', reportedAt: at('2026-12-28T10:00') };
    expect(() => agreementReportDuty(resolveProfile('xiamen'), calendar, report)).toThrow(expect.objectContaining({ code: 'CALENDAR_NOT_PUBLISHED' }));
    // 12-29, 12-30, 12-31, then Friday 2027-01-01 and Monday 01-04 as if no holiday fell there.
    expect(agreementReportDuty(resolveProfile('xiamen'), calendar, report, { estimate: true })).toMatchObject({ startedOn: '2026-12-28', dueDate: '2027-01-04', late: false });
    const filing = { operationStartedOn: '2026-12-08', receivedAt: at('2026-12-09T10:00') };
    expect(() => initialFiling(resolveProfile('national'), calendar, filing)).toThrow(expect.objectContaining({ code: 'CALENDAR_NOT_PUBLISHED' }));
    expect(initialFiling(resolveProfile('national'), calendar, filing, { estimate: true })).toMatchObject({ startedOn: '2026-12-08', dueDate: '2027-01-05', late: false });
  });

  it('xiamen with agreementReportFrom: approval, the report is a step from the approval', () => {
    const h = harness({ name: 'from-approval', extends: 'xiamen', options: { authorizedOperation: { agreementReportFrom: 'approval' } } }, '2026-01-12T10:00');
    ok(h.engine.create('authorized-operation.data-access', { id: 'aoq', actor: user }));
    h.to('2026-01-20T10:00');
    expect(ok(h.engine.dispatch('aoq', 'approve_data_access', { actor: operator })).deadline).toMatchObject({ step: 'agreement_report', limit: 5, dueDate: '2026-01-27' });
    expect(ok(h.engine.dispatch('aoq', 'report_agreement', { actor: operator, payload: { report: { signedOn: '2026-01-22' } } })).deadline).toBeNull();
    const duty = agreementReportDuty(h.procedures.profile, WorkingCalendar.official(), { signedOn: '2026-01-22', approvedOn: '2026-01-20', reportedAt: at('2026-01-27T10:00') });
    expect(duty).toMatchObject({ startedOn: '2026-01-20', dueDate: '2026-01-27', late: false });
  });

  it('national: the operator applies, the data authority reviews within 10 WD (choice), no agreement step', () => {
    const h = harness('national', '2026-01-12T10:00');
    const r = ok(h.engine.create('authorized-operation.data-access', { id: 'aoq', actor: operator }));
    expect(r.deadline).toMatchObject({ limit: 10, dueDate: '2026-01-26' });
    expect(code(h.engine.dispatch('aoq', 'approve_data_access', { actor: operator }))).toBe('ACTOR_NOT_ALLOWED');
    expect(ok(h.engine.dispatch('aoq', 'approve_data_access', { actor: authority })).deadline).toBeNull();
    expect(code(h.engine.dispatch('aoq', 'report_agreement', { actor: operator, payload: { report: {} } }))).toBe('ILLEGAL_TRANSITION');
  });
});

describe('authorized-operation: approvals held while the authorization takes no new permissions', () => {
  const clock = { role: 'clock' };

  it('a request is not approved while the clock holds it, and is once reopened', () => {
    const h = harness('national', '2026-01-12T10:00');
    ok(h.engine.create('authorized-operation.data-access', { id: 'aoq', actor: operator }));
    ok(h.engine.dispatch('aoq', 'close_approval', { actor: clock, payload: { authorizationState: 'under_evaluation' } }));
    expect(code(h.engine.dispatch('aoq', 'approve_data_access', { actor: authority }))).toBe('AUTHORIZATION_NOT_ACTIVE');
    expect(ok(h.engine.dispatch('aoq', 'reopen_approval', { actor: clock })).events.at(-1)).toMatchObject({ type: 'approval_reopened', to: 'submitted' });
    expect(ok(h.engine.dispatch('aoq', 'approve_data_access', { actor: authority })).state).toBe('approved');
  });

  it('a product is not listed while held, is listed once reopened, and is rejected when its authorization ends', () => {
    const h = harness('national', '2026-03-02T09:00');
    for (const id of ['aod_1', 'aod_2']) {
      ok(h.engine.create('authorized-operation.product', { id, actor: operator }));
      ok(h.engine.dispatch(id, 'submit', { actor: operator }));
      ok(h.engine.dispatch(id, 'close_approval', { actor: clock }));
      expect(code(h.engine.dispatch(id, 'pass_compliance_review', { actor: authority }))).toBe('AUTHORIZATION_NOT_ACTIVE');
    }
    ok(h.engine.dispatch('aod_1', 'reopen_approval', { actor: clock }));
    expect(ok(h.engine.dispatch('aod_1', 'pass_compliance_review', { actor: authority })).state).toBe('listed');
    expect(code(h.engine.dispatch('aod_2', 'authorization_ended', { actor: clock }))).toBe('MISSING_REASONS');
    const ended = ok(h.engine.dispatch('aod_2', 'authorization_ended', { actor: clock, payload: { reasons: [{ code: 'AUTHORIZATION_NOT_ACTIVE', text: '授权运营已终止' }] } }));
    expect(ended).toMatchObject({ state: 'rejected', deadline: null });
  });

  it('permissionsOpen: active, and the states a profile adds', () => {
    expect(['active', 'amending', 'suspended', 'under_evaluation', 'rectifying', 'termination_requested'].filter((s) => permissionsOpen(resolveProfile('national'), s))).toEqual(['active']);
    const open = resolveProfile({ name: 'open-evaluation', extends: 'national', options: { authorizedOperation: { permissionsOpenWhile: ['under_evaluation', 'rectifying'] } } });
    expect(['active', 'amending', 'under_evaluation', 'rectifying'].filter((s) => permissionsOpen(open, s))).toEqual(['active', 'under_evaluation', 'rectifying']);
    expect(() => resolveProfile({ name: 'bad', extends: 'national', options: { authorizedOperation: { permissionsOpenWhile: ['suspended'] } } })).toThrow(/permissionsOpenWhile/);
  });
});

describe('authorized-operation product', () => {
  it('is reviewed within 5 WD (choice), listed, and withdrawn only with a reason', () => {
    const h = harness('national', '2026-03-02T09:00');
    ok(h.engine.create('authorized-operation.product', { id: 'aod', actor: operator }));
    expect(ok(h.engine.dispatch('aod', 'submit', { actor: operator })).deadline).toMatchObject({ step: 'compliance_review', limit: 5, dueDate: '2026-03-09' });
    h.to('2026-03-09T10:00');
    expect(ok(h.engine.dispatch('aod', 'pass_compliance_review', { actor: authority })).state).toBe('listed');
    expect(code(h.engine.dispatch('aod', 'withdraw', { actor: operator }))).toBe('MISSING_REASONS');
    expect(ok(h.engine.dispatch('aod', 'withdraw', { actor: operator, payload: { reasons: ['产品升级'] } })).state).toBe('withdrawn');
  });
});
