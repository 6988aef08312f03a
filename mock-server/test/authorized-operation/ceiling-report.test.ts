// The grantor reports the ceiling fees it set in writing to the 发展改革 and data authorities
// (65号 二 "由授权主体制定…上限收费标准，并书面报告发展改革部门、数据管理部门"; domain §8, choice 10 WD):
// `Pricing.ceilingReport` shows the period, `POST /authorizations/{id}/ceiling-reports` meets it,
// and the clock flags it overdue.
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { expectContract } from '../support/contract.js';
import { journalAcknowledged } from '../support/older-journal.js';
import { MAR_2026, listedProduct, openAoWorld, useAoMock, replayableAoWorld, type AoWorld } from './fixtures.js';

const ctx = useAoMock();
const tempDir = useTempDirs();

/** Set Friday 2025-09-26: 10 WD (National Day 10-01…10-08 off, 09-28 and 10-11 worked) end on Thursday 2025-10-16. */
const PERIOD = {
  limit: 10,
  unit: 'working_days',
  startTrigger: 'ceiling_set',
  startedOn: '2025-09-26',
  dueDate: '2025-10-16',
  dueAt: '2025-10-17T00:00:00+08:00',
  reportedAt: null,
  late: false,
  overdue: false,
  basis: '发改价格〔2025〕65号 二',
  estimate: false,
  unpublishedYears: [],
};
const REPORT = { summary: '客流热力图 API 上限收费标准 500 元/次，已书面报告市发展改革委、市数据局。' };

function expect200(reply: { status: number; body: unknown }): void {
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
}

/** A listed product of a signed authorization with its 2026 MAR set and a ceiling of 500 元 set today. */
async function ceilingSet(world: AoWorld) {
  const { authorizationId, productId } = await listedProduct(world);
  expect200(await world.official('authorization', authorizationId, 'set_mar', MAR_2026));
  expect200(await world.official('authorization', authorizationId, 'set_ceiling', { productId, ceilingFen: 50_000 }));
  return { authorizationId, productId };
}

async function pricing(world: AoWorld, authorizationId: string) {
  const reply = await world.ao('GET', `/authorizations/${authorizationId}/pricing`, { as: world.grantor });
  expectContract('authorized-operation', 'getPricing', reply, 200);
  return reply.body;
}

const report = (world: AoWorld, authorizationId: string, body: unknown = REPORT, as = world.grantor) =>
  world.ao('POST', `/authorizations/${authorizationId}/ceiling-reports`, { as, body });

describe('authorized operation: the grantor\'s written report of ceiling fees (65号 二)', () => {
  it('is due 10 WD after a ceiling is set; the clock flags it overdue on the feed; the late report clears it', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await ceilingSet(world);
    expect((await pricing(world, authorizationId)).ceilingReport).toEqual(PERIOD);

    await world.advance({ to: '2025-10-17T09:00:00+08:00' });
    expect((await pricing(world, authorizationId)).ceilingReport).toEqual({ ...PERIOD, overdue: true });
    const feed = (await world.sim('GET', '/events?platform=authorized-operation&limit=200')).body.items as { objectId: string; event: { type: string; at: string } }[];
    expect(feed.filter((e) => e.objectId === authorizationId && e.event.type === 'ceiling_report_overdue').map((e) => Date.parse(e.event.at))).toEqual([Date.parse(PERIOD.dueAt)]);

    const late = await report(world, authorizationId);
    expectContract('authorized-operation', 'reportCeilings', late, 200);
    expect(late.body.ceilingReport).toEqual({ ...PERIOD, reportedAt: '2025-10-17T09:00:00+08:00', late: true });
    const events = await world.ao('GET', `/authorizations/${authorizationId}/events?limit=200`, { as: world.operator });
    expect(events.body.items.find((e: { type: string }) => e.type === 'ceilings_reported')).toMatchObject({ actor: { role: 'grantor', organizationId: world.grantor.id }, data: { report: REPORT } });
  });

  it('reaching a year without a holiday schedule, is an estimate the clock does not flag; loaded after its end, the year flags it at the next step', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId, productId } = await listedProduct(world);
    expect200(await world.official('authorization', authorizationId, 'set_mar', MAR_2026));
    await world.advance({ to: '2026-12-21T09:00:00+08:00' });
    expect200(await world.official('authorization', authorizationId, 'set_ceiling', { productId, ceilingFen: 50_000 }));
    // 10 WD from Monday 2026-12-21, 2027 counted Monday–Friday: Monday 2027-01-04, an estimate.
    const estimated = { ...PERIOD, startedOn: '2026-12-21', dueDate: '2027-01-04', dueAt: '2027-01-05T00:00:00+08:00', estimate: true, unpublishedYears: [2027] };
    expect((await pricing(world, authorizationId)).ceilingReport).toEqual(estimated);
    await world.advance({ to: '2027-01-12T09:00:00+08:00' });
    expect((await pricing(world, authorizationId)).ceilingReport.overdue).toBe(false);

    const year = { year: 2027, source: '测试用安排', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] };
    expect((await world.sim('PUT', '/calendar/2027', year)).status).toBe(200);
    const exact = { ...estimated, dueDate: '2027-01-05', dueAt: '2027-01-06T00:00:00+08:00', estimate: false, unpublishedYears: [] };
    expect((await pricing(world, authorizationId)).ceilingReport).toEqual(exact);
    await world.advance({ duration: 'PT1H' });
    expect((await pricing(world, authorizationId)).ceilingReport).toEqual({ ...exact, overdue: true });
    const events = await world.ao('GET', `/authorizations/${authorizationId}/events?limit=200`, { as: world.operator });
    expect(events.body.items.filter((e: { type: string }) => e.type === 'ceiling_report_overdue')).toHaveLength(1);
  });

  it('covers every ceiling set before it; reported in time nothing is flagged; the next ceiling starts a new period', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId, productId } = await ceilingSet(world);
    const onTime = await report(world, authorizationId);
    expect(onTime.body.ceilingReport).toMatchObject({ startedOn: '2025-09-26', reportedAt: '2025-09-26T10:00:00+08:00', late: false, overdue: false });
    const again = await report(world, authorizationId);
    expectContract('authorized-operation', 'reportCeilings', again, 409);
    expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', reasonCode: 'NO_CEILING_TO_REPORT' });

    await world.advance({ to: '2025-10-20T09:00:00+08:00' });
    expect((await pricing(world, authorizationId)).ceilingReport.overdue).toBe(false);
    expect200(await world.official('authorization', authorizationId, 'set_ceiling', { productId, ceilingFen: 48_000 }));
    // Set Monday 2025-10-20: 10 WD end on Monday 2025-11-03.
    expect((await pricing(world, authorizationId)).ceilingReport).toMatchObject({ startedOn: '2025-10-20', dueDate: '2025-11-03', reportedAt: null, late: false, overdue: false });
  });

  it('is the grantor\'s: another role 403, a report without its summary 400 at /summary — nothing recorded', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await ceilingSet(world);
    const byOperator = await report(world, authorizationId, REPORT, world.operator);
    expectContract('authorized-operation', 'reportCeilings', byOperator, 403);
    expect(byOperator.body).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'grantor' });
    const blank = await report(world, authorizationId, {});
    expectContract('authorized-operation', 'reportCeilings', blank, 400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ pointer: '/summary' })]);
    expect((await pricing(world, authorizationId)).ceilingReport).toEqual(PERIOD);
  });

  it('leaves a ceiling an older gdx-mock set without the duty when its journal replays', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const { authorizationId, productId } = await listedProduct(world);
    expect200(await world.official('authorization', authorizationId, 'set_mar', MAR_2026));
    await first.close();

    const sim = `/_sim/v1/sandboxes/${world.id}`;
    journalAcknowledged(dataDir, [
      { path: `${sim}/actions`, body: { platform: 'authorized-operation', objectType: 'authorization', objectId: authorizationId, action: 'set_ceiling', productId, ceilingFen: 50_000 }, status: 200 },
      { path: `${sim}/clock/advance`, body: { to: '2025-10-20T09:00:00+08:00' }, status: 200 },
    ]);
    const call = callOf(open());
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    const replayed = await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${authorizationId}/pricing`, { as: world.grantor });
    expect(replayed.body).toMatchObject({ ceilings: [{ productId, ceilingFen: 50_000 }], ceilingReport: null });
    const feed = (await call('GET', `${sim}/events?limit=200`)).body.items as { event: { type: string } }[];
    expect(feed.filter((e) => e.event.type === 'ceiling_report_overdue')).toEqual([]);
  });
});
