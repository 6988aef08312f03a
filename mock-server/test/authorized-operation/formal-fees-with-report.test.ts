// The formal-fee application may come with an annual report (65号 二; domain §9 "choice: apply with
// the first report", the profile's `formalFeesWithFirstReport`): the report it names
// (`annualReportYear`) must be one filed on the authorization; a profile that takes the application
// on its own refuses the member.
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { expectContract } from '../support/contract.js';
import { journalAcknowledged } from '../support/older-journal.js';
import { openAoWorld, signedSelection, useAoMock, replayableAoWorld, type AoWorld } from './fixtures.js';

const ctx = useAoMock();
const tempDir = useTempDirs();

const report2026 = { year: 2026, status: '无数据安全事件。', costs: { totalFen: 1_000_000, subsidiesFen: 0 }, revenueFen: 1_000_000, profitFen: 0, products: [] };

/** An authorization whose first operating year (from 2026-01-05) is complete, on 2027-04-01. */
async function afterFirstYear(world: AoWorld): Promise<string> {
  const { authorizationId } = await signedSelection(world);
  await world.advance({ to: '2027-04-01T09:00:00+08:00' });
  return authorizationId;
}

describe('authorized operation: the formal-fee application with an annual report', () => {
  it('names a report filed on the authorization, else 400 at /annualReportYear and nothing changes', async () => {
    const world = await openAoWorld(ctx);
    const id = await afterFirstYear(world);
    const apply = (annualReportYear: number) => world.ao('POST', `/authorizations/${id}/formal-fee-applications`, { as: world.grantor, body: { note: '申请转为正式收费，随附年度报告。', annualReportYear } });
    const unfiled = await apply(2026);
    expectContract('authorized-operation', 'applyForFormalFees', unfiled, 400);
    expect(unfiled.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/annualReportYear', code: 'REPORT_NOT_FILED', message: { zh: expect.stringContaining('2026'), en: expect.stringContaining('2026') } }] });
    expect((await world.ao('GET', `/authorizations/${id}/pricing`, { as: world.grantor })).body.formalApplication).toBeNull();

    expectContract('authorized-operation', 'submitAnnualReport', await world.ao('POST', `/authorizations/${id}/annual-reports`, { as: world.grantor, body: report2026 }), 201);
    const applied = await apply(2026);
    expectContract('authorized-operation', 'applyForFormalFees', applied, 200);
    expect(applied.body.formalApplication).toMatchObject({ appliedOn: '2027-04-01', status: 'pending' });
  });

  it('a profile that takes the application on its own (formalFeesWithFirstReport: false) refuses annualReportYear: 400 FIELD_NOT_APPLICABLE', async () => {
    const world = await openAoWorld(ctx, { profile: { name: 'apart', extends: 'national', options: { authorizedOperation: { formalFeesWithFirstReport: false } } } });
    const id = await afterFirstYear(world);
    expectContract('authorized-operation', 'submitAnnualReport', await world.ao('POST', `/authorizations/${id}/annual-reports`, { as: world.grantor, body: report2026 }), 201);
    const path = `/authorizations/${id}/formal-fee-applications`;
    const withReport = await world.ao('POST', path, { as: world.grantor, body: { note: '申请转为正式收费。', annualReportYear: 2026 } });
    expectContract('authorized-operation', 'applyForFormalFees', withReport, 400);
    expect(withReport.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/annualReportYear', code: 'FIELD_NOT_APPLICABLE' }] });
    expect((await world.ao('GET', `/authorizations/${id}/pricing`, { as: world.grantor })).body.formalApplication).toBeNull();
    const apart = await world.ao('POST', path, { as: world.grantor, body: { note: '申请转为正式收费。' } });
    expectContract('authorized-operation', 'applyForFormalFees', apart, 200);
  });

  it('replays an application an older version took with an unfiled report as answered', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const id = await afterFirstYear(world);
    await first.close();

    const path = `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${id}/formal-fee-applications`;
    journalAcknowledged(dataDir, [{ path, body: { note: '申请转为正式收费。', annualReportYear: 2026 }, caller: world.grantor.id, status: 200 }]);
    const call = callOf(open());
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    const pricing = await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${id}/pricing`, { as: world.grantor });
    expect(pricing.body.formalApplication).toMatchObject({ status: 'pending' });
  });
});
