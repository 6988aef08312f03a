import { describe, expect, it } from 'vitest';
import { createApp, DEFAULT_QUOTAS, defaultPlatforms } from '../../src/index.js';
import { expectContract, expectReply } from '../support/contract.js';
import { entryOf, REQUESTER, requestBody } from '../sharing/fixtures.js';
import { openSandbox } from '../support/sandbox.js';
import { openWorld, useWorld, type World } from '../support/world.js';
import { IN_PROCESS, usePlatforms, type MockContext } from '../support/harness.js';

// Quotas through the public API: small limits given to createApp, writes through a transport,
// the 409 problem checked against the contract, and nothing changed by a refused write.

async function submit(world: World) {
  return world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entryOf(world, 'conditional')) });
}

/** What a refused write must leave as it was: the caller's list, the event feed, the next id. */
async function observe(world: World) {
  const list = await world.sharing('GET', '/requests', { as: world.org(REQUESTER) });
  const feed = await world.sim('GET', '/events?limit=1');
  return { total: list.body.total, items: list.body.items, events: feed.body.total };
}

function expectQuotaProblem(reply: { status: number; body: any; headers: Headers }, quota: string, limit: number) {
  expectContract('sharing', 'submitRequest', reply, 409);
  expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({ code: 'SANDBOX_QUOTA_EXCEEDED', status: 409, quota, limit, message: { zh: expect.any(String), en: expect.any(String) } });
  expect(reply.body.used).toBeGreaterThanOrEqual(reply.body.quota === 'storedBytes' ? 0 : limit);
}

describe('sandbox quotas', () => {
  describe('objects', () => {
    const ctx = useWorld(undefined, { quotas: { objects: 3 } });
    it('refuses a create once the sandbox holds its quota of objects, 409 naming quota, limit and use, and changes nothing', async () => {
      const world = await openWorld(ctx);
      for (let i = 0; i < 3; i += 1) expect((await submit(world)).status).toBe(201);
      const before = await observe(world);
      const refused = await submit(world);
      expectQuotaProblem(refused, 'objects', 3);
      expect(refused.body.used).toBe(3);
      // Its seed made none of them (no catalog here): the message's reset does make room.
      expect(refused.body.detail).not.toMatch(/seed alone/);
      expect(await observe(world)).toEqual(before);
      // Writes that make no object still run (an official acts through the simulation API, a dispute would too).
      expect((await world.act({ platform: 'sharing', objectType: 'request', objectId: before.items[0].id, action: 'approve' })).status).toBe(200);
    });

    it('counts each object once, created before the lists were first read or after', async () => {
      const world = await openWorld(ctx);
      expect((await submit(world)).status).toBe(201);
      expect((await observe(world)).total).toBe(1);
      expect((await submit(world)).status).toBe(201);
      expect((await submit(world)).status).toBe(201);
      expect((await observe(world)).total).toBe(3);
      const refused = await submit(world);
      expectQuotaProblem(refused, 'objects', 3);
      expect(refused.body.used).toBe(3);
    });
  });

  describe('objects its seed alone fills', () => {
    // The catalog seeds its published entries (objects): a quota at or below them refused every
    // create with "delete or reset it to make room", and a reset made the same entries again.
    const ctx = usePlatforms(() => defaultPlatforms(), IN_PROCESS, { quotas: { objects: 3 } });
    it('are named in the refusal, with the quota that would make room, before and after a reset', async () => {
      const world = await openWorld(ctx);
      const seeded = (await world.sim('GET', '')).body.usage.objects as number;
      expect(seeded).toBeGreaterThan(3);
      const advice = `its seed alone makes ${seeded} objects (the published catalog entries), which a reset makes again: give it an objects quota above ${seeded}`;
      const refused = await submit(world);
      expectQuotaProblem(refused, 'objects', 3);
      expect(refused.body.detail).toContain(advice);
      expect((await world.sim('POST', '/reset')).status).toBe(200);
      expect((await submit(world)).body.detail).toContain(advice);
    });
  });

  describe('events', () => {
    const ctx = useWorld(undefined, { quotas: { events: 4 } });
    it('refuses writes once the feed holds its quota of events', async () => {
      const world = await openWorld(ctx);
      let reply = await submit(world);
      while (reply.status === 201) reply = await submit(world);
      expectQuotaProblem(reply, 'events', 4);
      const before = await observe(world);
      expect(before.events).toBeGreaterThanOrEqual(4);
      expect(reply.body.used).toBe(before.events);
      expectQuotaProblem(await submit(world), 'events', 4);
      expect(await observe(world)).toEqual(before);
    });
  });

  describe('stored bytes', () => {
    const body = (world: World) => JSON.stringify(requestBody(entryOf(world, 'conditional')));
    const ctx: MockContext = useWorld(undefined, { quotas: { storedBytes: 2_000 } });
    it('refuses a write whose body would take the kept request bodies past the quota', async () => {
      const world = await openWorld(ctx);
      const size = new TextEncoder().encode(body(world)).length;
      const fits = Math.floor(2_000 / size);
      for (let i = 0; i < fits; i += 1) expect((await submit(world)).status).toBe(201);
      const before = await observe(world);
      const refused = await submit(world);
      expectQuotaProblem(refused, 'storedBytes', 2_000);
      expect(refused.body.used).toBe(fits * size);
      expect(await observe(world)).toEqual(before);
    });
  });

  describe('per sandbox, given when the simulation API creates it', () => {
    const ctx = useWorld();
    it('replace the app defaults for that sandbox only, and survive a reset', async () => {
      const created = await openSandbox(ctx, { profile: 'national', seed: 11, reviewerPolicy: { mode: 'manual' }, quotas: { objects: 2 } });
      const world = Object.assign(created, { sharing: (method: string, path: string, opts?: any) => created.on('sharing', method, path, opts) }) as World;
      expect((await submit(world)).status).toBe(201);
      expect((await submit(world)).status).toBe(201);
      expectQuotaProblem(await submit(world), 'objects', 2);
      expect((await world.sim('POST', '/reset')).status).toBe(200);
      expect((await submit(world)).status).toBe(201);
      expect((await submit(world)).status).toBe(201);
      expectQuotaProblem(await submit(world), 'objects', 2);
      // The sandbox view shows the quotas in force and the use (checked against the contract).
      const view = await ctx.call('GET', `/_sim/v1/sandboxes/${created.id}`);
      expectReply('simulation', view, 'GET', '/sandboxes/{sandboxId}', 200);
      expect(view.body.quotas).toEqual({ ...DEFAULT_QUOTAS, objects: 2 });
      expect(view.body.usage).toMatchObject({ objects: 2, storedBytes: expect.any(Number) });
      expect(view.body.usage.events).toBeGreaterThan(0);
      // Another sandbox of the same app keeps the defaults.
      const other = await openWorld(ctx);
      for (let i = 0; i < 3; i += 1) expect((await submit(other)).status).toBe(201);
    });

    it.each([[{ objects: 0 }, '/quotas/objects'], [{ events: 1.5 }, '/quotas/events'], [{ storedBytes: -1 }, '/quotas/storedBytes'], [{ files: 3 }, '/quotas/files']])(
      'refuse %j with 400 pointing at %s',
      async (quotas, pointer) => {
        const reply = await ctx.call('POST', '/_sim/v1/sandboxes', { body: { profile: 'national', quotas } });
        expect(reply.status).toBe(400);
        expect(reply.body.code).toBe('VALIDATION_FAILED');
        expect(reply.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
      },
    );
  });

  it('rejects a quota that is not a positive integer when the app is created', () => {
    expect(() => createApp({ quotas: { events: 0 } })).toThrow(/events/);
    expect(() => createApp({ quotas: { objects: 1.5 } })).toThrow(/objects/);
    expect(DEFAULT_QUOTAS).toEqual({ objects: 250_000, events: 2_000_000, storedBytes: 268_435_456 });
  });
});
