import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { entryOf, REQUESTER, requestBody } from './fixtures.js';
import { openWorld, useWorld, type World } from '../support/world.js';

const ctx = useWorld();

async function submit(world: World, type: 'unconditional' | 'conditional') {
  const entry = entryOf(world, type);
  const reply = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry) });
  expectContract('sharing', 'submitRequest', reply, 201);
  return { entry, request: reply.body };
}

describe('sharing requests', () => {
  it('delivers an unconditional resource at once with a grant bound to the scenario', async () => {
    const world = await openWorld(ctx);
    const { entry, request } = await submit(world, 'unconditional');
    expect(request.state).toBe('delivered');
    expect(request.deadline).toBeNull();
    expect(request.events.map((e: { to: string }) => e.to)).toEqual(['submitted', 'delivered']);
    expect(request.events[1].type).toBe('grant_issued');
    const grant = await world.sharing('GET', `/grants/${request.grantId}`, { as: world.org(REQUESTER) });
    expectContract('sharing', 'getGrant', grant, 200);
    expect(grant.body).toMatchObject({
      requestId: request.id, entryId: entry.id, state: 'active', validUntil: '2026-09-30', validFrom: '2025-10-01',
      deliveredAt: '2025-09-26T10:00:00+08:00',
      scope: { scenario: { name: '低保资格核查' }, purpose: '最低生活保障资格审核', fields: request.submission.fields },
      grantee: { creditCode: world.org(REQUESTER).creditCode },
    });
    const grants = await world.sharing('GET', '/grants', { as: world.org(REQUESTER) });
    expectContract('sharing', 'listGrants', grants, 200);
    expect(grants.body.items.map((g: { id: string }) => g.id)).toEqual([request.grantId]);
  });

  it.each([
    ['national', '不予共享'],
    ['xiamen', '暂不共享'],
  ])('refuses a not_shared resource with 422 NOT_SHAREABLE naming its legal basis and the class as the %s profile names it', async (profile, label) => {
    const world = await openWorld(ctx, { profile });
    const entry = entryOf(world, 'not_shared');
    const reply = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry, { deliveryMethod: 'api' }) });
    expectContract('sharing', 'submitRequest', reply, 422);
    expect(reply.body.code).toBe('NOT_SHAREABLE');
    expect(reply.body.legalBasis).toBe(entry.sharing.legalBasis);
    expect(reply.body.detail).toContain(`该资源属于${label}类`);
    // The message names the class as the profile does too (Xiamen's used to say 不予共享).
    expect(reply.body.message).toEqual({ zh: `该数据属于${label}类，依法${label}`, en: 'The data is classified as not shareable under the cited legal basis' });
    // It points at the field to change, in Chinese and English, as every refusal of the body does.
    expect(reply.body.errors).toEqual([
      { pointer: '/entryId', code: 'NOT_SHAREABLE', message: { zh: expect.stringContaining(`${label}类`), en: expect.stringContaining('not shared') } },
    ]);
    const list = await world.sharing('GET', '/requests', { as: world.org(REQUESTER) });
    expect(list.body.total).toBe(0);
  });

  it.each([
    ['national', 10, '2025-10-16'],
    ['xiamen', 5, '2025-10-10'],
  ])('reviews a conditional request (%s: %i WD across National Day and its make-up days, due %s)', async (profile, limit, dueDate) => {
    const world = await openWorld(ctx, { profile });
    const { request } = await submit(world, 'conditional');
    expect(request.state).toBe('under_review');
    expect(request.deadline).toMatchObject({ step: 'joint_review', limit, unit: 'working_days', startedOn: '2025-09-26', dueDate, overdue: false });
    expect(request.deadline.dueAt).toBe(`${dueDate.slice(0, 8)}${String(Number(dueDate.slice(8)) + 1).padStart(2, '0')}T00:00:00+08:00`);
  });

  it('approves, then delivers within 1 WD with the grant the provider sets', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const { request } = await submit(world, 'conditional');
    await world.advance({ to: '2025-10-09T09:30:00+08:00' });
    const approved = await world.act({ platform: 'sharing', objectType: 'request', objectId: request.id, action: 'approve' });
    expectContract('simulation', 'actAsOfficial', approved, 200);
    expect(approved.body.object).toMatchObject({ state: 'approved', deadline: { step: 'delivery', limit: 1, dueDate: '2025-10-10' } });
    expect(approved.body.event.actor.role).toBe('data_authority');
    const delivered = await world.act({ platform: 'sharing', objectType: 'request', objectId: request.id, action: 'deliver', grant: { endpoint: 'https://share.example.gov.cn/gw/x', validUntil: '2026-06-30' } });
    expect(delivered.body).toMatchObject({ from: 'approved', to: 'delivered' });
    expect(delivered.body.event).toMatchObject({ type: 'grant_issued', actor: { role: 'data_provider', organizationId: request.provider && expect.any(String) } });
    const grant = await world.sharing('GET', `/grants/${delivered.body.object.grantId}`, { as: world.org(REQUESTER) });
    expect(grant.body).toMatchObject({ endpoint: 'https://share.example.gov.cn/gw/x', validUntil: '2026-06-30', deliveredAt: '2025-10-09T09:30:00+08:00' });
  });

  it('walks rejection → dispute → coordination → escalation → upheld, with reasons, and stays terminal', async () => {
    const world = await openWorld(ctx);
    const { request } = await submit(world, 'conditional');
    const target = { platform: 'sharing', objectType: 'request', objectId: request.id };
    const rejected = await world.act({ ...target, action: 'reject', reasons: [{ text: '申请字段超出限定应用场景所需范围' }] });
    expect(rejected.body.object).toMatchObject({ state: 'rejected', reasons: [{ text: '申请字段超出限定应用场景所需范围' }] });
    const disputed = await world.sharing('POST', `/requests/${request.id}/disputes`, { as: world.org(REQUESTER), body: { text: '属于目录列明的限定应用场景' } });
    expectContract('sharing', 'disputeRequest', disputed, 201);
    expect(disputed.body.state).toBe('disputed');
    expect((await world.act({ ...target, action: 'coordinate' })).body.to).toBe('coordinating');
    expect((await world.act({ ...target, action: 'escalate' })).body.to).toBe('escalated');
    const upheld = await world.act({ ...target, action: 'uphold_rejection', reasons: [{ text: '市人民政府决定维持不予共享' }] });
    expect(upheld.body).toMatchObject({ to: 'rejection_upheld', event: { actor: { role: 'city_government', organizationId: null } } });
    const again = await world.act({ ...target, action: 'approve' });
    expectContract('simulation', 'actAsOfficial', again, 409);
    expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'rejection_upheld', allowedEvents: [] });
    const events = await world.sharing('GET', `/requests/${request.id}/events?limit=3`, { as: world.org(REQUESTER) });
    expectContract('sharing', 'listRequestEvents', events, 200);
    expect(events.body.total).toBe(7);
    const rest = await world.sharing('GET', `/requests/${request.id}/events?cursor=${events.body.nextCursor}`, { as: world.org(REQUESTER) });
    expect([...events.body.items, ...rest.body.items].map((e: { to: string }) => e.to)).toEqual(['submitted', 'under_review', 'rejected', 'disputed', 'coordinating', 'escalated', 'rejection_upheld']);
  });

  it('approves after coordination', async () => {
    const world = await openWorld(ctx);
    const { request } = await submit(world, 'conditional');
    const target = { platform: 'sharing', objectType: 'request', objectId: request.id };
    await world.act({ ...target, action: 'reject', reasons: [{ text: '理由' }] });
    await world.sharing('POST', `/requests/${request.id}/disputes`, { as: world.org(REQUESTER), body: { text: '请协调' } });
    await world.act({ ...target, action: 'coordinate' });
    expect((await world.act({ ...target, action: 'approve' })).body).toMatchObject({ from: 'coordinating', to: 'approved' });
  });

  it('answers 409 naming the state and allowed events for an illegal dispute, 400 for a rejection without reasons', async () => {
    const world = await openWorld(ctx);
    const { request } = await submit(world, 'conditional');
    const dispute = await world.sharing('POST', `/requests/${request.id}/disputes`, { as: world.org(REQUESTER), body: { text: '异议' } });
    expectContract('sharing', 'disputeRequest', dispute, 409);
    expect(dispute.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'under_review' });
    // The requester's own allowed events: nothing while the provider reviews (approve, reject are the provider's).
    expect(dispute.body.allowedEvents).toEqual([]);
    const reject = await world.act({ platform: 'sharing', objectType: 'request', objectId: request.id, action: 'reject' });
    expect(reject.status).toBe(400);
    expect((await world.sharing('GET', `/requests/${request.id}`, { as: world.org(REQUESTER) })).body.state).toBe('under_review');
  });

  it("hides another organisation's request and grant (404)", async () => {
    const world = await openWorld(ctx);
    const { request } = await submit(world, 'unconditional');
    const other = world.org('health');
    for (const path of [`/requests/${request.id}`, `/requests/${request.id}/events`, `/grants/${request.grantId}`]) {
      const reply = await world.sharing('GET', path, { as: other });
      expect(reply.status, path).toBe(404);
    }
    const dispute = await world.sharing('POST', `/requests/${request.id}/disputes`, { as: other, body: { text: 'x' } });
    expect(dispute.status).toBe(404);
    expect((await world.sharing('GET', '/requests', { as: other })).body.total).toBe(0);
  });

  it('answers 422 CALENDAR_NOT_PUBLISHED when the review reaches an unpublished year, and creates nothing', async () => {
    const world = await openWorld(ctx, { startAt: '2026-12-24T10:00:00+08:00' });
    const entry = entryOf(world, 'conditional');
    const reply = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry, { periodOfUse: { from: '2027-01-01', to: '2027-12-31' } }) });
    expectContract('sharing', 'submitRequest', reply, 422);
    expect(reply.body).toMatchObject({ code: 'CALENDAR_NOT_PUBLISHED', year: 2027 });
    expect((await world.sharing('GET', '/requests', { as: world.org(REQUESTER) })).body.total).toBe(0);
  });

  // Submitted on 2025-09-26 (the world's start); each refused period beside the nearest one taken.
  it.each([
    ['ends before it starts', { from: '2026-09-30', to: '2026-01-01' }, '/periodOfUse/to', 'PERIOD_INVALID', { from: '2026-01-01', to: '2026-01-01' }],
    ['ended before the request', { from: '2025-01-01', to: '2025-09-25' }, '/periodOfUse/to', 'PERIOD_ENDED', { from: '2025-01-01', to: '2025-09-26' }],
    ['ends in year 9999', { from: '2025-10-01', to: '9999-12-31' }, '/periodOfUse/to', 'PERIOD_OUT_OF_RANGE', { from: '2025-10-01', to: '2035-09-26' }],
    ['starts in year 0000', { from: '0000-01-01', to: '2026-09-30' }, '/periodOfUse/from', 'PERIOD_OUT_OF_RANGE', { from: '2015-09-26', to: '2026-09-30' }],
  ])('refuses a period of use that %s with 400 at the day, storing nothing', async (_case, periodOfUse, pointer, code, nearestTaken) => {
    const world = await openWorld(ctx);
    const entry = entryOf(world, 'unconditional');
    const reply = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry, { periodOfUse }) });
    expectContract('sharing', 'submitRequest', reply, 400);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer, code, message: { zh: expect.any(String), en: expect.any(String) } }] });
    expect((await world.sharing('GET', '/requests', { as: world.org(REQUESTER) })).body.total).toBe(0);
    expect((await world.sharing('GET', '/grants', { as: world.org(REQUESTER) })).body.total).toBe(0);
    const taken = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry, { periodOfUse: nearestTaken }) });
    expectContract('sharing', 'submitRequest', taken, 201);
  });

  it.each(['national', 'xiamen'])('refuses a condition on an unconditional resource (%s: 400 CONDITION_NOT_APPLICABLE at /condition), storing nothing', async (profile) => {
    const world = await openWorld(ctx, { profile });
    const entry = entryOf(world, 'unconditional');
    const reply = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry, { condition: 'specific_scenario' }) });
    expectContract('sharing', 'submitRequest', reply, 400);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/condition', code: 'CONDITION_NOT_APPLICABLE', message: { zh: expect.stringContaining('无条件共享'), en: expect.stringContaining('unconditionally') } }] });
    expect((await world.sharing('GET', '/requests', { as: world.org(REQUESTER) })).body.total).toBe(0);
    expect((await world.sharing('GET', '/grants', { as: world.org(REQUESTER) })).body.total).toBe(0);
    const granted = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry) });
    expectContract('sharing', 'submitRequest', granted, 201);
    expect(granted.body.submission).not.toHaveProperty('condition');
  });

  it('validates the condition and fields against the resource', async () => {
    const world = await openWorld(ctx);
    const entry = entryOf(world, 'conditional');
    const { condition: _c, ...noCondition } = requestBody(entry) as Record<string, unknown>;
    const missing = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: noCondition });
    expectContract('sharing', 'submitRequest', missing, 422);
    expect(missing.body.code).toBe('CONDITION_NOT_MET');
    expect(missing.body.errors[0]).toMatchObject({ pointer: '/condition', code: 'CONDITION_REQUIRED' });
    const unlisted = ['specific_scenario', 'specific_agencies', 'key_municipal_work', 'cross_department_platform'].find((c) => !entry.sharing.conditions.includes(c as never));
    const notListed = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry, { condition: unlisted }) });
    expectContract('sharing', 'submitRequest', notListed, 422);
    expect(notListed.body).toMatchObject({ code: 'CONDITION_NOT_MET', errors: [{ pointer: '/condition', code: 'CONDITION_NOT_LISTED' }] });
    const field = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry, { fields: ['不存在的字段'] }) });
    expect(field.body.errors[0]).toMatchObject({ pointer: '/fields/0', code: 'FIELD_UNKNOWN', message: { zh: '该资源没有信息项 "不存在的字段"', en: 'The resource has no data item "不存在的字段"' } });
    // The refusal lists the resource's items, and names the one a slip was probably for.
    const items = entry.items.map((i) => i.name);
    expect(field.body.detail).toContain(items.slice(0, 3).join(', '));
    const name = items[0] ?? '';
    const slip = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry, { fields: [name.slice(0, -1)] }) });
    expect(slip.body.errors[0].message).toEqual({ zh: `该资源没有信息项 ${JSON.stringify(name.slice(0, -1))}（是否应为 ${JSON.stringify(name)}？）`, en: `The resource has no data item ${JSON.stringify(name.slice(0, -1))} (did you mean ${JSON.stringify(name)}?)` });
  });
});
