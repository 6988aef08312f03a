// Usage reports are due every 90 calendar days from the grant (第二十四条, choice) on a fixed grid:
// period n ends 90·n days after approval, and only its report's due day moves off a rest day
// (民法典 第二百零三条). Before, the next period ran from the moved due day: a period ending on a
// Sunday shifted every later one a day, and the moved day belonged to no period.
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld } from '../support/world.js';
import { APPLICANT, grantApprovedAt, readGrant } from './fixtures.js';

const ctx = useWorld();

type Due = { periodEnd: string; dueDate: string; submitted: boolean; overdue: boolean };

describe('the usage-report periods of an open-data grant', () => {
  it('follow one another on the 90-day grid when a period ends on a rest day (Xiamen, approved 2025-11-03)', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const grant = await grantApprovedAt(world, '2025-11-03T10:00:00+08:00', { from: '2025-11-01', to: '2026-10-31' }, 'usage_feedback');
    // 90 days from 2025-11-03 end on Sunday 2026-02-01: that is the period's last day; the report is due Monday 02-02.
    expect(grant.usageReportsDue).toEqual([{ periodEnd: '2026-02-01', dueDate: '2026-02-02', submitted: false, overdue: false }]);
    expect(grant.deadline).toMatchObject({ startedOn: '2025-11-03', dueDate: '2026-02-02' });

    // Each period reported on as it falls due, from the day after the previous one ended.
    const reportOn = async (from: string, to: string, on: string) => {
      await world.advance({ to: `${on}T10:00:00+08:00` });
      const reply = await world.openData('POST', `/grants/${grant.id}/usage-reports`, { as: world.org(APPLICANT), body: { period: { from, to }, summary: '均在场景内使用。', withinScenario: true } });
      expectContract('open-data', 'submitUsageReport', reply, 201);
      return (await readGrant(world, grant.id)).usageReportsDue as Due[];
    };
    const afterFirst = await reportOn('2025-11-03', '2026-02-01', '2026-02-02');
    // Period 2 runs 02-02…05-02 (a Saturday in the Labour Day holiday, 05-01…05-05): due Wednesday 05-06.
    expect(afterFirst).toEqual([
      { periodEnd: '2026-02-01', dueDate: '2026-02-02', submitted: true, overdue: false },
      { periodEnd: '2026-05-02', dueDate: '2026-05-06', submitted: false, overdue: false },
    ]);
    const afterSecond = await reportOn('2026-02-02', '2026-05-02', '2026-05-06');
    // Period 3 runs 05-03…07-31 (a Friday): no drift from the two moved due days before it.
    expect(afterSecond.at(-1)).toEqual({ periodEnd: '2026-07-31', dueDate: '2026-07-31', submitted: false, overdue: false });
    expect((await readGrant(world, grant.id)).deadline).toMatchObject({ startedOn: '2026-05-02', dueDate: '2026-07-31' });
  });
});
