// The agreed term at signing (27号 第十四条(二); 101号 第八条 "协议有效期不超过5年"): a term that has
// already ended is not signed, and the 5-year cap counts over the span the authorization is in
// force — from the signing day when the term starts later (it is `active`, its permissions open,
// from signing: authorized-operation.md §2–§3).
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { journalAcknowledged } from '../support/older-journal.js';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { agreement, approvedPlan, ELIGIBLE, IM_SECTIONS, openAoWorld, signedSelection, useAoMock, replayableAoWorld, type AoWorld } from './fixtures.js';

const ctx = useAoMock();
const tempDir = useTempDirs();

/** A national negotiation with its agreement over `term` deliberated; answers the selection's id. */
async function deliberated(world: AoWorld, term: { from: string; to: string }): Promise<string> {
  const plan = await approvedPlan(world);
  const selection = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'negotiation' } });
  const id = selection.body.id as string;
  await world.ao('POST', `/selections/${id}/bids`, { as: world.operator, body: { proposal: '建设客流分析产品。', eligibility: { goodCredit: true } } });
  expect((await world.official('selection', id, 'select', { operatorId: world.operator.id })).status).toBe(200);
  expect((await world.official('selection', id, 'deliberate_agreement', { agreement: agreement(plan.content.scope, term) })).status).toBe(200);
  return id;
}

describe('authorized operation: a term that has ended is not signed', () => {
  it('refuses to sign a term ending before the signing day (400 at /agreement/term/to), nothing changed', async () => {
    const world = await openAoWorld(ctx);
    const id = await deliberated(world, { from: '2020-01-01', to: '2024-12-31' });
    const refused = await world.official('selection', id, 'sign');
    expectContract('simulation', 'actAsOfficial', refused, 400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/agreement/term/to', code: 'TERM_ALREADY_ENDED', message: { zh: expect.any(String), en: expect.any(String) } }] });
    const still = await world.ao('GET', `/selections/${id}`, { as: world.body });
    expect(still.body).toMatchObject({ state: 'agreement_deliberation', authorizationId: null });
    expect((await world.ao('GET', '/authorizations', { as: world.operator })).body.total).toBe(0);
    // Sent with the signing, a term in force is signed.
    const signed = await world.official('selection', id, 'sign', { agreement: agreement([world.scopeItem()], { from: '2025-01-01', to: '2025-12-31' }) });
    expect(signed.status).toBe(200);
  });

  it('refuses an amended term end before today (400 at /termEnd), the authorization stays amending', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world, { from: '2025-01-01', to: '2027-12-31' });
    await world.official('authorization', authorizationId, 'amend', { amendment: '提前结束。' });
    const refused = await world.official('authorization', authorizationId, 'approve_amendment', { termEnd: '2025-06-30' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toMatchObject([{ pointer: '/termEnd', code: 'TERM_ALREADY_ENDED' }]);
    const unchanged = await world.ao('GET', `/authorizations/${authorizationId}`, { as: world.operator });
    expect(unchanged.body).toMatchObject({ state: 'amending', agreement: { term: { to: '2027-12-31' } } });
  });
});

describe('authorized operation: the cap counts from the signing day when the term starts later', () => {
  it('Inner Mongolia refuses a 5-year term starting two years after the signing (422 TERM_EXCEEDS_CAP), nothing changed', async () => {
    const im = await openAoWorld(ctx, { profile: 'inner-mongolia' });
    const plan = await approvedPlan(im);
    const call = await im.ao('POST', '/selections', { as: im.body, body: { planId: plan.id, method: 'call_and_review' } });
    await im.official('selection', call.body.id, 'publish_call');
    await im.ao('POST', `/selections/${call.body.id}/bids`, { as: im.operator, body: { proposal: '建设客流分析产品。', eligibility: ELIGIBLE } });
    await im.advance({ to: '2025-10-17T10:00:00+08:00' });
    await im.official('selection', call.body.id, 'pass_review', { operatorId: im.operator.id });
    await im.official('selection', call.body.id, 'approve_selection');
    await im.official('selection', call.body.id, 'deliberate_agreement', { agreement: { ...agreement([im.scopeItem()], { from: '2027-10-15', to: '2032-10-14' }), ...IM_SECTIONS } });
    const refused = await im.official('selection', call.body.id, 'sign');
    expectContract('simulation', 'actAsOfficial', refused, 422);
    expect(refused.body.code).toBe('TERM_EXCEEDS_CAP');
    expect((await im.ao('GET', `/selections/${call.body.id}`, { as: im.body })).body).toMatchObject({ state: 'agreement_deliberation', authorizationId: null });
    // Within five years of the signing day (2025-10-17), it is signed.
    const within = await im.official('selection', call.body.id, 'sign', { agreement: { ...agreement([im.scopeItem()], { from: '2027-10-15', to: '2030-10-16' }), ...IM_SECTIONS } });
    expect(within.status).toBe(200);
    const authorization = await im.ao('GET', `/authorizations/${within.body.object.authorizationId}`, { as: im.operator });
    expect(authorization.body.termCheck).toMatchObject({ from: '2027-10-15', measuredFrom: '2025-10-17', capEndsOn: '2030-10-16', outcome: 'ok' });
  });

  it('nationally such a term needs a justification, and shows the cap from the signing day', async () => {
    const world = await openAoWorld(ctx);
    const id = await deliberated(world, { from: '2027-10-15', to: '2032-10-14' });
    const unjustified = await world.official('selection', id, 'sign');
    expectContract('simulation', 'actAsOfficial', unjustified, 422);
    expect(unjustified.body.code).toBe('TERM_JUSTIFICATION_REQUIRED');
    const signed = await world.official('selection', id, 'sign', { justification: '建设期两年。' });
    const authorization = await world.ao('GET', `/authorizations/${signed.body.object.authorizationId}`, { as: world.operator });
    expectContract('authorized-operation', 'getAuthorization', authorization, 200);
    expect(authorization.body.termCheck).toMatchObject({ measuredFrom: '2025-09-26', capEndsOn: '2030-09-25', outcome: 'warning', code: 'TERM_OVER_CAP_WARNING' });
  });
});

describe('journal replay of a signing acknowledged with a term already ended', () => {
  it('replays it as answered, and its expiry is dated no earlier than the signing', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const id = await deliberated(world, { from: '2020-01-01', to: '2024-12-31' });
    const sign = { platform: 'authorized-operation', objectType: 'selection', objectId: id, action: 'sign' };
    expect((await world.sim('POST', '/actions', sign)).status).toBe(400);
    await first.close();

    journalAcknowledged(dataDir, [{ path: `/_sim/v1/sandboxes/${world.id}/actions`, body: sign, status: 200 }]);

    const second = open();
    const call = callOf(second);
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    const selection = (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/selections/${id}`, { as: world.body })).body;
    expect(selection).toMatchObject({ state: 'signed', authorizationId: expect.any(String) });
    await call('POST', `/_sim/v1/sandboxes/${world.id}/clock/advance`, { body: { duration: 'P1D' } });
    const events = (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${selection.authorizationId}/events`, { as: world.operator })).body.items as { to: string; at: string }[];
    expect(events.map((e) => e.to)).toEqual(['active', 'expired']);
    // Not 2025-01-01, the day after the term's end: months before the authorization existed.
    const [created, expired] = events.map((e) => Date.parse(e.at));
    expect(expired).toBeGreaterThanOrEqual(created!);
    await second.close();
  });
});

describe('journal replay of a signing acknowledged when the cap counted from the term\'s first day', () => {
  it('replays it as answered (the guard passes on replay), while live the same signing answers 422', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const [journaled, later] = [await deliberated(world, { from: '2027-10-15', to: '2032-10-14' }), await deliberated(world, { from: '2027-10-15', to: '2032-10-14' })];
    const sign = { platform: 'authorized-operation', objectType: 'selection', objectId: journaled, action: 'sign' };
    expect((await world.sim('POST', '/actions', sign)).status).toBe(422);
    await first.close();

    journalAcknowledged(dataDir, [{ path: `/_sim/v1/sandboxes/${world.id}/actions`, body: sign, status: 200 }]);

    const second = open();
    const call = callOf(second);
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect((await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/selections/${journaled}`, { as: world.body })).body.state).toBe('signed');
    const live = await call('POST', `/_sim/v1/sandboxes/${world.id}/actions`, { body: { ...sign, objectId: later } });
    expect(live.status).toBe(422);
    await second.close();
  });
});
