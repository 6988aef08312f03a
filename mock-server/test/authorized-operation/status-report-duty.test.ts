// Xiamen's 一级开发主体 reports 公共数据授权运营情况 to the city data authority "定期" (厦门办法 第二十四条;
// domain §8, choice: quarterly): `Authorization.statusReport` shows the running period,
// `POST /authorizations/{id}/status-reports` meets it, and the clock flags it overdue. Only where
// the profile's `statusReport` option is on.
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { expectContract } from '../support/contract.js';
import { journalAcknowledged } from '../support/older-journal.js';
import { authorizationSeen, feedTimes, agreement, approvedPlan, designatedAuthorization, openAoWorld, signedSelection, useAoMock, replayableAoWorld, type AoWorld } from './fixtures.js';

const ctx = useAoMock();
const tempDir = useTempDirs();

/** Signed Friday 2025-09-26: 3 months end on Friday 2025-12-26 (民法典 第二百零二条, the month's corresponding day). */
const SIGNING_PERIOD = {
  limit: 3,
  unit: 'months',
  startTrigger: 'agreement_signed',
  startedOn: '2025-09-26',
  dueDate: '2025-12-26',
  dueAt: '2025-12-27T00:00:00+08:00',
  overdue: false,
  lastDisclosedAt: null,
  lastLate: false,
  basis: '厦门市公共数据开发利用管理暂行办法 第二十四条',
  estimate: false,
  unpublishedYears: [],
};

const REPORT = { summary: '2025 年第四季度公共数据授权运营情况：开发数据目录 12 项，二级开发主体 3 家，未发生安全事件。' };

async function report(world: AoWorld, authorizationId: string, body: unknown = REPORT, as = world.operator) {
  return world.ao('POST', `/authorizations/${authorizationId}/status-reports`, { as, body });
}

describe("authorized operation: Xiamen's status report to the data authority (厦门办法 第二十四条)", () => {
  it('is due a quarter after signing; the clock flags it overdue on the feed, and a late report starts the next quarter', async () => {
    const world = await openAoWorld(ctx, { profile: 'xiamen' });
    const authorizationId = await designatedAuthorization(world);
    expect((await authorizationSeen(world, authorizationId, world.operator)).statusReport).toEqual(SIGNING_PERIOD);

    await world.advance({ to: '2025-12-26T23:00:00+08:00' });
    expect((await authorizationSeen(world, authorizationId, world.operator)).statusReport.overdue).toBe(false);
    await world.advance({ to: '2026-01-05T09:00:00+08:00' });
    expect((await authorizationSeen(world, authorizationId, world.operator)).statusReport).toEqual({ ...SIGNING_PERIOD, overdue: true });
    expect(await feedTimes(world, authorizationId, 'status_report_overdue')).toEqual([Date.parse(SIGNING_PERIOD.dueAt)]);

    const late = await report(world, authorizationId);
    expectContract('authorized-operation', 'reportStatus', late, 200);
    // From Monday 2026-01-05: 3 months end on Sunday 2026-04-05 (清明, 04-04 to 04-06 off), the act due on Tuesday 04-07 (民法典 第二百零三条).
    expect(late.body.statusReport).toEqual({
      ...SIGNING_PERIOD,
      startTrigger: 'status_reported',
      startedOn: '2026-01-05',
      dueDate: '2026-04-07',
      dueAt: '2026-04-08T00:00:00+08:00',
      lastDisclosedAt: '2026-01-05T09:00:00+08:00',
      lastLate: true,
    });
    // The disclosures are apart: the report meets neither.
    expect(late.body.operatorDisclosure).toMatchObject({ lastDisclosedAt: null });
    const events = await world.ao('GET', `/authorizations/${authorizationId}/events?limit=200`, { as: world.operator });
    expect(events.body.items.find((e: { type: string }) => e.type === 'status_reported')).toMatchObject({ actor: { role: 'operator', organizationId: world.operator.id }, data: { statusReport: REPORT } });
    const timeline = await world.sim('GET', `/objects/authorized-operation/authorization/${authorizationId}/timeline`);
    expect(timeline.body.duties.find((d: { duty: string }) => d.duty === 'status_report')).toMatchObject({
      deadline: { kind: 'status_report', dueDate: '2026-04-07', overdue: false },
      lastMet: { at: '2026-01-05T09:00:00+08:00', late: true },
      eventTypes: ['status_reported', 'status_report_overdue'],
    });

    // The quarter the report started is planned too: unreported, it is flagged at its end.
    await world.advance({ to: '2026-04-08T09:00:00+08:00' });
    expect((await authorizationSeen(world, authorizationId, world.operator)).statusReport).toMatchObject({ dueDate: '2026-04-07', overdue: true });
    expect(await feedTimes(world, authorizationId, 'status_report_overdue')).toEqual([Date.parse(SIGNING_PERIOD.dueAt), Date.parse('2026-04-08T00:00:00+08:00')]);
  });

  it('is not a duty where the profile does not ask it: no period shown, the report 409, nothing recorded', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    expect((await authorizationSeen(world, authorizationId, world.operator)).statusReport).toBeNull();
    const refused = await report(world, authorizationId);
    expectContract('authorized-operation', 'reportStatus', refused, 409);
    expect(refused.body.code).toBe('ILLEGAL_TRANSITION');
    await world.advance({ to: '2026-01-05T09:00:00+08:00' });
    expect(await feedTimes(world, authorizationId, 'status_report_overdue')).toEqual([]);
  });

  it("is the operator's: another role 403, a malformed body 400 at /summary, an ended authorization 409 and no duty shown — nothing recorded", async () => {
    const world = await openAoWorld(ctx, { profile: 'xiamen' });
    const authorizationId = await designatedAuthorization(world);
    const byBody = await report(world, authorizationId, REPORT, world.body);
    expectContract('authorized-operation', 'reportStatus', byBody, 403);
    expect(byBody.body).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'operator' });
    const blank = await report(world, authorizationId, { summary: '' });
    expectContract('authorized-operation', 'reportStatus', blank, 400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ pointer: '/summary' })]);
    expect((await authorizationSeen(world, authorizationId, world.operator)).statusReport).toEqual(SIGNING_PERIOD);

    expect((await world.official('authorization', authorizationId, 'revoke', { reasons: [{ text: '严重违约。' }] })).status).toBe(200);
    expect((await authorizationSeen(world, authorizationId, world.operator)).statusReport).toBeNull();
    expectContract('authorized-operation', 'reportStatus', await report(world, authorizationId), 409);
  });

  it('leaves an authorization signed under the revision before it without the duty when its journal replays', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir, { profile: 'xiamen' });
    const plan = await approvedPlan(world);
    const id = (await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'designation' } })).body.id;
    expect((await world.official('selection', id, 'designate', { operatorId: world.operator.id })).status).toBe(200);
    expect((await world.official('selection', id, 'deliberate_agreement', { agreement: agreement([world.scopeItem()]) })).status).toBe(200);
    await first.close();

    // What version 10 journaled: the signing, then a clock advance past the quarter.
    const sim = `/_sim/v1/sandboxes/${world.id}`;
    journalAcknowledged(dataDir, [
      { path: `${sim}/actions`, body: { platform: 'authorized-operation', objectType: 'selection', objectId: id, action: 'sign' }, status: 200, rev: 10 },
      { path: `${sim}/clock/advance`, body: { to: '2026-01-05T09:00:00+08:00' }, status: 200, rev: 10 },
    ]);
    const call = callOf(open());
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    const authorizationId = (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/selections/${id}`, { as: world.body })).body.authorizationId;
    const replayed = await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${authorizationId}`, { as: world.body });
    expect(replayed.body.statusReport).toBeNull();
    expect(replayed.body.operatorDisclosure).not.toBeNull();
    const feed = (await call('GET', `${sim}/events?limit=200`)).body.items as { event: { type: string } }[];
    expect(feed.filter((e) => e.event.type === 'status_report_overdue')).toEqual([]);
  });
});
