// The objects quota bounds every workflow object a sandbox lists: the grants a sharing request's
// delivery or an open-data application's approval issues are kept beside the kernel's instances,
// and were listed by GET /objects without counting towards `usage.objects`.
import { describe, expect, it } from 'vitest';
import { apply, onApplication } from '../open-data/fixtures.js';
import { entryOf, REQUESTER, requestBody } from '../sharing/fixtures.js';
import { openWorld, useWorld, type World } from '../support/world.js';

const ctx = useWorld();

/** What the sandbox counts against its objects quota, and how many objects it lists. */
async function objects(world: World): Promise<{ counted: number; listed: number }> {
  const sandbox = await world.sim('GET', '');
  const listed = await world.sim('GET', '/objects?limit=1');
  return { counted: sandbox.body.usage.objects, listed: listed.body.total };
}

describe('the objects quota', () => {
  it('counts the grant an unconditional sharing request is delivered with, as GET /objects lists it', async () => {
    const world = await openWorld(ctx);
    const before = await objects(world);
    const request = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entryOf(world, 'unconditional')) });
    expect(request.body.grantId).toEqual(expect.any(String));
    const after = await objects(world);
    expect(after.listed - before.listed).toBe(2);
    expect(after.counted - before.counted).toBeGreaterThanOrEqual(2);
    expect(after.counted).toBeGreaterThanOrEqual(after.listed);
  });

  it('counts the grant an approved open-data application issues, as GET /objects lists it', async () => {
    const world = await openWorld(ctx);
    const app = await apply(world, onApplication(world, 'usage_feedback'));
    const target = { platform: 'open-data', objectType: 'application', objectId: app.id };
    await world.act({ ...target, action: 'pass_initial_review' });
    const before = await objects(world);
    const approved = await world.act({ ...target, action: 'approve' });
    expect(approved.body.event.type).toBe('grant_issued');
    const after = await objects(world);
    expect(after.listed - before.listed).toBe(1);
    expect(after.counted - before.counted).toBeGreaterThanOrEqual(1);
    expect(after.counted).toBeGreaterThanOrEqual(after.listed);
  });
});
