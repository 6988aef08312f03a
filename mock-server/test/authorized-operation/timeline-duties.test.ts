// The simulation API's timeline of an authorization lists its reporting duties beside its steps
// (the implementing body's disclosure, 27号 第十八条; the grantor's ceiling-fee report, 65号 二),
// as the platform answers them, laid on the working-day calendar like a step's limit: the console
// shows them from there.
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { MAR_2026, listedProduct, openAoWorld, planContent, signedInDecember, useAoMock, type AoWorld } from './fixtures.js';

const ctx = useAoMock();

async function duties(world: AoWorld, authorizationId: string) {
  const reply = await world.sim('GET', `/objects/authorized-operation/authorization/${authorizationId}/timeline`);
  expectContract('simulation', 'getObjectTimeline', reply, 200);
  return reply.body.duties as { duty: string; label: { zh: string; en: string }; deadline: Record<string, unknown>; metAt: string | null; lastMet: { at: string; late: boolean } | null; eventTypes: string[] }[];
}

describe('authorized operation: an authorization\'s duties on its simulation timeline', () => {
  it('shows the disclosure period from signing, overdue, then met late with the yearly repeat, and the ceiling report met late, then its next period', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId, productId } = await listedProduct(world);
    // Signed Friday 2025-09-26: 20 WD across National Day (10-01…10-08 off, 09-28 worked) end on 2025-10-30.
    expect(await duties(world, authorizationId)).toEqual([
      {
        duty: 'disclosure',
        label: { zh: '授权运营情况披露', en: 'Disclosure of the authorization' },
        deadline: expect.objectContaining({ kind: 'disclosure', workingDays: 20, unit: 'working_days', startedOn: '2025-09-26', dueDate: '2025-10-30', overdue: false, rule: '发改数据规〔2025〕27号 第十八条', countedDays: [] }),
        metAt: null,
        lastMet: null,
        eventTypes: ['authorization_disclosed', 'disclosure_overdue'],
      },
      {
        duty: 'operator_disclosure',
        label: { zh: '运营机构产品和数据使用情况披露', en: "Operator's disclosure of products and data use" },
        // Half-yearly (27号 第十九条, choice): no working days to count.
        deadline: expect.objectContaining({ kind: 'operator_disclosure', limit: 6, unit: 'months', workingDays: null, startedOn: '2025-09-26', dueDate: '2026-03-26', overdue: false, rule: '发改数据规〔2025〕27号 第十九条' }),
        metAt: null,
        lastMet: null,
        eventTypes: ['operation_disclosed', 'operator_disclosure_overdue'],
      },
    ]);

    expect((await world.official('authorization', authorizationId, 'set_mar', MAR_2026)).status).toBe(200);
    expect((await world.official('authorization', authorizationId, 'set_ceiling', { productId, ceilingFen: 50_000 })).status).toBe(200);
    await world.advance({ to: '2025-10-31T09:00:00+08:00' });
    const [disclosure, , ceiling] = await duties(world, authorizationId);
    expect(disclosure?.deadline).toMatchObject({ dueDate: '2025-10-30', overdue: true });
    expect(disclosure?.deadline['countedDays']).toHaveLength(21);
    expect(ceiling).toMatchObject({ duty: 'ceiling_report', label: { zh: '收费上限书面报告', en: 'Ceiling-fee report' }, deadline: { kind: 'ceiling_report', workingDays: 10, dueDate: '2025-10-16', overdue: true }, metAt: null, lastMet: null });

    await world.ao('POST', `/authorizations/${authorizationId}/disclosures`, { as: world.body, body: { channel: 'https://data.example.gov.cn/sqyy/gk' } });
    await world.ao('POST', `/authorizations/${authorizationId}/ceiling-reports`, { as: world.grantor, body: { summary: '上限收费标准已书面报告。' } });
    const [yearly, , reported] = await duties(world, authorizationId);
    expect(yearly).toMatchObject({ deadline: { unit: 'years', limit: 1, workingDays: null, dueDate: '2026-10-31', overdue: false }, metAt: null, lastMet: { at: '2025-10-31T09:00:00+08:00', late: true } });
    // Met on 2025-10-31: its days are counted up to that day, not on.
    expect(reported).toMatchObject({ deadline: { dueDate: '2025-10-16', overdue: true }, metAt: '2025-10-31T09:00:00+08:00', lastMet: { at: '2025-10-31T09:00:00+08:00', late: true } });
    expect(reported?.deadline['countedDays']).toHaveLength(21);

    // A ceiling set after the report starts a new period, not met yet: the duty was last met by that report.
    await world.advance({ to: '2025-11-03T09:00:00+08:00' });
    expect((await world.official('authorization', authorizationId, 'set_ceiling', { productId, ceilingFen: 45_000 })).status).toBe(200);
    const [, , next] = await duties(world, authorizationId);
    expect(next).toMatchObject({ deadline: { startedOn: '2025-11-03', overdue: false }, metAt: null, lastMet: { at: '2025-10-31T09:00:00+08:00', late: true } });
  });

  it('does not show a disclosure past its estimated end as overdue, as the authorization answers it (a year without a holiday schedule)', async () => {
    const world = await openAoWorld(ctx);
    const authorizationId = await signedInDecember(world);
    // 20 WD counted Monday–Friday in 2027 end on an estimated 2027-01-07, passed on 01-11.
    await world.advance({ to: '2027-01-11T09:00:00+08:00' });
    const [disclosure] = await duties(world, authorizationId);
    expect(disclosure?.deadline).toMatchObject({ dueDate: '2027-01-07', estimate: true, overdue: false });
    expect((await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.body })).body.disclosure).toMatchObject({ estimate: true, overdue: false });
  });

  it('lists no duties for an object without any (a plan)', async () => {
    const world = await openAoWorld(ctx);
    const plan = await world.ao('POST', '/plans', { as: world.body, body: planContent([world.scopeItem()]) });
    expect(plan.status).toBe(201);
    const reply = await world.sim('GET', `/objects/authorized-operation/plan/${plan.body.id}/timeline`);
    expect(reply.body.duties).toEqual([]);
  });
});
