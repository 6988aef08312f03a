// The usage-report duty ends with the grant: a report after which the next period would end past
// the grant's validity is the last one. It is taken on time without the holiday schedule of a year
// after the grant (before, it answered 422 CALENDAR_NOT_PUBLISHED and the holder was then flagged
// overdue for the report it had tried to send).
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld } from '../support/world.js';
import { APPLICANT, grantApprovedAt, readGrant } from './fixtures.js';

const ctx = useWorld();

describe('the last usage report of an open-data grant', () => {
  it('is taken when the next period would end after the grant, and no further report falls due', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen', startAt: '2026-06-01T09:00:00+08:00' });
    const grant = await grantApprovedAt(world, '2026-06-05T10:00:00+08:00', { from: '2026-06-01', to: '2026-12-31' }, 'usage_feedback');
    const path = `/grants/${grant.id}/usage-reports`;
    await world.advance({ to: '2026-09-01T10:00:00+08:00' });
    const first = await world.openData('POST', path, { as: world.org(APPLICANT), body: { period: { from: '2026-06-05', to: '2026-09-01' }, summary: '三季度均在场景内使用。', withinScenario: true } });
    expectContract('open-data', 'submitUsageReport', first, 201);
    expect((await readGrant(world, grant.id)).deadline).toMatchObject({ dueDate: '2026-12-02', overdue: false });

    await world.advance({ to: '2026-11-30T10:00:00+08:00' });
    const last = await world.openData('POST', path, { as: world.org(APPLICANT), body: { period: { from: '2026-09-02', to: '2026-11-30' }, summary: '四季度均在场景内使用。', withinScenario: true } });
    expectContract('open-data', 'submitUsageReport', last, 201);
    const after = await readGrant(world, grant.id);
    expect(after.deadline).toBeNull();
    expect(after.usageReportsDue).toEqual([
      { periodEnd: '2026-09-01', dueDate: '2026-09-03', submitted: true, overdue: false },
      { periodEnd: '2026-11-30', dueDate: '2026-12-02', submitted: true, overdue: false },
    ]);

    await world.advance({ to: '2026-12-03T10:00:00+08:00' });
    const later = await readGrant(world, grant.id);
    expect(later).toMatchObject({ state: 'active', deadline: null });
    expect(later.usageReportsDue.every((d: { overdue: boolean }) => !d.overdue)).toBe(true);
  });
});
