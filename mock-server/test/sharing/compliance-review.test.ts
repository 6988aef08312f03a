// Inner Mongolia's compliance review (合规性审查, 内政办发〔2023〕32号 八(二十三)) of a conditional
// sharing request, before the joint review; national and Xiamen requests go straight to it.
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { entryOf, REQUESTER, requestBody } from './fixtures.js';
import { openWorld, useWorld, type World } from '../support/world.js';

const ctx = useWorld();
const IM_32 = '内政办发〔2023〕32号 八(二十三)';

async function conditional(world: World) {
  const reply = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entryOf(world, 'conditional')) });
  expectContract('sharing', 'submitRequest', reply, 201);
  return reply.body;
}

const read = async (world: World, id: string) => {
  const reply = await world.sharing('GET', `/requests/${id}`, { as: world.org(REQUESTER) });
  expectContract('sharing', 'getRequest', reply, 200);
  return reply.body;
};

describe('sharing: the compliance review (inner-mongolia)', () => {
  it('passes the compliance review, then the joint review on its own clock, then delivers', async () => {
    const world = await openWorld(ctx, { profile: 'inner-mongolia' });
    const request = await conditional(world);
    expect(request).toMatchObject({
      state: 'compliance_review',
      deadline: { step: 'compliance_review', limit: 3, unit: 'working_days', startedOn: '2025-09-26', dueDate: '2025-09-30', basis: IM_32, overdue: false },
    });
    const target = { platform: 'sharing', objectType: 'request', objectId: request.id };
    const early = await world.act({ ...target, action: 'approve' });
    expect(early.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'compliance_review' });
    // Not the joint review's turn yet: the refusal names what the timeline offers, the compliance reviewer's pass / fail.
    const offered = (await world.sim('GET', `/objects/sharing/request/${request.id}/timeline`)).body.allowedActions.map((a: { action: string }) => a.action);
    expect(offered).toEqual(expect.arrayContaining(['pass_compliance_review', 'fail_compliance_review']));
    expect(early.body.allowedEvents).toEqual(offered);

    await world.advance({ to: '2025-09-29T15:00:00+08:00' });
    const passed = await world.act({ ...target, action: 'pass_compliance_review' });
    expectContract('simulation', 'actAsOfficial', passed, 200);
    expect(passed.body).toMatchObject({ from: 'compliance_review', to: 'under_review', event: { actor: { role: 'platform_operator', organizationId: world.org('information-center').id } } });
    // The joint review's clock runs from the pass, and its deadline says so (not `received`).
    expect(passed.body.object.deadline).toMatchObject({ step: 'joint_review', limit: 10, startTrigger: 'compliance_review_passed', startedOn: '2025-09-29', dueDate: '2025-10-20' });
    expect(passed.body.event.deadline).toMatchObject({ step: 'joint_review', startTrigger: 'compliance_review_passed' });
    expect((await read(world, request.id)).deadline.startTrigger).toBe('compliance_review_passed');

    await world.act({ ...target, action: 'approve' });
    await world.act({ ...target, action: 'deliver' });
    const delivered = await read(world, request.id);
    expect(delivered.state).toBe('delivered');
    expect(delivered.grantId).toEqual(expect.any(String));
    expect(delivered.events.map((e: { to: string }) => e.to)).toEqual(['submitted', 'compliance_review', 'under_review', 'approved', 'delivered']);
  });

  it('a failed compliance review ends with written reasons; without reasons it is refused and changes nothing', async () => {
    const world = await openWorld(ctx, { profile: 'inner-mongolia' });
    const request = await conditional(world);
    const target = { platform: 'sharing', objectType: 'request', objectId: request.id };
    const bare = await world.act({ ...target, action: 'fail_compliance_review' });
    expectContract('simulation', 'actAsOfficial', bare, 400);
    expect(bare.body.errors).toContainEqual(expect.objectContaining({ pointer: '/reasons', message: { zh: expect.any(String), en: expect.any(String) } }));
    expect(await read(world, request.id)).toMatchObject({ state: 'compliance_review', reasons: [] });

    const failed = await world.act({ ...target, action: 'fail_compliance_review', reasons: [{ code: 'SECURITY_MEASURES_MISSING', text: '未说明数据安全保障措施' }] });
    expect(failed.body).toMatchObject({ from: 'compliance_review', to: 'compliance_rejected' });
    const now = await read(world, request.id);
    expect(now).toMatchObject({ state: 'compliance_rejected', deadline: null, grantId: null, reasons: [{ code: 'SECURITY_MEASURES_MISSING', text: '未说明数据安全保障措施' }] });
    expect(now.events.at(-1)).toMatchObject({ from: 'compliance_review', to: 'compliance_rejected', actor: { role: 'platform_operator' }, reason: { text: '未说明数据安全保障措施' } });

    const dispute = await world.sharing('POST', `/requests/${request.id}/disputes`, { as: world.org(REQUESTER), body: { text: '安全措施已在附件中说明' } });
    expectContract('sharing', 'disputeRequest', dispute, 409);
    expect(dispute.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'compliance_rejected' });
    expect((await read(world, request.id)).events).toHaveLength(now.events.length);
  });

  it('flags an overdue compliance review and never passes it', async () => {
    const world = await openWorld(ctx, { profile: 'inner-mongolia' });
    const request = await conditional(world);
    const advanced = await world.advance({ to: '2025-10-09T12:00:00+08:00' });
    expect(advanced.body.fired).toContainEqual(expect.objectContaining({ at: '2025-10-01T00:00:00+08:00', objectId: request.id, type: 'deadline_overdue', from: 'compliance_review', to: 'compliance_review' }));
    expect(await read(world, request.id)).toMatchObject({ state: 'compliance_review', deadline: { step: 'compliance_review', overdue: true } });
  });

  it('auto officials carry a request through both reviews to delivery', async () => {
    const world = await openWorld(ctx, { profile: 'inner-mongolia', reviewerPolicy: { mode: 'auto' } });
    const request = await conditional(world);
    await world.advance({ to: '2025-12-31T00:00:00+08:00' });
    const done = await read(world, request.id);
    expect(done.events.map((e: { actor: { role: string }; to: string }) => `${e.actor.role}>${e.to}`)).toEqual([
      'data_user>submitted', 'clock>compliance_review', 'platform_operator>under_review', 'data_authority>approved', 'data_provider>delivered',
    ]);
  });

  it.each(['national', 'xiamen'])('%s: a conditional request goes straight to the joint review', async (profile) => {
    const world = await openWorld(ctx, { profile });
    const request = await conditional(world);
    expect(request).toMatchObject({ state: 'under_review', deadline: { step: 'joint_review' } });
    expect(request.events.map((e: { to: string }) => e.to)).toEqual(['submitted', 'under_review']);
    const pass = await world.act({ platform: 'sharing', objectType: 'request', objectId: request.id, action: 'pass_compliance_review' });
    expect(pass.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'under_review' });
  });
});
