import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld, type World } from '../support/world.js';
import { entryOf, REQUESTER, requestBody } from './fixtures.js';

const ctx = useWorld();

async function readGrant(world: World, grantId: string) {
  const reply = await world.sharing('GET', `/grants/${grantId}`, { as: world.org(REQUESTER) });
  expectContract('sharing', 'getGrant', reply, 200);
  return reply.body;
}

describe('sharing grants stay within the requested period of use', () => {
  it('an unconditional resource delivered before the period starts is valid from the requested start', async () => {
    const world = await openWorld(ctx);
    const body = requestBody(entryOf(world, 'unconditional'), { periodOfUse: { from: '2025-10-15', to: '2026-10-14' } });
    const reply = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body });
    expectContract('sharing', 'submitRequest', reply, 201);
    const grant = await readGrant(world, reply.body.grantId);
    expect(grant).toMatchObject({ deliveredAt: '2025-09-26T10:00:00+08:00', validFrom: '2025-10-15', validUntil: '2026-10-14' });
  });

  it('a delivery inside the period is valid from the delivery day; a provider cannot extend it past the requested end', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const reply = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entryOf(world, 'conditional')) });
    const target = { platform: 'sharing', objectType: 'request', objectId: reply.body.id };
    await world.advance({ to: '2025-10-09T09:30:00+08:00' });
    await world.act({ ...target, action: 'approve' });
    const delivered = await world.act({ ...target, action: 'deliver', grant: { validUntil: '2027-12-31' } });
    const grant = await readGrant(world, delivered.body.object.grantId);
    expect(grant).toMatchObject({ validFrom: '2025-10-09', validUntil: '2026-09-30' });
  });
});
