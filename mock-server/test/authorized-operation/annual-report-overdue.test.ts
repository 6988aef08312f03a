// A missed annual report (65号 五; 101号 第十六条: by 03-31 on the year before) is recorded, not
// only shown when read (domain README, time 7): the clock records `annual_report_overdue` on the
// authorization, its feed and webhooks, with the year and the deadline that passed.
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { expectContract } from '../support/contract.js';
import { journalAcknowledged } from '../support/older-journal.js';
import { agreedSelection, openAoWorld, signedSelection, useAoMock, replayableAoWorld, type AoWorld } from './fixtures.js';

const ctx = useAoMock();
const tempDir = useTempDirs();

const reportOn = (year: number) => ({ year, status: '无数据安全事件。', costs: { totalFen: 1_000_000, subsidiesFen: 0 }, revenueFen: 1_000_000, profitFen: 0, products: [] });

type FeedItem = { objectType: string; objectId: string; event: { type: string; at: string; actor: unknown; data?: Record<string, unknown> } };

async function overdueOnFeed(world: AoWorld, authorizationId: string) {
  const feed = (await world.sim('GET', '/events?platform=authorized-operation&limit=200')).body.items as FeedItem[];
  return feed.filter((e) => e.objectId === authorizationId && e.event.type === 'annual_report_overdue').map((e) => ({ at: e.event.at, data: e.event.data }));
}

describe('authorized operation: a missed annual report is recorded (65号 五)', () => {
  it('records annual_report_overdue when 03-31 passes unreported, not when the report came in time', async () => {
    const world = await openAoWorld(ctx);
    // Term 2026-01-05 … 2029-01-04: the report on 2026 is due 2027-03-31, on 2027 2028-03-31.
    const { authorizationId } = await signedSelection(world);
    await world.advance({ to: '2027-03-31T23:00:00+08:00' });
    expect(await overdueOnFeed(world, authorizationId)).toEqual([]);
    await world.advance({ to: '2027-04-01T09:00:00+08:00' });
    const flagged = { year: 2026, dueAt: '2027-04-01T00:00:00+08:00' };
    expect(await overdueOnFeed(world, authorizationId)).toEqual([{ at: '2027-04-01T00:00:00+08:00', data: flagged }]);
    const events = await world.ao('GET', `/authorizations/${authorizationId}/events?limit=200`, { as: world.operator });
    expectContract('authorized-operation', 'listAuthorizationEvents', events, 200);
    expect(events.body.items.at(-1)).toMatchObject({ type: 'annual_report_overdue', actor: { role: 'clock' }, from: 'active', to: 'active', data: flagged });
    const timeline = await world.sim('GET', `/objects/authorized-operation/authorization/${authorizationId}/timeline`);
    expect(timeline.body.events.filter((e: FeedItem) => e.event.type === 'annual_report_overdue').map((e: FeedItem) => e.event.data)).toEqual([flagged]);

    // Filed late: the year stays flagged once; the report on 2027, filed in time, leaves no event.
    expectContract('authorized-operation', 'submitAnnualReport', await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor, body: reportOn(2026) }), 201);
    await world.advance({ to: '2028-02-01T09:00:00+08:00' });
    expectContract('authorized-operation', 'submitAnnualReport', await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor, body: reportOn(2027) }), 201);
    await world.advance({ to: '2028-04-03T09:00:00+08:00' });
    expect(await overdueOnFeed(world, authorizationId)).toEqual([{ at: '2027-04-01T00:00:00+08:00', data: flagged }]);
  });

  it('replays a journal of an older revision as it ran: an authorization signed then records no missed report', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const id = await agreedSelection(world);
    await first.close();

    // What revision 5 journaled: the signing, then a clock advance past 03-31 of the term's second year.
    const sim = `/_sim/v1/sandboxes/${world.id}`;
    journalAcknowledged(dataDir, [
      { path: `${sim}/actions`, body: { platform: 'authorized-operation', objectType: 'selection', objectId: id, action: 'sign' }, status: 200, rev: 5 },
      { path: `${sim}/clock/advance`, body: { to: '2027-04-01T09:00:00+08:00' }, status: 200, rev: 5 },
    ]);
    const call = callOf(open());
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    const authorizationId = (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/selections/${id}`, { as: world.body })).body.authorizationId;
    const pricing = await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${authorizationId}/pricing`, { as: world.body });
    expect(pricing.body.annualReport).toMatchObject({ year: 2026, overdue: true });
    const feed = (await call('GET', `${sim}/events?limit=200`)).body.items as FeedItem[];
    expect(feed.filter((e) => e.event.type === 'annual_report_overdue')).toEqual([]);
  });
});
