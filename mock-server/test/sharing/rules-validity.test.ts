// 厦门市公共数据共享开放管理暂行办法 第三十条: valid 2023-12-28 to 2025-12-27. Its review limit (第十七条)
// still applies after that day, with a machine-readable RULES_EXPIRED warning on what falls under it.
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld, type World } from '../support/world.js';
import { entryOf, REQUESTER, requestBody } from './fixtures.js';

async function read(world: World, path: string, operationId: 'getRequest' | 'getGrant') {
  const reply = await world.sharing('GET', path, { as: world.org(REQUESTER) });
  expectContract('sharing', operationId, reply, 200);
  return reply.body;
}

const ctx = useWorld();
const PERIOD_OF_USE = { from: '2026-01-10', to: '2026-12-31' };
const EXPIRED = {
  code: 'RULES_EXPIRED',
  rules: '厦门市公共数据共享开放管理暂行办法',
  basis: '厦门市公共数据共享开放管理暂行办法 第三十条',
  rulesValidUntil: '2025-12-27',
  message: {
    zh: '《厦门市公共数据共享开放管理暂行办法》有效期已于 2025-12-27 届满（厦门市公共数据共享开放管理暂行办法 第三十条），时限仍按原规则计算，请关注新规定',
    en: 'The local sharing and open-data rules 厦门市公共数据共享开放管理暂行办法 were valid until 2025-12-27 (厦门市公共数据共享开放管理暂行办法 第三十条); their time limits still apply here until new rules are published',
  },
};
// A grant has no time limit of its own: its warning says it holds under the lapsed rules.
const GRANT_EXPIRED = {
  ...EXPIRED,
  message: {
    zh: '本授权依据的《厦门市公共数据共享开放管理暂行办法》有效期已于 2025-12-27 届满（厦门市公共数据共享开放管理暂行办法 第三十条），授权范围和使用要求仍按原规则执行，请关注新规定',
    en: 'This grant holds under the local sharing and open-data rules 厦门市公共数据共享开放管理暂行办法, which were valid until 2025-12-27 (厦门市公共数据共享开放管理暂行办法 第三十条); its scope and conditions of use still apply until new rules are published',
  },
};

async function submit(world: World, sharingType: 'conditional' | 'unconditional' = 'conditional', periodOfUse = PERIOD_OF_USE) {
  const reply = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entryOf(world, sharingType), { periodOfUse }) });
  expectContract('sharing', 'submitRequest', reply, 201);
  return reply.body;
}

describe('sharing: the Xiamen rules\' validity (第三十条)', () => {
  it('a grant listed after the end carries the grant wording', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen', startAt: '2025-12-22T10:00:00+08:00' });
    await submit(world, 'unconditional', { from: '2025-12-22', to: '2026-06-30' });
    await world.advance({ to: '2026-01-05T10:00:00+08:00' });
    const listed = await world.sharing('GET', '/grants', { as: world.org(REQUESTER) });
    expectContract('sharing', 'listGrants', listed, 200);
    expect(listed.body.items.map((g: { warnings: unknown[] }) => g.warnings)).toEqual([[GRANT_EXPIRED]]);
  });

  it('a request submitted after 2025-12-27 keeps the 5 WD of 第十七条 and carries RULES_EXPIRED; one on the last day does not while that day lasts', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen', startAt: '2025-12-27T10:00:00+08:00' });
    const before = await submit(world);
    expect(before.warnings).toEqual([]);

    await world.advance({ to: '2026-01-05T10:00:00+08:00' });
    const after = await submit(world);
    expect(after.warnings).toEqual([EXPIRED]);
    expect(after.deadline).toMatchObject({ step: 'joint_review', limit: 5, startedOn: '2026-01-05', basis: '厦门市公共数据共享开放管理暂行办法 第十七条' });

    const listed = await world.sharing('GET', '/requests', { as: world.org(REQUESTER) });
    expectContract('sharing', 'listRequests', listed, 200);
    const warningsById = Object.fromEntries(listed.body.items.map((r: { id: string; warnings: unknown[] }) => [r.id, r.warnings]));
    // The one submitted on the last day is still under review after it: its limit now runs under the expired rules.
    expect(warningsById).toEqual({ [before.id]: [EXPIRED], [after.id]: [EXPIRED] });
  });

  it('a request under review across the end carries it from the next day and keeps it once delivered; its grant, issued after the end, carries it', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen', startAt: '2025-12-26T10:00:00+08:00' });
    const request = await submit(world);
    expect(request.warnings).toEqual([]);

    await world.advance({ to: '2025-12-29T10:00:00+08:00' });
    const reviewing = await read(world, `/requests/${request.id}`, 'getRequest');
    expect(reviewing).toMatchObject({ state: 'under_review', deadline: { startedOn: '2025-12-26' } });
    expect(reviewing.warnings).toEqual([EXPIRED]);

    const target = { platform: 'sharing', objectType: 'request', objectId: request.id };
    await world.act({ ...target, action: 'approve' });
    const delivered = await world.act({ ...target, action: 'deliver' });
    const afterDelivery = await read(world, `/requests/${request.id}`, 'getRequest');
    expect(afterDelivery).toMatchObject({ state: 'delivered', deadline: null });
    expect(afterDelivery.warnings).toEqual([EXPIRED]);
    expect((await read(world, `/grants/${delivered.body.object.grantId}`, 'getGrant')).warnings).toEqual([GRANT_EXPIRED]);
  });

  it('a grant delivered before the end carries it once in force after it; one whose term ended by then never does', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen', startAt: '2025-12-22T10:00:00+08:00' });
    const running = await submit(world, 'unconditional', { from: '2025-12-22', to: '2026-06-30' });
    const ended = await submit(world, 'unconditional', { from: '2025-12-22', to: '2025-12-27' });
    expect((await read(world, `/grants/${running.grantId}`, 'getGrant')).warnings).toEqual([]);

    await world.advance({ to: '2026-01-05T10:00:00+08:00' });
    expect((await read(world, `/grants/${running.grantId}`, 'getGrant')).warnings).toEqual([GRANT_EXPIRED]);
    expect((await read(world, `/requests/${running.id}`, 'getRequest')).warnings).toEqual([EXPIRED]);
    const endedGrant = await read(world, `/grants/${ended.grantId}`, 'getGrant');
    expect(endedGrant).toMatchObject({ state: 'expired', validUntil: '2025-12-27', warnings: [] });
    // Its request expired with it at the end of 2025-12-27, its last live day.
    expect((await read(world, `/requests/${ended.id}`, 'getRequest'))).toMatchObject({ state: 'expired', warnings: [] });
  });

  it('a profile extending xiamen moves the end', async () => {
    const profile = { extends: 'xiamen', name: 'xiamen-extended', options: { sharingOpenDataRules: { validUntil: '2026-06-30' } } };
    const world = await openWorld(ctx, { profile, startAt: '2026-01-05T10:00:00+08:00' });
    expect((await submit(world)).warnings).toEqual([]);
  });

  it.each(['national', 'inner-mongolia'])('%s: never a warning', async (profile) => {
    const world = await openWorld(ctx, { profile, startAt: '2026-01-05T10:00:00+08:00' });
    expect((await submit(world)).warnings).toEqual([]);
  });
});
