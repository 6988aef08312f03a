// Writes an older gdx-mock acknowledged that a check added since refuses — a bid stating an
// eligibility condition not met, a tender bid after its bid period, a plan whose scope holds an entry it excludes, a Xiamen data
// access request without the security statements of 厦门办法 第十五条, a fee effective before the
// day it was set — are in some data
// directories' journals: at start they are replayed as they were answered, so the object (and
// every id drawn after it) stays. Live, the same write is refused.
import { describe, expect, it } from 'vitest';
import { journalAcknowledged } from '../support/older-journal.js';
import { agreement, approvedPlan, EVALUABLE_TERM, DATA_USER, dataAccessBody, designatedAuthorization, listedProduct, MAR_2026, planContent, productBody, signedSelection, replayableAoWorld } from './fixtures.js';
import { useTempDirs } from '../persistence/data-dir-app.js';

const tempDir = useTempDirs();

describe('journal replay of a bid acknowledged with an eligibility condition not met', () => {
  it('replays the bid as answered (no REPLAY_REFUSED, the bid is there), while the same bid live answers 400', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const plan = await approvedPlan(world);
    const selection = (await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'negotiation' } })).body;
    const body = { proposal: '建设客流分析产品。', eligibility: { goodCredit: false } };
    const live = await world.ao('POST', `/selections/${selection.id}/bids`, { as: world.operator, body });
    expect(live.status).toBe(400);
    await first.close();

    // What an older version journaled: the same bid, answered 201.
    const path = `/sandboxes/${world.id}/authorized-operation/v1/selections/${selection.id}/bids`;
    journalAcknowledged(dataDir, [{ path, body, caller: world.operator.id, status: 201 }]);

    const second = open();
    const call = callOf(second);
    const replayed = (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/selections/${selection.id}`, { as: world.body })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(replayed.bids).toEqual([expect.objectContaining({ eligibility: { goodCredit: false } })]);
    const again = await call('POST', path, { as: world.operator, body });
    expect(again.status).toBe(400);
    expect(again.body.errors).toMatchObject([{ pointer: '/eligibility/goodCredit', code: 'ELIGIBILITY_NOT_MET' }]);
    await second.close();
  });
});

describe('journal replay of a tender bid acknowledged after the bid period ended', () => {
  it('replays the bid as answered (no REPLAY_REFUSED, the bid is there), while the same bid live answers 409 TENDER_CLOSED', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const plan = await approvedPlan(world);
    const selection = (await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'open_tender' } })).body;
    await world.advance({ to: '2025-10-17T09:00:00+08:00' });
    const body = { proposal: '建设客流分析产品。', eligibility: { goodCredit: true } };
    const path = `/selections/${selection.id}/bids`;
    expect((await world.ao('POST', path, { as: world.operator, body })).status).toBe(409);
    await first.close();

    // What an older version journaled: the same bid, answered 201.
    journalAcknowledged(dataDir, [{ path: `/sandboxes/${world.id}/authorized-operation/v1${path}`, body, caller: world.operator.id, status: 201 }]);

    const second = open();
    const call = callOf(second);
    const replayed = (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/selections/${selection.id}`, { as: world.body })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(replayed.bids).toHaveLength(1);
    const again = await call('POST', `/sandboxes/${world.id}/authorized-operation/v1${path}`, { as: world.operator, body });
    expect(again.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', reasonCode: 'TENDER_CLOSED' });
    await second.close();
  });
});

describe('journal replay of a plan acknowledged with an excluded entry in its scope', () => {
  it('replays the plan as answered (no REPLAY_REFUSED, the plan is there), while the same plan live answers 400', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const item = world.scopeItem();
    const body = { ...planContent([item]), exclusions: [{ entryId: item.entryId, ground: 'public_interest' }] };
    expect((await world.ao('POST', '/plans', { as: world.body, body })).status).toBe(400);
    await first.close();

    const path = `/sandboxes/${world.id}/authorized-operation/v1/plans`;
    journalAcknowledged(dataDir, [{ path, body, caller: world.body.id, status: 201 }]);

    const second = open();
    const call = callOf(second);
    const plans = (await call('GET', path, { as: world.body })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(plans.items).toEqual([expect.objectContaining({ state: 'drafting', content: expect.objectContaining({ exclusions: body.exclusions }) })]);
    expect((await call('POST', path, { as: world.body, body })).status).toBe(400);
    await second.close();
  });
});

describe('journal replay of a Xiamen data access request acknowledged without its eligibility statements', () => {
  it('replays the request as answered (no REPLAY_REFUSED, the request is there), while the same request live answers 400', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir, { profile: 'xiamen' });
    const authorizationId = await designatedAuthorization(world);
    const user = world.org(DATA_USER);
    const body: Partial<ReturnType<typeof dataAccessBody>> = dataAccessBody(world, authorizationId);
    delete body.eligibility;
    expect((await world.ao('POST', '/data-access-requests', { as: user, body })).status).toBe(400);
    await first.close();

    const path = `/sandboxes/${world.id}/authorized-operation/v1/data-access-requests`;
    journalAcknowledged(dataDir, [{ path, body, caller: user.id, status: 201 }]);

    const second = open();
    const call = callOf(second);
    // The 一级 reviews it (its inbox lists it).
    const requests = (await call('GET', path, { as: world.operator })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(requests.items).toEqual([expect.objectContaining({ state: 'submitted', authorizationId })]);
    expect((await call('POST', path, { as: user, body })).status).toBe(400);
    await second.close();
  });
});

describe('journal replay of a fee acknowledged with an effective day before the day it was set', () => {
  it('replays the fee as answered (no REPLAY_REFUSED, the fee is there), while the same fee live answers 400', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const { authorizationId, productId } = await listedProduct(world);
    expect((await world.official('authorization', authorizationId, 'set_mar', MAR_2026)).status).toBe(200);
    expect((await world.official('authorization', authorizationId, 'set_ceiling', { productId, ceilingFen: 50_000 })).status).toBe(200);
    const body = { actualFen: 45_000, effectiveFrom: '2025-09-01', displayed: true };
    expect((await world.ao('POST', `/products/${productId}/fees`, { as: world.operator, body })).status).toBe(400);
    await first.close();

    const path = `/sandboxes/${world.id}/authorized-operation/v1/products/${productId}/fees`;
    journalAcknowledged(dataDir, [{ path, body, caller: world.operator.id, status: 200 }]);

    const second = open();
    const call = callOf(second);
    const product = (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/products/${productId}`, { as: world.operator })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(product.fee).toMatchObject({ actualFen: 45_000 });
    expect((await call('POST', path, { as: world.operator, body })).status).toBe(400);
    await second.close();
  });
});

describe('journal replay of a tender choice acknowledged for an operator that did not bid, or whose bid stated a condition unmet', () => {
  it('replays the bid and the choice as answered, while live a tender selects only a bidder whose bid passed the review', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const plan = await approvedPlan(world);
    const tender = async () => (await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'open_tender' } })).body.id as string;
    const [journaled, later] = [await tender(), await tender()];
    await world.advance({ to: '2025-10-17T10:00:00+08:00' });
    const choice = { platform: 'authorized-operation', objectType: 'selection', objectId: journaled, action: 'select', operatorId: world.operator.id };
    expect((await world.sim('POST', '/actions', choice)).status).toBe(400);
    await first.close();

    // What an older version journaled: bids stating goodCredit false (201) and the choice of that bidder (200).
    const bid = { proposal: '建设客流分析产品。', eligibility: { goodCredit: false } };
    const bidPath = (id: string) => `/sandboxes/${world.id}/authorized-operation/v1/selections/${id}/bids`;
    journalAcknowledged(dataDir, [
      { path: bidPath(journaled), body: bid, caller: world.operator.id, status: 201 },
      { path: `/_sim/v1/sandboxes/${world.id}/actions`, body: choice, status: 200 },
      { path: bidPath(later), body: bid, caller: world.operator.id, status: 201 },
    ]);

    const second = open();
    const call = callOf(second);
    const replayed = (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/selections/${journaled}`, { as: world.body })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(replayed).toMatchObject({ state: 'selected', operator: { creditCode: world.operator.creditCode } });
    // Live, the bid the older version kept did not pass the review: its bidder is not selected.
    const refused = await call('POST', `/_sim/v1/sandboxes/${world.id}/actions`, { body: { ...choice, objectId: later } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toMatchObject([{ pointer: '/operatorId', code: 'ELIGIBILITY_NOT_MET' }]);
    await second.close();
  });
});

describe('journal replay of a public-good product acknowledged with a charging unit and planned volume', () => {
  it('replays the draft as answered (no REPLAY_REFUSED, the product is there), while the same draft live answers 400', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const { authorizationId } = await signedSelection(world);
    const body = productBody(world, authorizationId, { useCategory: 'public_good', name: '公交出行公益查询' });
    expect((await world.ao('POST', '/products', { as: world.operator, body })).status).toBe(400);
    await first.close();

    const path = `/sandboxes/${world.id}/authorized-operation/v1/products`;
    journalAcknowledged(dataDir, [{ path, body, caller: world.operator.id, status: 201 }]);

    const second = open();
    const call = callOf(second);
    const products = (await call('GET', path, { as: world.operator })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(products.items).toEqual([expect.objectContaining({ state: 'draft', content: expect.objectContaining({ useCategory: 'public_good', chargingUnit: 'per_service' }) })]);
    const again = await call('POST', path, { as: world.operator, body });
    expect(again.status).toBe(400);
    expect(again.body.errors).toMatchObject([{ pointer: '/chargingUnit', code: 'PUBLIC_GOOD_NOT_CHARGED' }, { pointer: '/plannedVolume', code: 'PUBLIC_GOOD_NOT_CHARGED' }]);
    await second.close();
  });
});

describe('journal replay of an annual report acknowledged with subsidies above its costs', () => {
  it('replays the report as answered (no REPLAY_REFUSED, the report is there), while the same report live answers 400', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    const body = { year: 2024, status: '无数据安全事件。', costs: { totalFen: 1, subsidiesFen: 5 }, revenueFen: 0, profitFen: 0, products: [] };
    const path = `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${authorizationId}/annual-reports`;
    expect((await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.grantor, body })).status).toBe(400);
    await first.close();

    journalAcknowledged(dataDir, [{ path, body, caller: world.operator.id, status: 201 }]);

    const second = open();
    const call = callOf(second);
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    // The report is there: a second one on 2024 is a conflict.
    expect((await call('POST', path, { as: world.grantor, body: { ...body, costs: { totalFen: 5, subsidiesFen: 5 } } })).status).toBe(409);
    expect((await call('POST', path, { as: world.grantor, body: { ...body, year: 2025 } })).status).toBe(400);
    await second.close();
  });
});

describe('journal replay of an annual report the operator filed, as older versions let it', () => {
  it('replays the report as the operator\'s (no REPLAY_REFUSED), while live the operator gets 403 naming the grantor', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const { authorizationId } = await signedSelection(world, EVALUABLE_TERM);
    const body = { year: 2024, status: '无数据安全事件。', costs: { totalFen: 5, subsidiesFen: 0 }, revenueFen: 0, profitFen: 0, products: [] };
    const path = `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${authorizationId}/annual-reports`;
    expect((await world.ao('POST', `/authorizations/${authorizationId}/annual-reports`, { as: world.operator, body })).status).toBe(403);
    await first.close();

    journalAcknowledged(dataDir, [{ path, body, caller: world.operator.id, status: 201 }]);

    const second = open();
    const call = callOf(second);
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    const reports = (await call('GET', path, { as: world.grantor })).body;
    expect(reports.items).toEqual([expect.objectContaining({ year: 2024, filedBy: { role: 'operator', organizationId: world.operator.id } })]);
    expect((await call('POST', path, { as: world.operator, body: { ...body, year: 2025 } })).status).toBe(403);
    await second.close();
  });
});

describe('journal replay of a formal-fee application the operator made, as older versions let it', () => {
  it('replays the application as the operator\'s (no REPLAY_REFUSED, pending), while live the operator gets 403 naming the grantor', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const { authorizationId } = await signedSelection(world);
    // A complete operating year from the term's first day (2026-01-05) has passed.
    await world.advance({ to: '2027-01-05T09:00:00+08:00' });
    const body = { note: '申请转为正式收费。' };
    const path = `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${authorizationId}/formal-fee-applications`;
    expect((await world.ao('POST', `/authorizations/${authorizationId}/formal-fee-applications`, { as: world.operator, body })).status).toBe(403);
    await first.close();

    journalAcknowledged(dataDir, [{ path, body, caller: world.operator.id, status: 200 }]);

    const second = open();
    const call = callOf(second);
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    const pricing = (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${authorizationId}/pricing`, { as: world.grantor })).body;
    expect(pricing.formalApplication).toEqual({ appliedOn: '2027-01-05', appliedBy: { role: 'operator', organizationId: world.operator.id }, status: 'pending' });
    // Still pending: the grantor's own application is a conflict; the operator is refused live.
    expect((await call('POST', path, { as: world.grantor, body })).status).toBe(409);
    expect((await call('POST', path, { as: world.operator, body })).status).toBe(403);
    await second.close();
  });
});

describe('journal replay of an agreement acknowledged with labels for its scope item codes', () => {
  it('replays the deliberation as answered (no REPLAY_REFUSED, the agreement is there), while live the same agreement answers 400 ENUM', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf, first, world } = await replayableAoWorld(dataDir);
    const plan = await approvedPlan(world);
    const selection = (await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'negotiation' } })).body;
    await world.official('selection', selection.id, 'select', { operatorId: world.operator.id });
    const deliberation = { platform: 'authorized-operation', objectType: 'selection', objectId: selection.id, action: 'deliberate_agreement', agreement: agreement([{ ...world.scopeItem(), updateCycle: '每周' }]) };
    expect((await world.sim('POST', '/actions', deliberation)).status).toBe(400);
    await first.close();

    // What an older version journaled: the deliberation, answered 200.
    journalAcknowledged(dataDir, [{ path: `/_sim/v1/sandboxes/${world.id}/actions`, body: deliberation, status: 200 }]);

    const second = open();
    const call = callOf(second);
    const replayed = (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/selections/${selection.id}`, { as: world.body })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(replayed).toMatchObject({ state: 'agreement_deliberation', agreement: { scope: [{ updateCycle: '每周' }] } });
    await second.close();
  });
});
