// Bids (投标文件) are confidential: 招标投标法 第二十二条 forbids telling others even the bidders' names
// or number, and the sources publish only the operator chosen (27号 第十八条). An operator sees its
// own bids; the implementing body sees them all; a profile may open them to the bidders once they
// are opened (开标, 招标投标法 第三十四、三十六条: `bidsShownToBidders: after_opening`).
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import type { SeededOrg } from '../support/sandbox.js';
import { approvedPlan, ELIGIBLE, openAoWorld, useAoMock, type AoWorld, type InlineProfile } from './fixtures.js';

const ctx = useAoMock();

type Bid = { operator: { name: string } };
type Event = { seq: number; type: string; actor: { organizationId: string | null } };

async function tenderWithTwoBids(world: AoWorld) {
  // The seed's second operator.
  const rival = world.org('credit-service');
  const plan = await approvedPlan(world);
  const tender = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'open_tender' } });
  const bid = (as: SeededOrg) => world.ao('POST', `/selections/${tender.body.id}/bids`, { as, body: { proposal: '建设客流分析产品。', eligibility: ELIGIBLE } });
  expect((await bid(world.operator)).status).toBe(201);
  // Before its own bid the rival reads the open tender: nothing of the other bid, not even that there is one.
  const before = await world.ao('GET', `/selections/${tender.body.id}`, { as: rival });
  expectContract('authorized-operation', 'getSelection', before, 200);
  expect(before.body.bids).toEqual([]);
  expect(before.body.events.map((e: Event) => [e.seq, e.type])).toEqual([[1, 'state_changed']]);
  expect(before.body.updatedAt).toBe(before.body.createdAt);
  expect((await bid(rival)).status).toBe(201);
  return { id: tender.body.id as string, rival };
}

/** What `as` sees of the selection: its bids' operators and its log, by the object and by the events list. */
async function seenBy(world: AoWorld, id: string, as: SeededOrg) {
  const read = await world.ao('GET', `/selections/${id}`, { as });
  expectContract('authorized-operation', 'getSelection', read, 200);
  const log = await world.ao('GET', `/selections/${id}/events`, { as });
  expectContract('authorized-operation', 'listSelectionEvents', log, 200);
  expect(log.body.items).toEqual(read.body.events);
  return { bidders: (read.body.bids as Bid[]).map((b) => b.operator.name), events: (read.body.events as Event[]).map((e) => [e.seq, e.type, e.actor.organizationId]) };
}

describe('authorized operation: bids are confidential (招标投标法 第二十二条)', () => {
  it('an operator sees its own bid only, during the tender and after the choice; the implementing body sees every bid', async () => {
    const world = await openAoWorld(ctx);
    const { id, rival } = await tenderWithTwoBids(world);
    const own = { bidders: [rival.name], events: [[1, 'state_changed', world.body.id], [2, 'bid_submitted', rival.id]] };
    expect(await seenBy(world, id, rival)).toEqual(own);
    expect((await seenBy(world, id, world.operator)).bidders).toEqual([world.operator.name]);
    expect(await seenBy(world, id, world.body)).toEqual({
      bidders: [world.operator.name, rival.name],
      events: [[1, 'state_changed', world.body.id], [2, 'bid_submitted', world.operator.id], [3, 'bid_submitted', rival.id]],
    });
    const listed = await world.ao('GET', '/selections', { as: rival });
    expectContract('authorized-operation', 'listSelections', listed, 200);
    expect(listed.body.items.map((s: { bids: Bid[] }) => s.bids.map((b) => b.operator.name))).toEqual([[rival.name]]);

    // Opened and decided: the sources publish the operator chosen, not the other bids.
    await world.advance({ to: '2025-10-17T10:00:00+08:00' });
    expect((await world.official('selection', id, 'select', { operatorId: world.operator.id })).status).toBe(200);
    const after = await seenBy(world, id, rival);
    expect(after.bidders).toEqual([rival.name]);
    expect(after.events.filter((e) => e[1] === 'bid_submitted')).toEqual([[2, 'bid_submitted', rival.id]]);
  });

  it('a profile with bidsShownToBidders: after_opening shows the bidders every bid once the tender is opened, not before; a negotiation\'s never', async () => {
    const profile: InlineProfile = { name: 'open-bids', extends: 'national', options: { authorizedOperation: { bidsShownToBidders: 'after_opening' } } };
    const world = await openAoWorld(ctx, { profile });
    const { id, rival } = await tenderWithTwoBids(world);
    expect((await seenBy(world, id, rival)).bidders).toEqual([rival.name]);
    // A negotiation (谈判) has no opening: its bids stay each bidder's own.
    const negotiation = await world.ao('POST', '/selections', { as: world.body, body: { planId: (await approvedPlan(world)).id, method: 'negotiation' } });
    for (const as of [world.operator, rival]) {
      expect((await world.ao('POST', `/selections/${negotiation.body.id}/bids`, { as, body: { proposal: '谈判方案。', eligibility: ELIGIBLE } })).status).toBe(201);
    }
    await world.advance({ to: '2025-10-17T10:00:00+08:00' });
    expect(await seenBy(world, id, rival)).toEqual(await seenBy(world, id, world.body));
    expect((await seenBy(world, id, rival)).bidders).toEqual([world.operator.name, rival.name]);
    expect((await seenBy(world, negotiation.body.id, rival)).bidders).toEqual([rival.name]);
  });
});
