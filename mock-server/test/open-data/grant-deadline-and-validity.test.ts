import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld } from '../support/world.js';
import { APPLICANT, grantApprovedAt, readGrant } from './fixtures.js';

const ctx = useWorld();

/** A holiday schedule for 2027, which the shipped calendar does not hold. */
const YEAR_2027 = { year: 2027, source: '测试用安排', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] };

describe('open-data grants: validity within the period of use, and the usage-report deadline', () => {
  it('is valid from the requested start when approval comes earlier, until the requested end', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const grant = await grantApprovedAt(world, '2025-10-14T10:00:00+08:00', { from: '2025-10-15', to: '2026-10-14' });
    expect(grant).toMatchObject({ validFrom: '2025-10-15', validUntil: '2026-10-14' });
    expect(grant.events[0]).toMatchObject({ type: 'grant_issued', at: '2025-10-14T10:00:00+08:00' });
  });

  it('is valid from the approval day when the requested period has already begun', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const grant = await grantApprovedAt(world, '2025-10-14T10:00:00+08:00', { from: '2025-10-01', to: '2026-09-30' });
    expect(grant).toMatchObject({ validFrom: '2025-10-14', validUntil: '2026-09-30' });
  });

  it('says so when the usage-report duty cannot start (its due date in a year whose schedule is not published), and starts it from the approval day once the year is loaded', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    // 90 calendar days after 2026-11-10 reach 2027, whose holiday schedule the calendar does not hold.
    const grant = await grantApprovedAt(world, '2026-11-10T10:00:00+08:00', { from: '2026-11-11', to: '2027-11-10' }, 'usage_feedback');
    expect(grant).toMatchObject({ state: 'active', deadline: null, usageReportsDue: [] });
    expect(grant.events.map((e: any) => e.type)).toEqual(['grant_issued', 'action_blocked']);
    expect(grant.events[1]).toMatchObject({ from: 'active', to: 'active', reason: { code: 'CALENDAR_NOT_PUBLISHED' }, data: { action: 'start_usage_reporting', year: 2027 } });
    const feed = (await world.sim('GET', '/events?limit=100')).body.items;
    expect(feed.some((e: any) => e.objectId === grant.id && e.event.type === 'action_blocked')).toBe(true);

    // On the period's last day, still in 2026.
    await world.advance({ to: '2026-12-31T10:00:00+08:00' });
    const body = { period: { from: '2026-11-11', to: '2026-12-31' }, summary: '均在场景内使用。', withinScenario: true };
    const refused = await world.openData('POST', `/grants/${grant.id}/usage-reports`, { as: world.org(APPLICANT), body });
    expectContract('open-data', 'submitUsageReport', refused, 422);
    expect(refused.body).toMatchObject({ code: 'CALENDAR_NOT_PUBLISHED', year: 2027 });
    // The report period is counted in calendar days: the message names no working-day deadline.
    expect(refused.body.message).toEqual({ zh: '所涉年度的节假日安排尚未公布，无法计算期限', en: 'The holiday schedule of a year a deadline reaches is not published' });

    expect((await world.sim('PUT', '/calendar/2027', { year: 2027, source: '测试用安排', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] })).status).toBe(200);
    const report = await world.openData('POST', `/grants/${grant.id}/usage-reports`, { as: world.org(APPLICANT), body });
    expectContract('open-data', 'submitUsageReport', report, 201);
    // The first report was due 90 calendar days after the approval day: 2027-02-08.
    expect((await readGrant(world, grant.id)).usageReportsDue[0]).toMatchObject({ periodEnd: '2026-12-31', dueDate: '2027-02-08', submitted: true, overdue: false });
  });

  it('starts the blocked usage-report duty from the approval day when the year is loaded, so a holder who never reports is flagged overdue', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const grant = await grantApprovedAt(world, '2026-11-10T10:00:00+08:00', { from: '2026-11-11', to: '2027-11-10' }, 'usage_feedback');
    expect(grant).toMatchObject({ deadline: null, usageReportsDue: [] });
    expect(grant.events[1].reason.text).toContain('starts, from the approval day, once the year is loaded');

    expect((await world.sim('PUT', '/calendar/2027', YEAR_2027)).status).toBe(200);
    // No report submitted: the duty runs from 2026-11-10, the first report due 90 calendar days later.
    const started = await readGrant(world, grant.id);
    expect(started.deadline).toMatchObject({ step: 'usage_report', startedOn: '2026-11-10', dueDate: '2027-02-08', overdue: false });
    expect(started.usageReportsDue).toEqual([{ periodEnd: '2027-02-08', dueDate: '2027-02-08', submitted: false, overdue: false }]);

    await world.advance({ to: '2027-02-09T09:00:00+08:00' });
    expect((await readGrant(world, grant.id)).deadline).toMatchObject({ dueDate: '2027-02-08', overdue: true });
    // Loading the year again starts nothing twice.
    expect((await world.sim('PUT', '/calendar/2027', YEAR_2027)).status).toBe(200);
    expect((await readGrant(world, grant.id)).usageReportsDue).toHaveLength(1);
  });

  it('flags a report whose due date passed before the year was loaded overdue at the next clock step', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const grant = await grantApprovedAt(world, '2026-11-10T10:00:00+08:00', { from: '2026-11-11', to: '2027-11-10' }, 'usage_feedback');
    await world.advance({ to: '2027-03-01T09:00:00+08:00' });
    expect((await world.sim('PUT', '/calendar/2027', YEAR_2027)).status).toBe(200);
    expect((await readGrant(world, grant.id)).deadline).toMatchObject({ startedOn: '2026-11-10', dueDate: '2027-02-08' });
    await world.advance({ to: '2027-03-01T09:01:00+08:00' });
    expect((await readGrant(world, grant.id)).deadline).toMatchObject({ dueDate: '2027-02-08', overdue: true });
  });

  it('shows the running usage report as its deadline: 90 calendar days, overdue when missed, moved on by a report, null once expired', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const grant = await grantApprovedAt(world, '2025-10-14T10:00:00+08:00', { from: '2025-10-15', to: '2026-10-14' }, 'usage_feedback');
    // 90 calendar days after 2025-10-14 (start day not counted) is 2026-01-12, a Monday.
    expect(grant.deadline).toEqual({
      step: 'usage_report', limit: 90, unit: 'calendar_days', startTrigger: expect.any(String), startedOn: '2025-10-14',
      dueDate: '2026-01-12', dueAt: '2026-01-13T00:00:00+08:00', overdue: false, basis: expect.stringContaining('第二十四条'),
    });
    expect(grant.usageReportsDue).toEqual([{ periodEnd: '2026-01-12', dueDate: '2026-01-12', submitted: false, overdue: false }]);

    await world.advance({ to: '2026-01-13T09:00:00+08:00' });
    expect((await readGrant(world, grant.id)).deadline).toMatchObject({ step: 'usage_report', dueDate: '2026-01-12', overdue: true });

    const report = await world.openData('POST', `/grants/${grant.id}/usage-reports`, { as: world.org(APPLICANT), body: { period: { from: '2025-10-15', to: '2026-01-12' }, summary: '均在场景内使用。', withinScenario: true } });
    expectContract('open-data', 'submitUsageReport', report, 201);
    const next = await readGrant(world, grant.id);
    expect(next.deadline).toMatchObject({ step: 'usage_report', limit: 90, overdue: false });
    expect(next.deadline.dueDate > '2026-01-12').toBe(true);
    // The next period ends 90 days on, on Sunday 2026-04-12: its report is due on Monday 04-13.
    expect(next.usageReportsDue.at(-1)).toEqual({ periodEnd: '2026-04-12', dueDate: '2026-04-13', submitted: false, overdue: false });

    await world.advance({ to: '2026-10-15T09:00:00+08:00' });
    expect(await readGrant(world, grant.id)).toMatchObject({ state: 'expired', deadline: null });
  });

  it("lays the usage-report deadline on the grant's timeline: 90 calendar days in its active step, overdue when missed, moved on by a report, gone once expired", async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const grant = await grantApprovedAt(world, '2025-10-14T10:00:00+08:00', { from: '2025-10-15', to: '2026-10-14' }, 'usage_feedback');
    const timeline = async () => {
      const reply = await world.sim('GET', `/objects/open-data/grant/${grant.id}/timeline`);
      expectContract('simulation', 'getObjectTimeline', reply, 200);
      return reply.body;
    };
    expect((await timeline()).steps).toEqual([
      {
        state: 'active', label: { zh: '有效', en: 'Active' }, enteredAt: '2025-10-14T10:00:00+08:00', leftAt: null,
        deadline: expect.objectContaining({ kind: 'usage_report', unit: 'calendar_days', limit: 90, workingDays: null, startedOn: '2025-10-14', dueDate: '2026-01-12', dueAt: '2026-01-13T00:00:00+08:00', overdue: false }),
      },
    ]);
    const listed = await world.sim('GET', '/objects?objectType=grant');
    expect(listed.body.items).toContainEqual(expect.objectContaining({ objectId: grant.id, nextDueAt: '2026-01-13T00:00:00+08:00' }));

    await world.advance({ to: '2026-01-13T09:00:00+08:00' });
    expect((await timeline()).steps.map((s: any) => [s.state, s.deadline?.dueDate, s.deadline?.overdue])).toEqual([['active', '2026-01-12', true]]);

    await world.openData('POST', `/grants/${grant.id}/usage-reports`, { as: world.org(APPLICANT), body: { period: { from: '2025-10-15', to: '2026-01-12' }, summary: '均在场景内使用。', withinScenario: true } });
    const next = (await readGrant(world, grant.id)).deadline;
    expect((await timeline()).steps.map((s: any) => [s.state, s.deadline?.kind, s.deadline?.dueDate, s.deadline?.overdue])).toEqual([['active', 'usage_report', next.dueDate, false]]);

    await world.advance({ to: '2026-10-15T09:00:00+08:00' });
    const ended = await timeline();
    expect(ended.object).toMatchObject({ state: 'expired', terminal: true });
    expect(ended.steps.map((s: any) => [s.state, s.deadline])).toEqual([['active', expect.objectContaining({ kind: 'usage_report' })], ['expired', null]]);
  });

  it('has no deadline when no usage report is due (no usage-feedback condition)', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const grant = await grantApprovedAt(world, '2025-09-29T10:00:00+08:00', { from: '2025-10-01', to: '2026-09-30' });
    expect(grant.conditions).not.toContain('usage_feedback');
    expect(grant).toMatchObject({ deadline: null, usageReportsDue: [] });
  });
});
