import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld } from '../support/world.js';
import { APPLICANT, applicationBody, apply, grantApprovedAt, onApplication, readGrant } from './fixtures.js';

const ctx = useWorld();

describe('open-data applications', () => {
  it('runs two sequential clocks: 3 WD initial review, then 7 WD from the day it passed', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const app = await apply(world);
    expect(app).toMatchObject({ state: 'initial_review', deadline: { step: 'initial_review', limit: 3, startedOn: '2025-09-26', dueDate: '2025-09-30' } });
    await world.advance({ to: '2025-09-29T15:00:00+08:00' });
    const passed = await world.act({ platform: 'open-data', objectType: 'application', objectId: app.id, action: 'pass_initial_review' });
    expectContract('simulation', 'actAsOfficial', passed, 200);
    expect(passed.body.event.actor.role).toBe('platform_operator');
    // 7 WD from 2025-09-29 is 2025-10-15 (not 10 WD from the application day, 2025-10-16).
    expect(passed.body.object.deadline).toMatchObject({ step: 'substantive_review', limit: 7, startedOn: '2025-09-29', dueDate: '2025-10-15' });
  });

  // national (and inner-mongolia, which extends it) have no rule of their own for these steps:
  // the answer must not pass Xiamen's article off as theirs.
  it.each(['national', 'inner-mongolia'] as const)('says in a %s sandbox that the review limits are borrowed from Xiamen', async (profile) => {
    const world = await openWorld(ctx, { profile });
    const app = await apply(world);
    expect(app.deadline.basis).toBe('厦门市公共数据共享开放管理暂行办法 第二十三条（本辖区无规定，借用厦门规定作默认）');
  });

  it('cites Xiamen\'s own rule plainly in a xiamen sandbox', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    expect((await apply(world)).deadline.basis).toBe('厦门市公共数据共享开放管理暂行办法 第二十三条');
  });

  it('returns with reasons (terminal)', async () => {
    const world = await openWorld(ctx);
    const app = await apply(world);
    const returned = await world.act({ platform: 'open-data', objectType: 'application', objectId: app.id, action: 'return', reasons: [{ text: '缺少技术能力证明' }] });
    expect(returned.body.object).toMatchObject({ state: 'returned', reasons: [{ text: '缺少技术能力证明' }], deadline: null });
    const again = await world.act({ platform: 'open-data', objectType: 'application', objectId: app.id, action: 'pass_initial_review' });
    expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'returned' });
  });

  it('publishes rejection reasons without the applicant', async () => {
    const world = await openWorld(ctx);
    const app = await apply(world);
    const target = { platform: 'open-data', objectType: 'application', objectId: app.id };
    await world.act({ ...target, action: 'pass_initial_review' });
    await world.act({ ...target, action: 'reject', reasons: [{ text: '申请场景属于禁止的应用场景' }] });
    const page = await world.openData('GET', '/rejections');
    expectContract('open-data', 'listRejections', page, 200);
    expect(page.body.items).toEqual([{ applicationId: app.id, datasets: app.submission.datasetIds.map((id: string) => ({ id, title: expect.any(String) })), scenario: '企业征信', reasons: [{ text: '申请场景属于禁止的应用场景' }], rejectedOn: '2025-09-26' }]);
    expect(JSON.stringify(page.body)).not.toContain(world.org(APPLICANT).creditCode);
  });

  it('approves with a grant; usage reports fall due and overdue; the grant is suspended and expires', async () => {
    const world = await openWorld(ctx);
    const dataset = onApplication(world, 'usage_feedback');
    const app = await apply(world, dataset);
    const target = { platform: 'open-data', objectType: 'application', objectId: app.id };
    await world.act({ ...target, action: 'pass_initial_review' });
    const approved = await world.act({ ...target, action: 'approve' });
    expect(approved.body.event.type).toBe('grant_issued');
    const grantId = approved.body.object.grantId;
    const grant = await world.openData('GET', `/grants/${grantId}`, { as: world.org(APPLICANT) });
    expectContract('open-data', 'getGrant', grant, 200);
    expect(grant.body).toMatchObject({ state: 'active', scope: '全市范围', validFrom: '2025-10-01', validUntil: '2026-09-30', conditions: expect.arrayContaining(['usage_feedback']), appKey: expect.stringMatching(/^odk_/) });
    expect(grant.body.usageReportsDue).toEqual([{ periodEnd: '2025-12-25', dueDate: '2025-12-25', submitted: false, overdue: false }]);
    await world.advance({ to: '2025-12-27T10:00:00+08:00' });
    const late = await world.openData('GET', `/grants/${grantId}`, { as: world.org(APPLICANT) });
    expect(late.body.usageReportsDue[0]).toMatchObject({ submitted: false, overdue: true });
    const report = await world.openData('POST', `/grants/${grantId}/usage-reports`, { as: world.org(APPLICANT), body: { period: { from: '2025-10-01', to: '2025-12-25' }, summary: '均在场景内使用。', withinScenario: true } });
    expectContract('open-data', 'submitUsageReport', report, 201);
    const after = await world.openData('GET', `/grants/${grantId}`, { as: world.org(APPLICANT) });
    expect(after.body.usageReportsDue).toEqual([
      { periodEnd: '2025-12-25', dueDate: '2025-12-25', submitted: true, overdue: true },
      { periodEnd: '2026-03-25', dueDate: '2026-03-25', submitted: false, overdue: false },
    ]);
    const reports = await world.openData('GET', `/grants/${grantId}/usage-reports`, { as: world.org(APPLICANT) });
    expectContract('open-data', 'listUsageReports', reports, 200);
    expect(reports.body.total).toBe(1);
    const suspended = await world.act({ platform: 'open-data', objectType: 'grant', objectId: grantId, action: 'suspend', reasons: [{ text: '未按期提交使用报告' }] });
    expect(suspended.body.object.state).toBe('suspended');
    await world.advance({ to: '2026-10-01T01:00:00+08:00' });
    const expired = await world.openData('GET', `/grants/${grantId}`, { as: world.org(APPLICANT) });
    expect(expired.body.state).toBe('expired');
    expect((await world.openData('GET', `/applications/${app.id}`, { as: world.org(APPLICANT) })).body.state).toBe('expired');
  });

  // Applied for on 2025-09-26 (the world's start); the same check as sharing requests'.
  it.each([
    ['ends before it starts', { from: '2026-09-30', to: '2026-01-01' }, '/periodOfUse/to', 'PERIOD_INVALID'],
    ['ended before the application', { from: '2025-01-01', to: '2025-06-30' }, '/periodOfUse/to', 'PERIOD_ENDED'],
    ['ends in year 9999', { from: '2025-10-01', to: '9999-12-31' }, '/periodOfUse/to', 'PERIOD_OUT_OF_RANGE'],
  ])('refuses a period of use that %s with 400 at the day, storing nothing', async (_case, periodOfUse, pointer, code) => {
    const world = await openWorld(ctx);
    const reply = await world.openData('POST', '/applications', { as: world.org(APPLICANT), body: applicationBody(world, onApplication(world), { periodOfUse }) });
    expectContract('open-data', 'submitApplication', reply, 400);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer, code }] });
    expect((await world.openData('GET', '/applications', { as: world.org(APPLICANT) })).body.total).toBe(0);
  });

  it('refuses a usage report whose period ends before it starts with 400 PERIOD_INVALID at /period/to, storing nothing', async () => {
    const world = await openWorld(ctx);
    const grant = await grantApprovedAt(world, '2025-10-14T10:00:00+08:00', { from: '2025-10-15', to: '2026-10-14' }, 'usage_feedback');
    const body = { period: { from: '2025-12-31', to: '2025-10-15' }, summary: '均在场景内使用。', withinScenario: true };
    const reply = await world.openData('POST', `/grants/${grant.id}/usage-reports`, { as: world.org(APPLICANT), body });
    expectContract('open-data', 'submitUsageReport', reply, 400);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/period/to', code: 'PERIOD_INVALID' }] });
    expect((await world.openData('GET', `/grants/${grant.id}/usage-reports`, { as: world.org(APPLICANT) })).body.total).toBe(0);
    expect((await readGrant(world, grant.id)).usageReportsDue).toEqual(grant.usageReportsDue);
  });

  it('refuses a delivery method the dataset does not offer (400 DELIVERY_METHOD_UNAVAILABLE at /deliveryMethod), storing nothing; an offered one is granted', async () => {
    const world = await openWorld(ctx);
    const dataset = world.seed.datasets.find((d) => d.openingType === 'on_application' && d.files.length > 0 && d.api === null);
    if (!dataset) throw new Error('no on_application dataset with files and no API in the seed');
    for (const deliveryMethod of ['api', 'stream', 'db_table']) {
      const reply = await world.openData('POST', '/applications', { as: world.org(APPLICANT), body: applicationBody(world, dataset, { deliveryMethod }) });
      expectContract('open-data', 'submitApplication', reply, 400);
      expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/deliveryMethod', code: 'DELIVERY_METHOD_UNAVAILABLE', message: { zh: expect.stringContaining('file'), en: expect.stringContaining(`${dataset.id}: file`) } }] });
    }
    expect((await world.openData('GET', '/applications', { as: world.org(APPLICANT) })).body.total).toBe(0);
    const app = await apply(world, dataset, { deliveryMethod: 'file' });
    expect(app.submission.deliveryMethod).toBe('file');
  });

  it('refuses evidence for a condition no dataset applied for sets, and a condition evidenced twice (400 at /conditionEvidence/{i}/condition), storing nothing', async () => {
    const world = await openWorld(ctx);
    const dataset = world.seed.datasets.find((d) => d.openingType === 'on_application' && d.openingConditions.length > 0 && !d.openingConditions.includes('technical_capability'));
    if (!dataset) throw new Error('no on_application dataset with conditions and without technical_capability in the seed');
    const [first] = dataset.openingConditions;
    const evidence = [...dataset.openingConditions.map((condition) => ({ condition, text: '已满足' })), { condition: 'technical_capability', text: '另附' }, { condition: first, text: '重复' }];
    const reply = await world.openData('POST', '/applications', { as: world.org(APPLICANT), body: applicationBody(world, dataset, { conditionEvidence: evidence }) });
    expectContract('open-data', 'submitApplication', reply, 400);
    const n = dataset.openingConditions.length;
    expect(reply.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [
        { pointer: `/conditionEvidence/${n}/condition`, code: 'CONDITION_NOT_SET', message: { zh: expect.stringContaining('technical_capability'), en: expect.stringContaining('technical_capability') } },
        { pointer: `/conditionEvidence/${n + 1}/condition`, code: 'CONDITION_EVIDENCE_REPEATED' },
      ],
    });
    expect((await world.openData('GET', '/applications', { as: world.org(APPLICANT) })).body.total).toBe(0);
  });

  it("refuses an organisation applicant whose credit code is not the signing organisation's (400 at /applicant/creditCode), storing nothing", async () => {
    const world = await openWorld(ctx);
    const other = world.seed.organizations.find((o) => o.creditCode !== world.org(APPLICANT).creditCode)!;
    const applicant = { kind: 'organization', creditCode: other.creditCode, name: other.name };
    const reply = await world.openData('POST', '/applications', { as: world.org(APPLICANT), body: applicationBody(world, onApplication(world), { applicant }) });
    expectContract('open-data', 'submitApplication', reply, 400);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/applicant/creditCode', code: 'APPLICANT_NOT_CALLER' }] });
    expect((await world.openData('GET', '/applications', { as: world.org(APPLICANT) })).body.total).toBe(0);
  });

  it('flags an overdue initial review without passing it', async () => {
    const world = await openWorld(ctx);
    const app = await apply(world);
    await world.advance({ to: '2025-10-09T10:00:00+08:00' });
    const read = await world.openData('GET', `/applications/${app.id}`, { as: world.org(APPLICANT) });
    expectContract('open-data', 'getApplication', read, 200);
    expect(read.body).toMatchObject({ state: 'initial_review', deadline: { overdue: true } });
    const events = await world.openData('GET', `/applications/${app.id}/events`, { as: world.org(APPLICANT) });
    expectContract('open-data', 'listApplicationEvents', events, 200);
    expect(events.body.items.at(-1).type).toBe('deadline_overdue');
  });

  it('hides other applicants’ applications and grants; refuses not_open and open datasets', async () => {
    const world = await openWorld(ctx);
    const app = await apply(world);
    expect((await world.openData('GET', `/applications/${app.id}`, { as: world.org('map-tech') })).status).toBe(404);
    const list = await world.openData('GET', '/applications', { as: world.org('map-tech') });
    expectContract('open-data', 'listApplications', list, 200);
    expect(list.body.total).toBe(0);
    const closed = world.seed.catalogEntries.find((e) => e.state === 'published' && e.opening.type === 'not_open')!;
    const notOpen = await world.openData('POST', '/applications', { as: world.org(APPLICANT), body: applicationBody(world, onApplication(world), { datasetIds: [closed.id] }) });
    expectContract('open-data', 'submitApplication', notOpen, 422);
    expect(notOpen.body).toMatchObject({ code: 'NOT_OPEN', legalBasis: closed.opening.legalBasis });
    expect(notOpen.body.errors).toEqual([
      { pointer: '/datasetIds/0', code: 'NOT_OPEN', message: { zh: expect.stringContaining('不予开放'), en: expect.stringContaining('not open') } },
    ]);
    const open = world.seed.datasets.find((d) => d.openingType === 'open')!;
    const openReply = await world.openData('POST', '/applications', { as: world.org(APPLICANT), body: applicationBody(world, open) });
    expect(openReply.body.errors[0]).toMatchObject({ pointer: '/datasetIds/0', code: 'DATASET_OPEN' });
  });
});
