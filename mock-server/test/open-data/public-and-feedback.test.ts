import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { LIVELIHOOD_DOMAINS } from '../../src/sandbox/seed/opening-plans.js';
import { openWorld, useWorld } from '../support/world.js';

const ctx = useWorld();

describe('open-data public data, demands and objections', () => {
  it('serves datasets and opening plans without a signature, with stable paging', async () => {
    const world = await openWorld(ctx);
    const first = await world.openData('GET', '/datasets?limit=5');
    expectContract('open-data', 'listDatasets', first, 200);
    expect(first.body.total).toBe(world.seed.datasets.length);
    const second = await world.openData('GET', `/datasets?limit=5&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id > first.body.items[4].id).toBe(true);
    const filtered = await world.openData('GET', '/datasets?openingType=on_application&limit=200');
    expect(filtered.body.items.every((d: { openingType: string }) => d.openingType === 'on_application')).toBe(true);
    const one = await world.openData('GET', `/datasets/${first.body.items[0].id}`);
    expectContract('open-data', 'getDataset', one, 200);
    expect((await world.openData('GET', '/datasets/dst_missing')).status).toBe(404);
    const plans = await world.openData('GET', '/opening-plans?limit=200');
    expectContract('open-data', 'listOpeningPlans', plans, 200);
    expect(plans.body.total).toBe(world.seed.openingPlans.length);
    const bad = await world.openData('GET', '/datasets?cursor=garbage');
    expect(bad.status).toBe(400);
  });

  it('gives a plan item high priority for data tied to people\'s livelihood (第二十五条 开放重点), whatever its planned day', async () => {
    const world = await openWorld(ctx);
    const domainOf = new Map(world.seed.catalogEntries.map((e) => [e.id, e.domain]));
    const items = (await world.openData('GET', '/opening-plans?limit=200')).body.items.flatMap((p: { items: { entryId: string; priority: string }[] }) => p.items);
    const byPriority = (priority: string) => new Set<string | undefined>(items.filter((i: { priority: string }) => i.priority === priority).map((i: { entryId: string }) => domainOf.get(i.entryId)));
    expect([...byPriority('high')].sort()).toEqual([...LIVELIHOOD_DOMAINS].sort());
    expect([...byPriority('normal')].filter((d) => LIVELIHOOD_DOMAINS.has(d!))).toEqual([]);
  });

  it('answers a demand through the officials; others cannot read it', async () => {
    const world = await openWorld(ctx);
    const me = world.org('data-operator');
    const demand = await world.openData('POST', '/demands', { as: me, body: { title: '公交车辆实时到站数据', description: '用于出行类应用。', intendedUse: '出行信息服务' } });
    expectContract('open-data', 'submitDemand', demand, 201);
    // The step as the contract's x-gdx-limits names it (open_data.demand_answer → demand_answer).
    expect(demand.body.deadline).toMatchObject({ step: 'demand_answer', limit: 10, dueDate: '2025-10-16' });
    const answered = await world.act({ platform: 'open-data', objectType: 'demand', objectId: demand.body.id, action: 'answer', answer: { text: '已列入 2026 年开放计划。' } });
    expect(answered.body.event.actor.role).toBe('data_authority');
    const read = await world.openData('GET', `/demands/${demand.body.id}`, { as: me });
    expectContract('open-data', 'getDemand', read, 200);
    expect(read.body).toMatchObject({ state: 'answered', answer: { text: '已列入 2026 年开放计划。' } });
    expect((await world.openData('GET', `/demands/${demand.body.id}`, { as: world.org('map-tech') })).status).toBe(404);
  });

  it('takes data objections (5 WD) from organisations and third parties', async () => {
    const world = await openWorld(ctx);
    const dataset = world.seed.datasets[0]!;
    const objection = { subject: { kind: 'organization', creditCode: world.org('data-operator').creditCode, name: '某公司' }, kind: 'incomplete', dataReference: { resourceId: dataset.id, description: '缺少变更后的住所' }, text: '已于 2025-06-01 变更住所。' };
    const filed = await world.openData('POST', '/data-objections', { as: world.org('data-operator'), body: objection });
    expectContract('open-data', 'submitDataObjection', filed, 201);
    expect(filed.body.deadline).toMatchObject({ step: 'objection_answer', limit: 5, dueDate: '2025-10-10' });
    await world.advance({ to: '2025-10-11T10:00:00+08:00' });
    const overdue = await world.openData('GET', `/data-objections/${filed.body.id}`, { as: world.org('data-operator') });
    expectContract('open-data', 'getDataObjection', overdue, 200);
    expect(overdue.body).toMatchObject({ state: 'submitted', deadline: { overdue: true } });
    const answered = await world.act({ platform: 'open-data', objectType: 'data_objection', objectId: filed.body.id, action: 'answer', answer: { text: '已更正。' } });
    expect(answered.body.event.actor.organizationId).toBe(dataset.provider.organizationId);
    const third = await world.sim('POST', '/objections', { kind: 'data', platform: 'open-data', objection });
    expectContract('simulation', 'fileThirdPartyObjection', third, 201);
    expect(third.body.platform).toBe('open-data');
  });
});
