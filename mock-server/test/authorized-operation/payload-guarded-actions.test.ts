import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { agreement, approvedPlan, expectAllowedAsOffered, openAoWorld, useAoMock } from './fixtures.js';

const ctx = useAoMock();

// `sign` is guarded by the agreement's term (`termAcceptable`, on the payload). A refusal while the
// agreement is deliberated names it as allowed, and the selection's timeline offers it.
describe('authorized operation: an action guarded by its payload', () => {
  it('is among the allowedEvents of a refusal and the actions the timeline offers, and signs with the deliberated agreement', async () => {
    const world = await openAoWorld(ctx);
    const plan = await approvedPlan(world);
    const selection = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'negotiation' } });
    const id = selection.body.id;
    await world.ao('POST', `/selections/${id}/bids`, { as: world.operator, body: { proposal: '建设客流分析产品。', eligibility: { goodCredit: true } } });
    await world.official('selection', id, 'select', { operatorId: world.operator.id });
    await world.official('selection', id, 'deliberate_agreement', { agreement: agreement(plan.content.scope) });

    const again = await world.official('selection', id, 'select', { operatorId: world.operator.id });
    expectContract('simulation', 'actAsOfficial', again, 409);
    expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'agreement_deliberation', allowedEvents: ['sign'] });
    expect(again.body.detail).toMatch(/allowed: sign$/);
    await expectAllowedAsOffered(world, 'selection', id, 'select', again);

    const timeline = await world.sim('GET', `/objects/authorized-operation/selection/${id}/timeline`);
    expectContract('simulation', 'getObjectTimeline', timeline, 200);
    const sign = (timeline.body.allowedActions as { action: string; fields: { name: string; required: boolean }[] }[]).find((a) => a.action === 'sign');
    expect(sign).toBeDefined();
    // The deliberated agreement is signed when none is sent: the form does not require one.
    expect(sign!.fields.filter((f) => f.required).map((f) => f.name)).toEqual([]);
    const signed = await world.official('selection', id, 'sign');
    expect(signed.status).toBe(200);
    expect(signed.body.object.state).toBe('signed');
  });
});
