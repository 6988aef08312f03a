// The registrant's initial-filing duty (第九条(一); 223号 第十条(一)): `Application.initialFiling`.
import { WorkingCalendar } from '@gdx/calendar';
import { afterEach, describe, expect, it } from 'vitest';
import { TRANSPORTS } from '../support/transports.js';
import { attachment, Harness, idem, initialSubmission, type Org } from './harness.js';

const inProcess = TRANSPORTS['in-process fetch']!;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start(profile: string | Record<string, unknown>, startAt: string): Promise<Harness> {
  h = await Harness.start(inProcess, { profile, startAt });
  return h;
}

const startedOn = (org: Org, operationStartedOn: string) => ({ ...initialSubmission(org), operationStartedOn });

async function submitted(x: Harness, org: Org, body: Record<string, unknown>) {
  const r = await x.call(org, 'POST', '/applications', {}, body, idem());
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

describe('initialFiling on submission', () => {
  it('counts a legacy filing from the effective date an inline profile gives (simulation API)', async () => {
    h = await Harness.start(inProcess, {
      profile: { name: 'late-rules', extends: 'national', effectiveDates: { registration: { date: '2025-09-01', basis: '某市登记办法 第三十条', choice: true } } },
      startAt: '2025-10-20T09:00:00+08:00',
    });
    const org = h.org(0);
    const app = await submitted(h, org, startedOn(org, '2025-06-01'));
    const dueDate = WorkingCalendar.official().addWorkingDays('2025-09-01', 30); // across National Day
    expect(app.initialFiling).toMatchObject({ legacy: true, startedOn: '2025-09-01', dueDate, late: dueDate < '2025-10-20' });
  });

  it('20 WD from 2025-09-26 end on 2025-10-30 (National Day skipped, make-up days counted): filed that day in time, the next day late', async () => {
    const x = await start('national', '2025-10-30T23:59:00+08:00');
    const org = x.org(0);
    const inTime = await submitted(x, org, startedOn(org, '2025-09-26'));
    expect(inTime.initialFiling).toEqual({
      operationStartedOn: '2025-09-26', legacy: false, limit: 20, unit: 'working_days', startTrigger: 'operation_started',
      startedOn: '2025-09-26', dueDate: '2025-10-30', dueAt: '2025-10-31T00:00:00+08:00', late: false, basis: '发改数据规〔2025〕26号 第九条(一)',
    });

    await x.advance('2025-10-31T00:00:00+08:00');
    const late = await submitted(x, org, startedOn(org, '2025-09-26'));
    expect(late.initialFiling).toMatchObject({ dueDate: '2025-10-30', late: true });
    // Reported, not refused: the late application is received and accepted as any other.
    expect(late).toMatchObject({ state: 'submitted', deadline: { step: 'acceptance', startedOn: '2025-10-31' } });
    expect((await x.act('application', late.id, 'accept')).status).toBe(200);
    const read = await x.call(org, 'GET', '/applications/{applicationId}', { applicationId: late.id });
    expect(read.body).toMatchObject({ state: 'under_review', initialFiling: { late: true, dueDate: '2025-10-30' } });
    const listed = await x.call(org, 'GET', '/applications');
    expect(listed.body.items.map((a: { initialFiling: { late: boolean } }) => a.initialFiling.late)).toEqual([true, false]);
  });

  it.each([
    // 30 WD after Saturday 2025-03-01 (March: 21 working days; Qingming 04-04 off) → 2025-04-14.
    { profile: 'national', started: '2024-06-01', at: '2025-04-15T09:00:00+08:00', from: '2025-03-01', dueDate: '2025-04-14', late: true, basis: '发改数据规〔2025〕26号 第九条(一)' },
    { profile: 'xiamen', started: '2025-02-28', at: '2025-04-14T16:00:00+08:00', from: '2025-03-01', dueDate: '2025-04-14', late: false, basis: '发改数据规〔2025〕26号 第九条(一)' },
    // 223号 took effect on publication, 2024-12-30: 30 WD across New Year and the Spring Festival → 2025-02-17.
    { profile: 'inner-mongolia', started: '2024-06-01', at: '2025-02-17T10:00:00+08:00', from: '2024-12-30', dueDate: '2025-02-17', late: false, basis: '内政数字〔2024〕223号 第十条(一)' },
  ])('$profile: an operation started $started predates the rules → 30 WD from $from', async ({ profile, started, at, from, dueDate, late, basis }) => {
    const x = await start(profile, at);
    const org = x.org(0);
    const app = await submitted(x, org, startedOn(org, started));
    expect(app.initialFiling).toMatchObject({ operationStartedOn: started, legacy: true, limit: 30, startTrigger: 'rules_in_force', startedOn: from, dueDate, late, basis });
  });

  it('is null without operationStartedOn', async () => {
    const x = await start('national', '2025-09-26T10:00:00+08:00');
    const org = x.org(0);
    expect((await submitted(x, org, initialSubmission(org))).initialFiling).toBeNull();
  });

  it('refuses an operation start after the day of receipt with a field error and records nothing', async () => {
    const x = await start('national', '2025-09-26T23:00:00+08:00');
    const org = x.org(0);
    const refused = await x.call(org, 'POST', '/applications', {}, startedOn(org, '2025-09-27'), idem());
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/operationStartedOn', code: 'OPERATION_START_AFTER_RECEIPT' }] });
    expect((await x.call(org, 'GET', '/applications')).body.total).toBe(0);
    expect((await submitted(x, org, startedOn(org, '2025-09-26'))).initialFiling).toMatchObject({ late: false });
  });

  it('a due date in an unpublished year answers 422 CALENDAR_NOT_PUBLISHED until the year is added', async () => {
    const x = await start('national', '2026-12-16T10:00:00+08:00');
    const org = x.org(0);
    const refused = await x.call(org, 'POST', '/applications', {}, startedOn(org, '2026-12-15'), idem());
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'CALENDAR_NOT_PUBLISHED', year: 2027 });
    expect((await x.call(org, 'GET', '/applications')).body.total).toBe(0);
    const put = await x.sim('PUT', `/sandboxes/${x.sandboxId}/calendar/2027`, { year: 2027, source: '测试用安排', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] });
    expect(put.status).toBe(200);
    expect((await submitted(x, org, startedOn(org, '2026-12-15'))).initialFiling).toMatchObject({ dueDate: '2027-01-13', late: false });
  });
});

describe('initialFiling on resubmission', () => {
  it('a corrected operationStartedOn is judged against the original receipt, not the resubmission day', async () => {
    // Two supplement notices on one application: a profile that allows a notice after each
    // resubmission (the default, 一次性告知, refuses the second).
    const x = await start({ extends: 'national', name: 'repeated-notices', options: { supplementNotice: 'repeatable' } }, '2025-10-30T10:00:00+08:00');
    const org = x.org(0);
    const app = await submitted(x, org, startedOn(org, '2025-09-01'));
    expect(app.initialFiling).toMatchObject({ dueDate: '2025-09-28', late: true });
    expect((await x.act('application', app.id, 'request_supplements', { items: [{ field: '/operationStartedOn', text: '开展授权运营之日有误' }] })).status).toBe(200);

    await x.advance('2025-11-20T10:00:00+08:00');
    const resubmit = (changes: Record<string, unknown>) => x.call(org, 'POST', '/applications/{applicationId}/resubmissions', { applicationId: app.id }, { changes }, idem());
    const future = await resubmit({ operationStartedOn: '2025-10-31' });
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ errors: [{ pointer: '/changes/operationStartedOn', code: 'OPERATION_START_AFTER_RECEIPT' }] });
    expect((await x.call(org, 'GET', '/applications/{applicationId}', { applicationId: app.id })).body).toMatchObject({ state: 'supplement_required', initialFiling: { operationStartedOn: '2025-09-01' } });

    const corrected = await resubmit({ operationStartedOn: '2025-09-26' });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body).toMatchObject({ state: 'submitted', initialFiling: { operationStartedOn: '2025-09-26', dueDate: '2025-10-30', late: false } });

    // Other corrections keep it.
    expect((await x.act('application', app.id, 'request_supplements', { items: [{ field: '/evidence', text: '存证材料不完整' }] })).status).toBe(200);
    const other = await resubmit({ evidence: { description: '已补充存证。', attachments: [attachment('存证证明.pdf')] } });
    expect(other.body.initialFiling).toEqual(corrected.body.initialFiling);
  });
});
