// Commands an older gdx-mock (0.1.0) acknowledged ran without two effects added since: a listed
// product withdrawn when its authorization expires or terminates, and a held review's limit stopped
// while its approval is held. They changed what a clock advance or an official action does beyond
// its answer, so a journal of 0.1.0 replayed with them would rebuild another state: fees acknowledged
// on the listed product refused at start (REPLAY_REFUSED), overdue events that were fed and
// delivered gone, and every later event and delivery id naming another one. Such commands replay
// as they ran (`REVISIONS`); the same commands sent now have both effects.
import { describe, expect, it } from 'vitest';
import { defaultPlatforms } from '../../src/platforms/index.js';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { START_AT } from '../support/harness.js';
import { sandboxOf } from '../support/sandbox.js';
import { aoWorldOf, CATALOG_ENTRIES, dataAccessBody, MAR_2026, openAoWorld, productBody, signedSelection, type AoWorld } from './fixtures.js';

const tempDir = useTempDirs();
const options = { platforms: defaultPlatforms({ catalogEntries: CATALOG_ENTRIES }) };

/** A product of `authorizationId` submitted for its compliance review; answers its id. */
async function inReview(world: AoWorld, authorizationId: string, name = '客流热力图 API'): Promise<string> {
  const product = await world.ao('POST', '/products', { as: world.operator, body: productBody(world, authorizationId, { name }) });
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  expect((await world.ao('POST', `/products/${product.body.id}/submissions`, { as: world.operator, body: {} })).status).toBe(200);
  return product.body.id;
}

/** A listed product of `authorizationId` with a ceiling of 500 元 for `year`'s MAR; answers its id. */
async function listedWithCeiling(world: AoWorld, authorizationId: string, year: number): Promise<string> {
  const productId = await inReview(world, authorizationId);
  expect((await world.official('product', productId, 'pass_compliance_review')).status).toBe(200);
  expect((await world.official('authorization', authorizationId, 'set_mar', { ...MAR_2026, year })).status).toBe(200);
  expect((await world.official('authorization', authorizationId, 'set_ceiling', { productId, ceilingFen: 50_000 })).status).toBe(200);
  return productId;
}

const FEE = { actualFen: 45_000, effectiveFrom: '2026-01-05', displayed: true };
const refusedAtReplay = (logged: string[]) => logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'));

describe('journal replay of an authorization ended by an older gdx-mock, with listed products', () => {
  it('keeps the products listed with the fees set on them after (no REPLAY_REFUSED); an authorization ended now withdraws its products', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir, options);
    const first = open();
    const world = await openAoWorld({ call: callOf(first) });
    const expiring = (await signedSelection(world, { from: '2025-10-01', to: '2025-12-31' })).authorizationId;
    const revoked = (await signedSelection(world)).authorizationId;
    const current = (await signedSelection(world)).authorizationId;
    const onExpiring = await listedWithCeiling(world, expiring, 2025);
    const onRevoked = await listedWithCeiling(world, revoked, 2026);
    const onCurrent = await inReview(world, current, '公交出行指数');
    expect((await world.official('product', onCurrent, 'pass_compliance_review')).status).toBe(200);
    await first.close();

    // What 0.1.0 journaled: the term ends (the clock), a revocation, and a fee on each product, all acknowledged.
    const sim = `/_sim/v1/sandboxes/${world.id}`;
    const fees = (productId: string) => `/sandboxes/${world.id}/authorized-operation/v1/products/${productId}/fees`;
    journalAcknowledged(dataDir, [
      { path: `${sim}/clock/advance`, body: { to: '2026-01-02T09:00:00+08:00' }, status: 200 },
      { path: `${sim}/actions`, body: { platform: 'authorized-operation', objectType: 'authorization', objectId: revoked, action: 'revoke', reasons: [{ text: '严重违约。' }] }, status: 200 },
      { path: fees(onExpiring), body: FEE, caller: world.operator.id, status: 200 },
      { path: fees(onRevoked), body: FEE, caller: world.operator.id, status: 200 },
    ]);

    const second = open();
    const call = callOf(second);
    const product = async (id: string) => (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/products/${id}`, { as: world.operator })).body;
    for (const id of [onExpiring, onRevoked]) {
      expect(await product(id)).toMatchObject({ state: 'listed', fee: { actualFen: 45_000, displayed: true } });
    }
    // The sandbox was restored by the first read: its replay refused nothing.
    expect(refusedAtReplay(logged)).toEqual([]);
    const authorization = async (id: string) => (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1/authorizations/${id}`, { as: world.body })).body.state;
    expect([await authorization(expiring), await authorization(revoked)]).toEqual(['expired', 'terminated']);
    expect(second.storage.replayRefused.count).toBe(0);

    // Revoked now: its listed product is withdrawn.
    const revocation = await call('POST', `${sim}/actions`, { body: { platform: 'authorized-operation', objectType: 'authorization', objectId: current, action: 'revoke', reasons: [{ text: '严重违约。' }] } });
    expect(revocation.status, JSON.stringify(revocation.body)).toBe(200);
    expect(await product(onCurrent)).toMatchObject({ state: 'withdrawn', reasons: [{ code: 'AUTHORIZATION_NOT_ACTIVE' }] });
    await second.close();

    // And a restart rebuilds the same: the older entries as they ran, the revocation made since with its withdrawal.
    const third = open();
    const reread = callOf(third);
    const states = async (ids: string[]) => Promise.all(ids.map(async (id) => (await reread('GET', `/sandboxes/${world.id}/authorized-operation/v1/products/${id}`, { as: world.operator })).body.state));
    expect(await states([onExpiring, onRevoked, onCurrent])).toEqual(['listed', 'listed', 'withdrawn']);
    await third.close();
    expect(refusedAtReplay(logged)).toEqual([]);
  });
});

describe('journal replay of a review held by an older gdx-mock', () => {
  it('keeps its limit running through the hold as it ran (flagged overdue, its overdue event fed); a review held now stops its limit', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir, options);
    const first = open();
    const world = await openAoWorld({ call: callOf(first) });
    const { authorizationId } = await signedSelection(world);
    const productId = await inReview(world, authorizationId);
    const request = await world.ao('POST', '/data-access-requests', { as: world.operator, body: dataAccessBody(world, authorizationId) });
    expect(request.status).toBe(201);
    await first.close();

    // What 0.1.0 journaled: an amendment holds both approvals across both limits (product 5 WD from
    // 2025-09-26, request 10 WD), then is approved.
    const sim = `/_sim/v1/sandboxes/${world.id}`;
    const official = (action: string, extra: Record<string, unknown> = {}) => ({ platform: 'authorized-operation', objectType: 'authorization', objectId: authorizationId, action, ...extra });
    journalAcknowledged(dataDir, [
      { path: `${sim}/actions`, body: official('amend', { amendment: '调整授权范围。' }), status: 200 },
      { path: `${sim}/clock/advance`, body: { to: '2025-10-20T09:00:00+08:00' }, status: 200 },
      { path: `${sim}/actions`, body: official('approve_amendment'), status: 200 },
    ]);

    const second = open();
    const call = callOf(second);
    const read = async (path: string) => (await call('GET', `/sandboxes/${world.id}/authorized-operation/v1${path}`, { as: world.operator })).body;
    const product = await read(`/products/${productId}`);
    expect(refusedAtReplay(logged)).toEqual([]);
    expect(product.deadline).toMatchObject({ step: 'compliance_review', dueDate: '2025-10-10', overdue: true });
    expect(product.events.map((e: { type: string }) => e.type)).toContain('deadline_overdue');
    expect((await read(`/data-access-requests/${request.body.id}`)).deadline).toMatchObject({ step: 'data_access_review', overdue: true });
    const feed = (await call('GET', `${sim}/events?organizationId=${world.operator.id}&limit=200`)).body.items as { objectId: string; event: { type: string } }[];
    expect(feed.filter((e) => e.objectId === productId).map((e) => e.event.type)).toContain('deadline_overdue');

    // Held now: a product's review limit stops while the authorization is amended.
    const reopened = aoWorldOf(sandboxOf({ call }, world.view, { profile: 'national', startAt: START_AT }), world.published);
    const held = await inReview(reopened, authorizationId, '公交出行指数');
    const amend = await call('POST', `${sim}/actions`, { body: official('amend', { amendment: '再次调整。' }) });
    expect(amend.status, JSON.stringify(amend.body)).toBe(200);
    expect((await read(`/products/${held}`)).deadline).toBeNull();
    await second.close();
  });
});
