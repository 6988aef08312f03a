import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld, type World } from '../support/world.js';
import { entryOf, REQUESTER, requestBody } from './fixtures.js';

/** The bodies each receiver URL got, through an injected fetch answering 204. */
const received = new Map<string, { id: string; seq: number; organizationId: string }[]>();
const fetch: typeof globalThis.fetch = async (url, init) => {
  const list = received.get(String(url)) ?? [];
  list.push(JSON.parse(String(init?.body)));
  received.set(String(url), list);
  return new Response(null, { status: 204 });
};

const ctx = useWorld(undefined, { webhooks: { fetch } });

/** Every event of the feed `query` selects, oldest first, read `limit` at a time. */
async function feed(world: World, query: string, limit: number): Promise<{ id: string; seq: number; organizationId: string }[]> {
  const items = [];
  for (let cursor: string | null = null, first = true; first || cursor !== null; first = false) {
    const reply = await world.sim('GET', `/events?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expectContract('simulation', 'feedEvents', reply, 200);
    items.push(...reply.body.items);
    cursor = reply.body.nextCursor;
  }
  return items;
}

describe('the event feed of one organisation', () => {
  it('lists exactly what its webhook receives, its own objects and those it is notified of, in every order and filter', async () => {
    received.clear();
    const world = await openWorld(ctx);
    const entry = entryOf(world, 'unconditional');
    const requester = world.org(REQUESTER).id;
    const provider = entry.provider.organizationId;
    for (const org of [requester, provider]) {
      expect((await world.sim('POST', '/webhooks', { organizationId: org, url: `http://receiver.test/${org}`, secret: 'whsec-0123456789abcdef' })).status).toBe(201);
    }
    // A request to another provider: events the first provider is not told of.
    const other = world.seed.catalogEntries.find((e) => e.state === 'published' && e.sharing.type === 'unconditional' && ![requester, provider].includes(e.provider.organizationId ?? '') && e.items.length > 1);
    for (const asked of [entry, other!]) expect((await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(asked) })).status).toBe(201);
    await ctx.app.idle();
    expect(received.get(`http://receiver.test/${provider}`)!.length).toBeLessThan(received.get(`http://receiver.test/${requester}`)!.length);

    for (const org of [requester, provider]) {
      const delivered = (received.get(`http://receiver.test/${org}`) ?? []).sort((a, b) => a.seq - b.seq);
      expect(delivered.length).toBeGreaterThan(0);
      expect((await feed(world, `organizationId=${org}`, 1)).map((e) => e.id)).toEqual(delivered.map((e) => e.id));
      expect((await feed(world, `organizationId=${org}&order=desc`, 2)).map((e) => e.id)).toEqual(delivered.map((e) => e.id).reverse());
      expect((await feed(world, `organizationId=${org}&platform=sharing`, 200)).map((e) => e.id)).toEqual(delivered.map((e) => e.id));
      expect(await feed(world, `organizationId=${org}&platform=open-data`, 200)).toEqual([]);
    }
    // The provider is notified of the requester's grant: events owned by another organisation.
    expect((received.get(`http://receiver.test/${provider}`) ?? []).some((e) => e.organizationId === requester)).toBe(true);

    // An event appended after a filtered read is in the next one.
    const before = await feed(world, `organizationId=${requester}`, 200);
    expect((await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry) })).status).toBe(201);
    expect((await feed(world, `organizationId=${requester}`, 200)).length).toBeGreaterThan(before.length);

    const unknown = await world.sim('GET', '/events?organizationId=org_nobody');
    expectContract('simulation', 'feedEvents', unknown, 400);
    expect(unknown.body.errors[0].pointer).toBe('/query/organizationId');
  });
});
