// A dataset's distributions are links a client follows: each `accessUrl` is served by the
// platform it was read from (host, mount prefix and sandbox), answering the rows as its format
// says: an open dataset's to anyone, signed or not (无条件开放); the rows of a dataset open on
// application only under a live grant of the signing caller.
import { OpenDataClient } from '@gdx/open-data';
import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import type { Reply } from '../support/client.js';
import { TRANSPORTS } from '../support/transports.js';
import { openWorld, useWorld, type World } from '../support/world.js';
import { APPLICANT, grantApprovedAt } from './fixtures.js';

interface Distribution {
  format: string;
  accessUrl: string;
  requiresGrant: boolean;
}
interface DatasetView {
  id: string;
  openingType: string;
  fields: { name: string }[];
  distributions: Distribution[];
}

const MEDIA: Record<string, string> = { CSV: 'text/csv', JSON: 'application/json', api: 'application/json' };

describe.each(['in-process fetch', 'msw setupServer, https below a path'])('open-data distributions (%s)', (transport) => {
  const ctx = useWorld(TRANSPORTS[transport]);

  async function datasets(world: World): Promise<DatasetView[]> {
    return (await world.openData('GET', '/datasets?limit=200')).body.items;
  }

  /** Follows a link as the organisation signing it (unsigned without one): the path below the transport's base URL. */
  function follow(d: DatasetView, link: Distribution, as?: World['organizations'][number], headers?: Record<string, string>): Promise<Reply> {
    expect(link.accessUrl.startsWith(ctx.transport.baseUrl), `${d.id} ${link.accessUrl}`).toBe(true);
    return ctx.call('GET', link.accessUrl.slice(ctx.transport.baseUrl.length), { ...(as ? { as } : {}), ...(headers ? { headers } : {}) });
  }

  function expectServed(d: DatasetView, link: Distribution, reply: Reply): void {
    expect(reply.status, `${d.id} ${link.accessUrl}: ${JSON.stringify(reply.body)}`).toBe(200);
    expect(reply.headers.get('content-type')?.split(';')[0]).toBe(MEDIA[link.format]);
    if (link.format === 'CSV') expect(String(reply.body).split('\r\n')[0]).toBe(d.fields.map((f) => f.name).join(','));
    if (link.format === 'api') expectContract('open-data', 'listDatasetRecords', reply, 200);
    if (link.format === 'JSON') expect(reply.body).toEqual(expect.arrayContaining([expect.objectContaining({ [d.fields[0]!.name]: expect.anything() })]));
  }

  it('links every open dataset to what the sandbox serves, in the formats it lists', async () => {
    const world = await openWorld(ctx);
    const open = (await datasets(world)).filter((d) => d.openingType === 'open');
    const links = open.flatMap((d) => d.distributions.map((link) => [d, link] as const));
    expect(new Set(links.map(([, l]) => l.format))).toEqual(new Set(['CSV', 'JSON', 'api']));
    for (const [d, link] of links) {
      expect(link.accessUrl.startsWith(`${ctx.transport.baseUrl}${world.base('open-data')}/datasets/${d.id}/`)).toBe(true);
      expectServed(d, link, await follow(d, link, world.org('map-tech')));
    }
  });

  it('serves every open dataset to anyone without a signature (无条件开放)', async () => {
    const world = await openWorld(ctx);
    const open = (await datasets(world)).filter((d) => d.openingType === 'open');
    for (const d of open) for (const link of d.distributions) expectServed(d, link, await follow(d, link));
  });

  it('still checks a signature sent to an open dataset', async () => {
    const world = await openWorld(ctx);
    const d = (await datasets(world)).find((x) => x.openingType === 'open' && x.distributions.length > 0)!;
    const link = d.distributions[0]!;
    const forged = await follow(d, link, { ...world.org('map-tech'), secret: 'not-the-secret' });
    expectContract('open-data', link.format === 'api' ? 'listDatasetRecords' : 'getDatasetFile', forged, 401);
    expect(forged.body.code).toBe('SIGNATURE_INVALID');
    // A key alone is a signature begun, not an anonymous request: the rest is asked for.
    const partial = await follow(d, link, undefined, { 'X-Gdx-App-Key': world.org('map-tech').appKey });
    expect([partial.status, partial.body.code]).toEqual([401, 'SIGNATURE_MISSING']);
  });

  it('answers an unsigned request for a dataset open on application with 401, as for any signed operation', async () => {
    const world = await openWorld(ctx);
    const d = (await datasets(world)).find((x) => x.openingType === 'on_application' && x.distributions.length > 0)!;
    for (const link of d.distributions) {
      const refused = await follow(d, link);
      expectContract('open-data', link.format === 'api' ? 'listDatasetRecords' : 'getDatasetFile', refused, 401);
      expect(refused.body.code).toBe('SIGNATURE_MISSING');
      expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/header/x-gdx-app-key', code: 'REQUIRED' })]);
    }
  });

  it("gives each sandbox of a seed its own links (the seed's datasets are shared)", async () => {
    const [first, second] = [await openWorld(ctx), await openWorld(ctx)];
    const id = first.seed.datasets.find((d) => d.api)!.id;
    for (const world of [first, second, first]) {
      const links = ((await world.openData('GET', `/datasets/${id}`)).body as DatasetView).distributions;
      expect(links.map((l) => l.accessUrl).every((url) => url.startsWith(`${ctx.transport.baseUrl}${world.base('open-data')}/`))).toBe(true);
    }
  });

  it('pages the records by position, and refuses a cursor holding no position (a forged -5 read from the start)', async () => {
    const world = await openWorld(ctx);
    const d = (await datasets(world)).find((x) => x.openingType === 'open' && x.distributions.some((l) => l.format === 'api'))!;
    const records = `/datasets/${d.id}/records`;
    const as = world.org('map-tech');
    const first = await world.openData('GET', `${records}?limit=1`, { as });
    const second = await world.openData('GET', `${records}?limit=1&cursor=${first.body.nextCursor}`, { as });
    expect(first.body.items).toHaveLength(1);
    expect(second.body.items).not.toEqual(first.body.items);
    const [key, binding] = String(first.body.nextCursor).split('.');
    for (const forged of [[-5], [1.5], ['0']]) {
      const cursor = `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${binding}`;
      const refused = await world.openData('GET', `${records}?limit=1&cursor=${cursor}`, { as });
      expect(refused.status, `${JSON.stringify(forged)} (a page made ${key})`).toBe(400);
      expect(refused.body).toMatchObject({ code: 'INVALID_CURSOR', errors: [{ pointer: '/query/cursor', code: 'INVALID_CURSOR' }] });
    }
  });

  it('serves a dataset open on application to a holder of a live grant only', async () => {
    const world = await openWorld(ctx);
    const grant = await grantApprovedAt(world, '2025-09-30T10:00:00+08:00', { from: '2025-10-01', to: '2026-09-30' });
    const d = (await world.openData('GET', `/datasets/${grant.datasetIds[0]}`)).body as DatasetView;
    expect(d.distributions.length).toBeGreaterThan(0);
    for (const link of d.distributions) {
      expect(link.requiresGrant).toBe(true);
      const refused = await follow(d, link, world.org('map-tech'));
      expectContract('open-data', link.format === 'api' ? 'listDatasetRecords' : 'getDatasetFile', refused, 403);
      expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/path/datasetId', code: 'GRANT_REQUIRED' })]);
      // Valid from 10-01: approved the day before, the grant does not open the data yet.
      expect((await follow(d, link, world.org(APPLICANT))).status).toBe(403);
    }
    await world.advance({ to: '2025-10-01T09:00:00+08:00' });
    for (const link of d.distributions) expectServed(d, link, await follow(d, link, world.org(APPLICANT)));
  });

  it("serves a dataset open on application to its live grant's app key (Authorization: Bearer odk_…), unsigned", async () => {
    const world = await openWorld(ctx);
    const grant = await grantApprovedAt(world, '2025-09-30T10:00:00+08:00', { from: '2025-10-01', to: '2026-09-30' });
    expect(grant.appKey).toMatch(/^odk_/);
    const d = (await world.openData('GET', `/datasets/${grant.datasetIds[0]}`)).body as DatasetView;
    const bearer = { authorization: `Bearer ${grant.appKey}` };
    const operation = (link: Distribution) => (link.format === 'api' ? 'listDatasetRecords' : 'getDatasetFile');
    for (const link of d.distributions) {
      // Valid from 10-01: the key opens nothing the day before.
      const early = await follow(d, link, undefined, bearer);
      expectContract('open-data', operation(link), early, 403);
      expect(early.body.errors).toEqual([expect.objectContaining({ pointer: '/path/datasetId', code: 'GRANT_REQUIRED' })]);
      const unknown = await follow(d, link, undefined, { authorization: 'Bearer odk_NotAGrantKey' });
      expectContract('open-data', operation(link), unknown, 401);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ pointer: '/header/authorization', code: 'APP_KEY_UNKNOWN' })]);
    }
    await world.advance({ to: '2025-10-01T09:00:00+08:00' });
    for (const link of d.distributions) expectServed(d, link, await follow(d, link, undefined, bearer));
    // The SDK sends it with `bearerToken`, no signing credentials.
    const sdk = new OpenDataClient({ baseUrl: `${ctx.transport.baseUrl}${world.base('open-data')}`, bearerToken: grant.appKey, fetch: ctx.transport.fetch });
    const file = d.distributions.find((l) => l.format === 'CSV')!;
    expect(String(await sdk.datasets.getFile(d.id, file.accessUrl.slice(file.accessUrl.lastIndexOf('/') + 1))).split('\r\n')[0]).toBe(d.fields.map((f) => f.name).join(','));
    await world.act({ platform: 'open-data', objectType: 'grant', objectId: grant.id, action: 'suspend', reasons: [{ text: '超出申请场景使用' }] });
    for (const link of d.distributions) {
      const suspended = await follow(d, link, undefined, bearer);
      expectContract('open-data', operation(link), suspended, 403);
      expect(suspended.body.errors).toEqual([expect.objectContaining({ code: 'GRANT_REQUIRED' })]);
    }
  });
});
