import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld } from '../support/world.js';
import { APPLICANT, grantApprovedAt } from './fixtures.js';

const ctx = useWorld();
const REQUEST = { text: '请提供 2025 年第四季度的接口调用日志与使用场景说明' };

describe('open-data spot checks (接受抽查, 厦门 第二十四条)', () => {
  it('the data authority starts one on a grant with usage feedback; its holder lists it, answers within 10 WD, once', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const grant = await grantApprovedAt(world, '2025-10-14T10:00:00+08:00', { from: '2025-10-15', to: '2026-10-14' }, 'usage_feedback');
    await world.advance({ to: '2026-01-05T10:00:00+08:00' });
    const started = await world.act({ platform: 'open-data', objectType: 'grant', objectId: grant.id, action: 'start_spot_check', request: REQUEST });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body).toMatchObject({ objectType: 'spot_check', from: null, to: 'submitted', event: { actor: { role: 'data_authority' } } });
    const check = started.body.object;
    // 10 working days after Monday 2026-01-05 (the start day not counted): Monday 2026-01-19.
    expect(check).toMatchObject({ grantId: grant.id, state: 'submitted', request: REQUEST, answer: null, deadline: { step: 'spot_check_answer', limit: 10, unit: 'working_days', startedOn: '2026-01-05', dueDate: '2026-01-19', overdue: false } });

    const holder = world.org(APPLICANT);
    const listed = await world.openData('GET', `/grants/${grant.id}/spot-checks?state=submitted`, { as: holder });
    expectContract('open-data', 'listSpotChecks', listed, 200);
    expect(listed.body).toEqual({ items: [check], nextCursor: null, total: 1 });

    await world.advance({ to: '2026-01-20T09:00:00+08:00' });
    const answer = { text: '已提供调用日志与场景使用说明。' };
    const answered = await world.openData('POST', `/grants/${grant.id}/spot-checks/${check.id}/answer`, { as: holder, body: answer });
    expectContract('open-data', 'answerSpotCheck', answered, 200);
    // Late answers are taken; the deadline shows it was overdue.
    expect(answered.body).toMatchObject({ state: 'answered', answer, deadline: null });
    expect(answered.body.events.map((e: any) => e.type)).toEqual(['state_changed', 'deadline_overdue', 'state_changed']);
    const again = await world.openData('POST', `/grants/${grant.id}/spot-checks/${check.id}/answer`, { as: holder, body: answer });
    expectContract('open-data', 'answerSpotCheck', again, 409);
    expect((await world.openData('GET', `/grants/${grant.id}/spot-checks?state=submitted`, { as: holder })).body.total).toBe(0);
    const feed = (await world.sim('GET', '/events?limit=200')).body.items;
    expect(feed.filter((e: any) => e.objectId === check.id).map((e: any) => e.objectType)).toEqual(['spot_check', 'spot_check', 'spot_check']);
  });

  it("offers the spot check on the timeline of an active grant with usage feedback only, with the contract's form", async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const actionsOf = async (grantId: string) => {
      const timeline = await world.sim('GET', `/objects/open-data/grant/${grantId}/timeline`);
      expectContract('simulation', 'getObjectTimeline', timeline, 200);
      return timeline.body.allowedActions as { action: string; role: string; fields: { name: string; required: boolean }[] }[];
    };
    const plain = await grantApprovedAt(world, '2025-10-14T10:00:00+08:00', { from: '2025-10-15', to: '2026-10-14' });
    expect((await actionsOf(plain.id)).map((a) => a.action)).not.toContain('start_spot_check');

    const grant = await grantApprovedAt(world, '2025-10-20T10:00:00+08:00', { from: '2025-10-21', to: '2026-10-14' }, 'usage_feedback');
    const offered = (await actionsOf(grant.id)).find((a) => a.action === 'start_spot_check');
    expect(offered).toMatchObject({ role: 'data_authority', fields: [expect.objectContaining({ name: 'request', required: true })] });
    // What the timeline offers, `POST /actions` takes.
    const started = await world.act({ platform: 'open-data', objectType: 'grant', objectId: grant.id, action: 'start_spot_check', request: REQUEST });
    expect(started.status, JSON.stringify(started.body)).toBe(200);

    const suspended = await world.act({ platform: 'open-data', objectType: 'grant', objectId: grant.id, action: 'suspend', reasons: [{ text: '违规使用' }] });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect((await actionsOf(grant.id)).map((a) => a.action)).not.toContain('start_spot_check');
    // Refused for its state, not for a condition it has.
    const whileSuspended = await world.act({ platform: 'open-data', objectType: 'grant', objectId: grant.id, action: 'start_spot_check', request: REQUEST });
    expect(whileSuspended.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'suspended', allowedEvents: ['reinstate'], reasonCode: 'ILLEGAL_TRANSITION' });
  });

  it('refuses a grant without usage feedback (409) and bad input (400 on the field), creating nothing; another organisation does not see it', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const plain = await grantApprovedAt(world, '2025-10-14T10:00:00+08:00', { from: '2025-10-15', to: '2026-10-14' });
    const refused = await world.act({ platform: 'open-data', objectType: 'grant', objectId: plain.id, action: 'start_spot_check', request: REQUEST });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', reasonCode: 'NO_USAGE_FEEDBACK' });
    const noRequest = await world.act({ platform: 'open-data', objectType: 'grant', objectId: plain.id, action: 'start_spot_check' });
    expect(noRequest.status).toBe(400);
    expect(JSON.stringify(noRequest.body.errors)).toContain('request');
    expect((await world.openData('GET', `/grants/${plain.id}/spot-checks`, { as: world.org(APPLICANT) })).body.total).toBe(0);

    const grant = await grantApprovedAt(world, '2025-10-20T10:00:00+08:00', { from: '2025-10-21', to: '2026-10-14' }, 'usage_feedback');
    const started = await world.act({ platform: 'open-data', objectType: 'grant', objectId: grant.id, action: 'start_spot_check', request: REQUEST });
    const check = started.body.object;
    const empty = await world.openData('POST', `/grants/${grant.id}/spot-checks/${check.id}/answer`, { as: world.org(APPLICANT), body: { text: '' } });
    expectContract('open-data', 'answerSpotCheck', empty, 400);
    expect(empty.body.errors[0]).toMatchObject({ pointer: '/text' });
    const wrongGrant = await world.openData('POST', `/grants/${plain.id}/spot-checks/${check.id}/answer`, { as: world.org(APPLICANT), body: { text: '答复' } });
    expectContract('open-data', 'answerSpotCheck', wrongGrant, 404);
    const stranger = world.organizations.find((o) => o.id !== world.org(APPLICANT).id);
    const unseen = await world.openData('GET', `/grants/${grant.id}/spot-checks`, { as: stranger });
    expectContract('open-data', 'listSpotChecks', unseen, 404);
  });
});
