import { describe, expect, it } from 'vitest';
import { harness, ok } from './harness.js';

const applicant = { role: 'applicant', organizationId: 'org_app' };
const operator = { role: 'platform_operator', organizationId: 'org_op' };
const authority = { role: 'data_authority', organizationId: 'org_auth' };

describe('open-data application', () => {
  it('runs two sequential clocks: 3 WD initial review, then 7 WD from the day it passed', () => {
    const h = harness('xiamen', '2025-09-26T10:00');
    const created = ok(h.engine.create('open-data.application', { id: 'oda', actor: applicant }));
    expect(created.state).toBe('initial_review');
    expect(created.deadline).toMatchObject({ step: 'initial_review', limit: 3, startedOn: '2025-09-26', dueDate: '2025-09-30' });
    h.to('2025-09-30T16:00');
    const passed = ok(h.engine.dispatch('oda', 'pass_initial_review', { actor: operator }));
    expect(passed.deadline).toMatchObject({ step: 'substantive_review', limit: 7, startedOn: '2025-09-30', dueDate: '2025-10-16' });
    const approved = ok(h.engine.dispatch('oda', 'approve', { actor: authority, payload: { grant: { appKey: 'k' } } }));
    expect(approved).toMatchObject({ state: 'approved', deadline: null, data: { grant: { appKey: 'k' } } });
    expect(approved.events.at(-1)?.type).toBe('grant_issued');
    // Only the clock lets a grant expire (at the end of its period of use).
    const early = h.engine.dispatch('oda', 'expire', { actor: authority });
    expect(early.ok ? 'ok' : early.error.code).toBe('ACTOR_NOT_ALLOWED');
  });

  it('never adds the limits up front: a late initial review pushes the second clock', () => {
    const h = harness('national', '2025-09-26T10:00');
    ok(h.engine.create('open-data.application', { id: 'oda', actor: applicant }));
    h.to('2025-10-10T10:00');
    expect(h.get('oda').deadline?.overdue).toBe(true);
    const passed = ok(h.engine.dispatch('oda', 'pass_initial_review', { actor: operator }));
    expect(passed.deadline).toMatchObject({ startedOn: '2025-10-10', dueDate: '2025-10-20', overdue: false });
  });

  it('returns and rejects only with reasons; rejections are marked for publication', () => {
    const h = harness('xiamen', '2025-09-26T10:00');
    ok(h.engine.create('open-data.application', { id: 'a', actor: applicant }));
    ok(h.engine.create('open-data.application', { id: 'b', actor: applicant }));
    const bare = h.engine.dispatch('a', 'return', { actor: operator });
    expect(bare.ok ? 'ok' : bare.error.code).toBe('MISSING_REASONS');
    expect(ok(h.engine.dispatch('a', 'return', { actor: operator, payload: { reasons: ['缺少安全保障措施说明'] } })).state).toBe('returned');
    ok(h.engine.dispatch('b', 'pass_initial_review', { actor: operator }));
    const rejected = ok(h.engine.dispatch('b', 'reject', { actor: authority, payload: { reasons: ['申请场景不在允许清单内'] } }));
    expect(rejected).toMatchObject({ state: 'rejected', data: { published: true } });
  });
});

describe('usage reporting', () => {
  it('is due every 90 calendar days, flags a late report, and counts the next period from the end of the previous one', () => {
    const h = harness('xiamen', '2025-10-16T10:00');
    const due = ok(h.engine.create('open-data.usage-reporting', { id: 'use', actor: operator, data: { grantId: 'gr' } }));
    expect(due.deadline).toMatchObject({ step: 'usage_report', unit: 'calendar_days', limit: 90, dueDate: '2026-01-14' });
    expect(h.to('2026-01-20T10:00').map((f) => f.event)).toEqual(['deadline_overdue']);
    const reported = ok(h.engine.dispatch('use', 'submit_report', { actor: applicant, payload: { report: { summary: '用于交通出行分析' } } }));
    expect(reported.deadline).toMatchObject({ startedOn: '2026-01-14', dueDate: '2026-04-14', overdue: false });
    expect(reported.events.at(-1)?.type).toBe('usage_report_submitted');
  });

  it('keeps the 90-day grid when a period ends on a rest day: the next period starts after its last day, not after the due day moved past it', () => {
    // 90 days from 2025-11-03 end on Sunday 2026-02-01; the report is due Monday 02-02 (民法典 第二百零三条).
    const h = harness('xiamen', '2025-11-03T10:00');
    const due = ok(h.engine.create('open-data.usage-reporting', { id: 'use', actor: operator, data: { grantId: 'gr' } }));
    expect(due.deadline).toMatchObject({ startedOn: '2025-11-03', dueDate: '2026-02-02' });
    h.to('2026-02-02T10:00');
    const reported = ok(h.engine.dispatch('use', 'submit_report', { actor: applicant, payload: { report: { summary: '用于交通出行分析' } } }));
    // Period 2 ends on 05-02, in the Labour Day holiday: due 05-06, and period 3 runs from 05-02.
    expect(reported.deadline).toMatchObject({ startedOn: '2026-02-01', dueDate: '2026-05-06', overdue: false });
    h.to('2026-05-06T10:00');
    const again = ok(h.engine.dispatch('use', 'submit_report', { actor: applicant, payload: { report: { summary: '用于交通出行分析' } } }));
    expect(again.deadline).toMatchObject({ startedOn: '2026-05-02', dueDate: '2026-07-31' });
  });

  it('ends with the last report, setting no further due date', () => {
    const h = harness('xiamen', '2025-10-16T10:00');
    ok(h.engine.create('open-data.usage-reporting', { id: 'use', actor: operator, data: { grantId: 'gr' } }));
    const last = ok(h.engine.dispatch('use', 'submit_last_report', { actor: applicant, payload: { report: { summary: '用于交通出行分析' } } }));
    expect(last).toMatchObject({ state: 'ended', deadline: null });
    expect(last.events.at(-1)).toMatchObject({ type: 'usage_report_submitted', from: 'due', to: 'ended' });
  });
});
