import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld } from '../support/world.js';
import { grantApprovedAt, readGrant } from './fixtures.js';

const ctx = useWorld();

describe('open-data grants: suspend and reinstate on the grant (through its application)', () => {
  it('reinstates a suspended grant, offers reinstate on its timeline while suspended, and refuses it on an active grant', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const grant = await grantApprovedAt(world, '2025-10-14T10:00:00+08:00', { from: '2025-10-15', to: '2026-10-14' });
    const target = { platform: 'open-data', objectType: 'grant', objectId: grant.id };
    const offered = async () => {
      const reply = await world.sim('GET', `/objects/open-data/grant/${grant.id}/timeline`);
      expectContract('simulation', 'getObjectTimeline', reply, 200);
      return reply.body.allowedActions.map((a: { action: string }) => a.action);
    };

    const early = await world.act({ ...target, action: 'reinstate' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'active', allowedEvents: ['suspend'] });

    expect((await world.act({ ...target, action: 'suspend', reasons: [{ text: '超出申请场景使用' }] })).body.object.state).toBe('suspended');
    expect(await offered()).toEqual(['reinstate']);

    const reinstated = await world.act({ ...target, action: 'reinstate' });
    expectContract('simulation', 'actAsOfficial', reinstated, 200);
    expect(reinstated.body).toMatchObject({ objectType: 'grant', objectId: grant.id, from: 'suspended', to: 'approved', object: { id: grant.id, state: 'active' } });
    const read = await readGrant(world, grant.id);
    expect(read.state).toBe('active');
    expect(read.events.map((e: any) => [e.from, e.to])).toEqual([[null, 'active'], ['active', 'suspended'], ['suspended', 'active']]);
    expect(read.events[2]).toMatchObject({ actor: { role: 'data_authority' } });
    expect(await offered()).toEqual(['suspend']);
  });
});
