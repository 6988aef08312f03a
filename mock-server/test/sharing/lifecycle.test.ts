import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { entryOf, REQUESTER, requestBody } from './fixtures.js';
import { openWorld, useWorld, type World } from '../support/world.js';

const ctx = useWorld();

async function conditional(world: World) {
  const reply = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entryOf(world, 'conditional')) });
  return reply.body;
}

const objection = (resourceId: string) => ({
  subject: { kind: 'person', residentId: '350203199003071236', name: '张三' },
  kind: 'inaccurate',
  dataReference: { resourceId, description: '本人名下车辆登记日期有误' },
  text: '车辆实际登记日期为 2019-05-10。',
});

describe('sharing deadlines, officials and feedback', () => {
  it('flags an overdue review and never approves it (manual)', async () => {
    const world = await openWorld(ctx);
    const request = await conditional(world);
    const advanced = await world.advance({ to: '2025-10-20T12:00:00+08:00' });
    expectContract('simulation', 'advanceClock', advanced, 200);
    expect(advanced.body.fired).toContainEqual({ at: '2025-10-17T00:00:00+08:00', platform: 'sharing', objectType: 'request', objectId: request.id, type: 'deadline_overdue', from: 'under_review', to: 'under_review' });
    const now = await world.sharing('GET', `/requests/${request.id}`, { as: world.org(REQUESTER) });
    expectContract('sharing', 'getRequest', now, 200);
    expect(now.body).toMatchObject({ state: 'under_review', deadline: { overdue: true, dueDate: '2025-10-16' } });
    expect(now.body.events.at(-1)).toMatchObject({ type: 'deadline_overdue', actor: { role: 'clock', organizationId: null } });
    const explained = await world.act({ platform: 'sharing', objectType: 'request', objectId: request.id, action: 'explain_overdue', explanation: '涉及多个提供单位，需联合研判。' });
    expect(explained.body.event).toMatchObject({ type: 'overdue_explained', reason: { text: '涉及多个提供单位，需联合研判。' } });
  });

  it('late officials decide only after the overdue flag', async () => {
    const world = await openWorld(ctx, { reviewerPolicy: { mode: 'late', overdueByWorkingDays: 2 } });
    const request = await conditional(world);
    await world.advance({ to: '2025-10-22T00:00:00+08:00' });
    const { body } = await world.sharing('GET', `/requests/${request.id}`, { as: world.org(REQUESTER) });
    const types = body.events.map((e: { type: string }) => e.type);
    const overdueAt = types.indexOf('deadline_overdue');
    expect(overdueAt).toBeGreaterThan(0);
    const decision = body.events[overdueAt + 1];
    expect(decision.from).toBe('under_review');
    expect(['approved', 'rejected']).toContain(decision.to);
    expect(decision.at.slice(0, 10)).toBe('2025-10-20'); // 2 WD after the due date 2025-10-16
  });

  it('auto officials decide within the limit, the same way for the same seed', async () => {
    const run = async () => {
      const world = await openWorld(ctx, { reviewerPolicy: { mode: 'auto' }, seed: 99 });
      const ids: string[] = [];
      for (let i = 0; i < 4; i += 1) ids.push((await conditional(world)).id);
      await world.advance({ to: '2025-12-31T00:00:00+08:00' });
      const requests = await Promise.all(ids.map(async (id) => (await world.sharing('GET', `/requests/${id}`, { as: world.org(REQUESTER) })).body));
      return requests.map((r) => r.events.map((e: { type: string; at: string; to: string }) => `${e.type}@${e.at}>${e.to}`));
    };
    const first = await run();
    expect(await run()).toEqual(first);
    for (const events of first) {
      expect(events.some((e: string) => e.startsWith('deadline_overdue'))).toBe(false);
      const decision = events[2]!;
      expect(decision.slice(decision.indexOf('@') + 1, decision.indexOf('@') + 11) <= '2025-10-16').toBe(true);
    }
  });

  it('answers a data objection within 5 WD; a third party can object too', async () => {
    const world = await openWorld(ctx);
    const entry = entryOf(world, 'conditional');
    const filed = await world.sharing('POST', '/data-objections', { as: world.org(REQUESTER), body: objection(entry.id) });
    expectContract('sharing', 'submitDataObjection', filed, 201);
    expect(filed.body.deadline).toMatchObject({ step: 'objection_answer', limit: 5, dueDate: '2025-10-10' });
    const answered = await world.act({ platform: 'sharing', objectType: 'data_objection', objectId: filed.body.id, action: 'answer', answer: { text: '经核实已更正。' } });
    expect(answered.body.event.actor).toEqual({ role: 'data_provider', organizationId: entry.provider.organizationId });
    const read = await world.sharing('GET', `/data-objections/${filed.body.id}`, { as: world.org(REQUESTER) });
    expectContract('sharing', 'getDataObjection', read, 200);
    expect(read.body).toMatchObject({ state: 'answered', answer: { text: '经核实已更正。' }, deadline: null });
    const third = await world.sim('POST', '/objections', { kind: 'data', platform: 'sharing', objection: { ...objection(entry.id), kind: 'incomplete' } });
    expectContract('simulation', 'fileThirdPartyObjection', third, 201);
    expect(third.body).toMatchObject({ objectType: 'data_objection', object: { state: 'submitted', kind: 'incomplete' } });
    expect((await world.sharing('GET', `/data-objections/${third.body.objectId}`, { as: world.org(REQUESTER) })).status).toBe(404);
  });

  it('takes quality issues against a grant and records the provider answer', async () => {
    const world = await openWorld(ctx);
    const entry = entryOf(world, 'unconditional');
    const request = (await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry) })).body;
    const issue = await world.sharing('POST', '/quality-issues', { as: world.org(REQUESTER), body: { entryId: entry.id, grantId: request.grantId, fields: [entry.items[0]!.name], description: '约 3% 为空值。' } });
    expectContract('sharing', 'submitQualityIssue', issue, 201);
    // The step as the contract's x-gdx-limits names it (sharing.quality_issue → quality_answer).
    expect(issue.body.deadline).toMatchObject({ step: 'quality_answer', unit: 'working_days' });
    await world.act({ platform: 'sharing', objectType: 'quality_issue', objectId: issue.body.id, action: 'answer', answer: { text: '已修复。' } });
    const read = await world.sharing('GET', `/quality-issues/${issue.body.id}`, { as: world.org(REQUESTER) });
    expectContract('sharing', 'getQualityIssue', read, 200);
    expect(read.body).toMatchObject({ state: 'answered', answer: { text: '已修复。' } });
    expect((await world.sharing('GET', `/quality-issues/${issue.body.id}`, { as: world.org('health') })).status).toBe(404);
  });

  it('revokes a grant with reasons and expires one at the end of its last day', async () => {
    const world = await openWorld(ctx);
    const entry = entryOf(world, 'unconditional');
    const a = (await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry) })).body;
    const b = (await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry, { periodOfUse: { from: '2025-10-01', to: '2025-10-31' } }) })).body;
    const revoked = await world.act({ platform: 'sharing', objectType: 'grant', objectId: a.grantId, action: 'revoke', reasons: [{ text: '超出应用场景使用' }] });
    expectContract('simulation', 'actAsOfficial', revoked, 200);
    expect(revoked.body.object).toMatchObject({ state: 'revoked' });
    expect((await world.sharing('GET', `/requests/${a.id}`, { as: world.org(REQUESTER) })).body).toMatchObject({ state: 'revoked', reasons: [{ text: '超出应用场景使用' }] });
    const advanced = await world.advance({ to: '2025-11-01T08:00:00+08:00' });
    expect(advanced.body.fired).toContainEqual(expect.objectContaining({ objectId: b.id, at: '2025-11-01T00:00:00+08:00', to: 'expired' }));
    const grant = await world.sharing('GET', `/grants/${b.grantId}`, { as: world.org(REQUESTER) });
    expectContract('sharing', 'getGrant', grant, 200);
    expect(grant.body.state).toBe('expired');
    expect(grant.body.events.map((e: { to: string }) => e.to)).toEqual(['active', 'expired']);
  });

  it('publishes every state change on the event feed, and restores from a snapshot', async () => {
    const world = await openWorld(ctx);
    const request = await conditional(world);
    await world.act({ platform: 'sharing', objectType: 'request', objectId: request.id, action: 'approve' });
    const feed = await world.sim('GET', '/events?platform=sharing&limit=200');
    const mine = feed.body.items.filter((e: { objectId: string }) => e.objectId === request.id);
    expect(mine.map((e: { event: { to: string } }) => e.event.to)).toEqual(['submitted', 'under_review', 'approved']);
    const snapshot = await world.sim('GET', '/snapshot');
    const imported = await ctx.call('POST', '/_sim/v1/sandboxes/import', { body: { snapshot: snapshot.body, id: `${world.id}_copy` } });
    expect(imported.status).toBe(201);
    const path = (id: string) => `/sandboxes/${id}/sharing/v1/requests/${request.id}`;
    const original = await ctx.call('GET', path(world.id), { as: world.org(REQUESTER) });
    const copy = await ctx.call('GET', path(`${world.id}_copy`), { as: world.org(REQUESTER) });
    expect(copy.body).toEqual(original.body);
    // The copy keeps its timers: the delivery deadline still fires there.
    const advanced = await ctx.call('POST', `/_sim/v1/sandboxes/${world.id}_copy/clock/advance`, { body: { to: '2025-10-15T00:00:00+08:00' } });
    expect(advanced.body.fired).toContainEqual(expect.objectContaining({ objectId: request.id, type: 'deadline_overdue', from: 'approved' }));
  });
});
