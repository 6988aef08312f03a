// A request whose period of use was still running when it was submitted, but has ended since:
// nothing may be granted for it any more (a grant would be valid from a day after its end).
// Approving or delivering it is refused (422 PERIOD_ENDED at the request's field), the
// timeline does not offer it, and the officials end the request with written reasons — the
// simulated ones too.
import { ApiError } from '@gdx/runtime';
import { SimulationClient } from '@gdx/simulation';
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld, type World } from '../support/world.js';
import { entryOf, REQUESTER, requestBody } from './fixtures.js';

const ctx = useWorld();

/** Submitted 2025-09-26 (national: joint review due 2025-10-16), for use until 2025-10-10. */
async function submitted(world: World, to = '2025-10-10'): Promise<{ id: string; target: Record<string, unknown> }> {
  const reply = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entryOf(world, 'conditional'), { periodOfUse: { from: '2025-09-26', to } }) });
  expectContract('sharing', 'submitRequest', reply, 201);
  return { id: reply.body.id, target: { platform: 'sharing', objectType: 'request', objectId: reply.body.id } };
}

const readRequest = async (world: World, id: string) => (await world.sharing('GET', `/requests/${id}`, { as: world.org(REQUESTER) })).body;
const allowedActions = async (world: World, id: string) => (await world.sim('GET', `/objects/sharing/request/${id}/timeline`)).body.allowedActions.map((a: { action: string }) => a.action);

function expectPeriodEnded(reply: { status: number; body: any }, currentState: string) {
  expectContract('simulation', 'actAsOfficial', reply, 422);
  expect(reply.body).toMatchObject({
    code: 'PERIOD_ENDED',
    status: 422,
    currentState,
    reasonCode: 'PERIOD_ENDED',
    message: { zh: expect.any(String), en: expect.any(String) },
    errors: [{ pointer: '/submission/periodOfUse/to', code: 'PERIOD_ENDED', message: { zh: expect.stringContaining('2025-10-10'), en: expect.stringContaining('2025-10-10') } }],
  });
  expect(reply.body.allowedEvents).not.toContain('approve');
  expect(reply.body.allowedEvents).not.toContain('deliver');
}

describe('a sharing request whose period of use ended while it was pending', () => {
  it('cannot be approved (422 PERIOD_ENDED, nothing changes, not offered); the authority rejects it with reasons, and after a dispute upholds the rejection', async () => {
    const world = await openWorld(ctx);
    const { id, target } = await submitted(world);
    await world.advance({ to: '2025-10-10T16:00:00+08:00' });
    expect(await allowedActions(world, id)).toContain('approve');
    await world.advance({ to: '2025-10-13T09:00:00+08:00' });
    const before = await readRequest(world, id);

    const refused = await world.act({ ...target, action: 'approve' });
    expectPeriodEnded(refused, 'under_review');
    expect(refused.body.allowedEvents).toEqual(['reject']);
    expect(await readRequest(world, id)).toEqual(before);
    expect(await allowedActions(world, id)).toEqual(['reject']);

    expect((await world.act({ ...target, action: 'reject', reasons: [{ text: '使用期限已届满' }] })).status).toBe(200);
    const dispute = await world.sharing('POST', `/requests/${id}/disputes`, { as: world.org(REQUESTER), body: { text: '审核超时所致' } });
    expectContract('sharing', 'disputeRequest', dispute, 201);
    expect((await world.act({ ...target, action: 'coordinate' })).status).toBe(200);
    expectPeriodEnded(await world.act({ ...target, action: 'approve' }), 'coordinating');
    expect(await allowedActions(world, id)).toEqual(['uphold_rejection', 'escalate']);
    expect((await world.act({ ...target, action: 'uphold_rejection', reasons: [{ text: '使用期限已届满，请重新申请' }] })).body.to).toBe('rejection_upheld');
  });

  it('approved in time but not delivered by the end of the period: delivery is refused, the approval can be revoked with reasons, and no grant is ever issued', async () => {
    const world = await openWorld(ctx);
    const { id, target } = await submitted(world);
    await world.advance({ to: '2025-10-09T10:00:00+08:00' });
    expect((await world.act({ ...target, action: 'approve' })).body.to).toBe('approved');
    await world.advance({ to: '2025-10-11T09:00:00+08:00' });

    expectPeriodEnded(await world.act({ ...target, action: 'deliver' }), 'approved');
    const offered = await allowedActions(world, id);
    expect(offered).toContain('revoke');
    expect(offered).not.toContain('deliver');
    const revoked = await world.act({ ...target, action: 'revoke', reasons: [{ code: 'PERIOD_ENDED', text: '使用期限已届满，未及交付' }] });
    expect(revoked.body).toMatchObject({ from: 'approved', to: 'revoked' });
    expect(await readRequest(world, id)).toMatchObject({ state: 'revoked', grantId: null, reasons: [{ code: 'PERIOD_ENDED' }] });
    expect((await world.sharing('GET', '/grants', { as: world.org(REQUESTER) })).body.items).toEqual([]);
  });

  it('under the auto policy, a decision that falls after the period ended rejects it with the reason instead of approving (deciding on the last day)', async () => {
    const world = await openWorld(ctx, { reviewerPolicy: { mode: 'auto', decideOn: 'last_day' } });
    const { id } = await submitted(world);
    await world.advance({ to: '2025-10-17T09:00:00+08:00' });
    const request = await readRequest(world, id);
    expect(request).toMatchObject({ state: 'rejected', grantId: null, reasons: [{ code: 'PERIOD_ENDED', text: expect.stringContaining('2025-10-10') }] });
    expect(request.events.at(-1)).toMatchObject({ from: 'under_review', to: 'rejected', at: expect.stringMatching(/^2025-10-16T/) });
  });

  it('under the auto policy, an approval whose delivery falls after the period is revoked by the provider instead of delivered', async () => {
    const world = await openWorld(ctx, { reviewerPolicy: { mode: 'auto' } });
    // Approved on the first working day (Sunday 2025-09-28, a make-up day), delivered the next: after the period.
    const { id } = await submitted(world, '2025-09-28');
    const fired = await world.advance({ to: '2025-10-01T00:00:00+08:00' });
    expect(fired.status).toBe(200);
    const request = await readRequest(world, id);
    expect(request.events.map((e: any) => e.to)).toEqual(['submitted', 'under_review', 'approved', 'revoked']);
    expect(request).toMatchObject({ state: 'revoked', grantId: null, reasons: [{ code: 'PERIOD_ENDED' }] });
    expect(request.events.at(-1).actor).toMatchObject({ role: 'data_provider' });
  });

  it('the simulation SDK sees the refusal as an ApiError with the code, both languages and the pointer', async () => {
    const world = await openWorld(ctx);
    const { id } = await submitted(world);
    await world.advance({ to: '2025-10-13T09:00:00+08:00' });
    const sim = new SimulationClient({ baseUrl: `${ctx.transport.baseUrl}/_sim/v1`, fetch: ctx.transport.fetch });
    const error = await sim.officials.act(world.id, { platform: 'sharing', objectType: 'request', objectId: id, action: 'approve' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const refused = error as ApiError;
    expect(refused).toMatchObject({ status: 422, code: 'PERIOD_ENDED' });
    expect(refused.problem?.errors?.[0]).toMatchObject({ pointer: '/submission/periodOfUse/to', code: 'PERIOD_ENDED' });
    expect(refused.message).toMatch(/^\[PERIOD_ENDED\] The period of use has ended.*ended on 2025-10-10/);
    expect(refused.messageZh).toMatch(/^\[PERIOD_ENDED\] 申请的使用期限已届满.*2025-10-10 届满/);
  });
});
