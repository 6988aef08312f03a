// A negotiation (谈判, 27号 第十二条) runs no bid period: the 20 calendar days of 招标投标法 第二十四条
// bind a tender (招标) only, and the sources set a negotiation none of its own (domain §2).
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { expectContract } from '../support/contract.js';
import { journalAcknowledged } from '../support/older-journal.js';
import { approvedPlan, openAoWorld, useAoMock, replayableAoWorld } from './fixtures.js';

const ctx = useAoMock();
const tempDir = useTempDirs();

const types = (body: { events: { type: string }[] }) => body.events.map((e) => e.type);

type FeedItem = { objectId: string; event: { type: string; deadline: unknown } };

describe('authorized operation: a negotiation runs no tender period', () => {
  it('shows no deadline, closes nothing after 20 days and still takes a bid; a tender keeps its period', async () => {
    const world = await openAoWorld(ctx);
    const plan = await approvedPlan(world);
    const negotiation = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'negotiation' } });
    expectContract('authorized-operation', 'createSelection', negotiation, 201);
    expect(negotiation.body).toMatchObject({ state: 'selecting', deadline: null });
    // Created without the tender's period: not even its first event shows one.
    expect(negotiation.body.events.map((e: { type: string; deadline: unknown }) => [e.type, e.deadline])).toEqual([['state_changed', null]]);
    const tender = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'open_tender' } });
    expect(tender.body.deadline).toMatchObject({ step: 'tender_period', limit: 20, unit: 'calendar_days' });

    await world.advance({ to: '2025-10-20T10:00:00+08:00' });
    const bid = await world.ao('POST', `/selections/${negotiation.body.id}/bids`, { as: world.operator, body: { proposal: '建设客流分析产品。', eligibility: { goodCredit: true } } });
    expectContract('authorized-operation', 'submitBid', bid, 201);
    const read = await world.ao('GET', `/selections/${negotiation.body.id}`, { as: world.body });
    expectContract('authorized-operation', 'getSelection', read, 200);
    expect(read.body).toMatchObject({ state: 'selecting', deadline: null });
    expect(types(read.body)).toEqual(['state_changed', 'bid_submitted']);
    expect(types((await world.ao('GET', `/selections/${tender.body.id}`, { as: world.body })).body)).toContain('tender_closed');

    // Nowhere else either: its log, the feed (what webhooks deliver) and its simulation timeline.
    const log = await world.ao('GET', `/selections/${negotiation.body.id}/events`, { as: world.body });
    expect(log.body.items.map((e: { deadline: unknown }) => e.deadline)).toEqual([null, null]);
    const feed = (await world.sim('GET', '/events?platform=authorized-operation&limit=200')).body.items as FeedItem[];
    const fed = feed.filter((f) => f.objectId === negotiation.body.id);
    expect(fed.map((f) => [f.event.type, f.event.deadline])).toEqual([['state_changed', null], ['bid_submitted', null]]);
    const timeline = await world.sim('GET', `/objects/authorized-operation/selection/${negotiation.body.id}/timeline`);
    expect(timeline.body.events.map((f: FeedItem) => f.event.deadline)).toEqual([null, null]);
    expect(timeline.body.steps.map((s: { deadline: unknown }) => s.deadline)).toEqual([null]);
  });

  it('replays a journal of an older revision as it ran: its negotiation kept the tender period and closed', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const plan = await approvedPlan(world);
    await first.close();

    // What revision 6 journaled: a negotiation started, then a clock advance past 20 calendar days.
    const base = `/sandboxes/${world.id}/authorized-operation/v1`;
    journalAcknowledged(dataDir, [
      { path: `${base}/selections`, body: { planId: plan.id, method: 'negotiation' }, caller: world.body.id, status: 201, rev: 6 },
      { path: `/_sim/v1/sandboxes/${world.id}/clock/advance`, body: { to: '2025-10-20T10:00:00+08:00' }, status: 200, rev: 6 },
    ]);
    const call = callOf(open());
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    const listed = await call('GET', `${base}/selections`, { as: world.body });
    expect(listed.body.items).toHaveLength(1);
    expect(types(listed.body.items[0])).toEqual(['state_changed', 'tender_closed']);
    expect(listed.body.items[0].events[0].deadline).toMatchObject({ step: 'tender_period' });
  });

  it('replays a negotiation of revision 7 or 8 as it ran: its first event showed the period, the clock dropped it', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const plan = await approvedPlan(world);
    await first.close();

    const base = `/sandboxes/${world.id}/authorized-operation/v1`;
    journalAcknowledged(dataDir, [{ path: `${base}/selections`, body: { planId: plan.id, method: 'negotiation' }, caller: world.body.id, status: 201, rev: 8 }]);
    const call = callOf(open());
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    const [selection] = (await call('GET', `${base}/selections`, { as: world.body })).body.items;
    expect(selection).toMatchObject({ state: 'selecting', deadline: null });
    expect(types(selection)).toEqual(['state_changed', 'negotiation_started']);
    expect(selection.events[0].deadline).toMatchObject({ step: 'tender_period' });
  });
});
