// QA probe of the standalone mock: the provider's `deliver` took grant fields the request does not
// allow — another delivery method than the requester chose, a validity ending before it starts (the
// grant expired on the next tick), an endpoint that is no URL. Each is now a 400 on the grant field.
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/sandbox/seed/types.js';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld, type World } from '../support/world.js';
import { REQUESTER, requestBody } from './fixtures.js';

const ctx = useWorld();

/** A published conditional resource of another provider delivered by `method` and something else. */
function conditionalWith(world: World, method: string): CatalogEntry {
  const requester = world.org(REQUESTER).id;
  const entry = world.seed.catalogEntries.find(
    (e) => e.state === 'published' && e.sharing.type === 'conditional' && e.provider.organizationId !== requester && e.items.length > 1 && e.sharing.deliveryMethods.includes(method as never) && e.sharing.deliveryMethods.length > 1,
  );
  if (!entry) throw new Error(`no conditional entry delivered by ${method} and another method in the seed`);
  return entry;
}

/** An approved request (xiamen) for `method`, the period of use 2025-10-01 – 2026-09-30, approved on 2025-10-09. */
async function approved(world: World, method: string) {
  const entry = conditionalWith(world, method);
  const submitted = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry, { deliveryMethod: method }) });
  expectContract('sharing', 'submitRequest', submitted, 201);
  const target = { platform: 'sharing', objectType: 'request', objectId: submitted.body.id as string };
  await world.advance({ to: '2025-10-09T09:30:00+08:00' });
  expect((await world.act({ ...target, action: 'approve' })).body.to).toBe('approved');
  return { entry, target };
}

/** The request as its requester reads it, and the sharing platform's event feed. */
async function observed(world: World, id: string) {
  const request = await world.sharing('GET', `/requests/${id}`, { as: world.org(REQUESTER) });
  const grants = await world.sharing('GET', '/grants', { as: world.org(REQUESTER) });
  const feed = await world.sim('GET', '/events?platform=sharing&limit=200');
  return { request: request.body, grants: grants.body, feed: feed.body.items };
}

async function expectRefused(world: World, target: { objectId: string }, grant: Record<string, unknown>, error: { pointer: string; code: string }) {
  const before = await observed(world, target.objectId);
  const reply = await world.act({ ...target, action: 'deliver', grant });
  expectContract('simulation', 'actAsOfficial', reply, 400);
  expect(reply.headers.get('content-type')).toContain('application/problem+json');
  expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ ...error, message: { zh: expect.any(String), en: expect.any(String) } }] });
  expect(await observed(world, target.objectId)).toEqual(before);
  expect(before.request).toMatchObject({ state: 'approved', grantId: null });
  return reply.body;
}

describe('the provider delivers a sharing request as it was requested', () => {
  it('refuses a delivery method the requester did not choose (400 DELIVERY_METHOD_UNAVAILABLE at /grant/deliveryMethod), nothing changed', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const { entry, target } = await approved(world, 'file');
    const body = await expectRefused(world, target, { deliveryMethod: 'stream' }, { pointer: '/grant/deliveryMethod', code: 'DELIVERY_METHOD_UNAVAILABLE' });
    expect(body.errors[0].message.en).toContain(`The request chose file (the resource offers ${entry.sharing.deliveryMethods.join(', ')})`);
    // Another method the resource offers is still not the requester's choice.
    const other = entry.sharing.deliveryMethods.find((m) => m !== 'file');
    await expectRefused(world, target, { deliveryMethod: other }, { pointer: '/grant/deliveryMethod', code: 'DELIVERY_METHOD_UNAVAILABLE' });
    // The chosen one, named or not, is delivered.
    const delivered = await world.act({ ...target, action: 'deliver', grant: { deliveryMethod: 'file' } });
    expectContract('simulation', 'actAsOfficial', delivered, 200);
    const grant = await world.sharing('GET', `/grants/${delivered.body.object.grantId}`, { as: world.org(REQUESTER) });
    expect(grant.body).toMatchObject({ deliveryMethod: 'file', endpoint: null, fileReference: { mediaType: 'text/csv' } });
  });

  it.each([
    ['before the period of use starts', 'PERIOD_INVALID', '2025-09-01', '2025-10-01'],
    ['before the day of delivery', 'PERIOD_ENDED', '2025-10-08', '2025-10-09'],
  ])('refuses a validity ending %s (400 %s at /grant/validUntil): no grant that expires at once', async (_when, code, validUntil, named) => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const { target } = await approved(world, 'api');
    const body = await expectRefused(world, target, { validUntil }, { pointer: '/grant/validUntil', code });
    expect(body.errors[0].message.en).toContain(named);
    expect(body.errors[0].message.zh).toContain(validUntil);
    // Nothing was planned either: the next tick expires nothing.
    const tick = await world.advance({ to: '2025-10-10T09:00:00+08:00' });
    expect(tick.body.fired.filter((f: { to?: string }) => f.to === 'expired')).toEqual([]);
    // The delivery day itself is a valid last day.
    const delivered = await world.act({ ...target, action: 'deliver', grant: { validUntil: '2025-10-10' } });
    expect(delivered.body.to).toBe('delivered');
    expect((await world.sharing('GET', `/grants/${delivered.body.object.grantId}`, { as: world.org(REQUESTER) })).body).toMatchObject({ state: 'active', validFrom: '2025-10-10', validUntil: '2025-10-10' });
  });

  it.each([
    ['api', 'not a url', 'ENDPOINT_INVALID'],
    ['api', 'ftp://share.example.gov.cn/x', 'ENDPOINT_INVALID'],
    ['api', 'https:/share.example.gov.cn/x', 'ENDPOINT_INVALID'],
    ['db_table', 'not a url', 'ENDPOINT_INVALID'],
    ['db_table', 'https://share.example.gov.cn/x', 'ENDPOINT_INVALID'],
    ['file', 'https://share.example.gov.cn/x', 'FIELD_NOT_APPLICABLE'],
  ])('refuses a %s grant\'s endpoint %j (400 %s at /grant/endpoint), nothing stored', async (method, endpoint, code) => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const { target } = await approved(world, method);
    await expectRefused(world, target, { endpoint }, { pointer: '/grant/endpoint', code });
  });

  it.each([
    ['api', 'https://share.example.gov.cn/gw/x'],
    ['db_table', 'share_db.share_vehicle'],
  ])('takes a %s grant\'s endpoint the contract describes (%s)', async (method, endpoint) => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const { target } = await approved(world, method);
    const delivered = await world.act({ ...target, action: 'deliver', grant: { endpoint } });
    expectContract('simulation', 'actAsOfficial', delivered, 200);
    expect((await world.sharing('GET', `/grants/${delivered.body.object.grantId}`, { as: world.org(REQUESTER) })).body).toMatchObject({ deliveryMethod: method, endpoint, fileReference: null });
  });

  it('refuses a file reference for a delivery that is not by file, listing every wrong field at once', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const { target } = await approved(world, 'api');
    const fileReference = { name: 'x.csv', mediaType: 'text/csv', digest: `sha256:${'0'.repeat(64)}`, size: 10 };
    const reply = await world.act({ ...target, action: 'deliver', grant: { deliveryMethod: 'file', validUntil: '2025-01-01', fileReference } });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code])).toEqual([
      ['/grant/deliveryMethod', 'DELIVERY_METHOD_UNAVAILABLE'],
      ['/grant/validUntil', 'PERIOD_INVALID'],
      ['/grant/fileReference', 'FIELD_NOT_APPLICABLE'],
    ]);
  });

  it('leaves a delivery the machine refuses to the machine (409 before delivery is due)', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const entry = conditionalWith(world, 'file');
    const submitted = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry, { deliveryMethod: 'file' }) });
    const reply = await world.act({ platform: 'sharing', objectType: 'request', objectId: submitted.body.id, action: 'deliver', grant: { deliveryMethod: 'stream' } });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', currentState: 'under_review' });
  });
});
