// A list's cursor is bound to the query that made it (Google AIP-158: "the page token must be used
// with the same parameters"): before, `?state=submitted&cursor=<a cursor of ?limit=1>` silently
// answered a page of some other listing. Now it is 400 INVALID_CURSOR, field code
// CURSOR_MISMATCH at /query/cursor; `limit` may change between pages, and a cursor made before
// cursors were bound (the key alone) still pages, as it did.
import { RegistrationClient } from '@gdx/registration';
import { describe, expect, it } from 'vitest';
import { defaultPlatforms } from '../../src/index.js';
import { initialSubmission } from '../registration/harness.js';
import { usePlatforms } from '../support/harness.js';
import { openSandbox, type TestSandbox } from '../support/sandbox.js';

const ctx = usePlatforms(() => defaultPlatforms({ catalogEntries: 20 }));

/** A sandbox with three applications filed, one of them accepted: lists of more than one page. */
async function withApplications(): Promise<{ sbx: TestSandbox; registrant: TestSandbox['organizations'][number] }> {
  const sbx = await openSandbox(ctx, { profile: 'national', seed: 5, reviewerPolicy: { mode: 'manual' } });
  const registrant = sbx.organizations.find((o) => o.roles.includes('registrant'))!;
  for (let i = 0; i < 3; i += 1) expect((await sbx.on('registration', 'POST', '/applications', { as: registrant, body: initialSubmission(registrant as never) })).status).toBe(201);
  return { sbx, registrant };
}

function expectMismatch(reply: { status: number; headers: Headers; body: any }, what: string): void {
  expect({ what, status: reply.status, type: reply.headers.get('content-type'), code: reply.body.code, detail: reply.body.detail, errors: reply.body.errors }).toEqual({
    what,
    status: 400,
    type: expect.stringContaining('application/problem+json'),
    code: 'INVALID_CURSOR',
    detail: expect.stringMatching(/^the cursor ".+" was made by a page of another list, or of this one with other filters, sort or path parameters \(only limit may change\)/),
    errors: [{ pointer: '/query/cursor', code: 'CURSOR_MISMATCH', message: { zh: expect.stringContaining('cursor'), en: expect.stringContaining('another query') } }],
  });
}

/** The cursor with its binding taken off: what a page answered before cursors were bound. */
const keyAlone = (cursor: string): string => cursor.slice(0, cursor.indexOf('.'));

describe('cursors bound to their query', () => {
  it('a platform list refuses its cursor with another filter, and pages on with the same one whatever the limit', async () => {
    const { sbx, registrant } = await withApplications();
    const list = (query: string) => sbx.on('registration', 'GET', `/applications?${query}`, { as: registrant });
    const first = await list('limit=1');
    expect(first.status).toBe(200);
    const cursor = first.body.nextCursor as string;
    expectMismatch(await list(`state=submitted&cursor=${cursor}`), 'another state');
    expectMismatch(await list(`state=submitted&limit=1&cursor=${cursor}`), 'another state and limit');
    const all = (await list('limit=3')).body.items.map((a: { id: string }) => a.id);
    const rest = await list(`limit=5&cursor=${cursor}`);
    expect(rest.status).toBe(200);
    expect(rest.body.items.map((a: { id: string }) => a.id)).toEqual(all.slice(1));
    // A cache-buster `_` new on every call is no other query.
    const busted = await list(`_=1&limit=1`);
    expect((await list(`_=2&limit=1&cursor=${busted.body.nextCursor}`)).body.items.map((a: { id: string }) => a.id)).toEqual(all.slice(1, 2));
    // Made by a mock before cursors were bound: read as it was, with any query.
    expect((await list(`limit=5&cursor=${keyAlone(cursor)}`)).body.items.map((a: { id: string }) => a.id)).toEqual(all.slice(1));
    expect((await list(`state=submitted&cursor=${keyAlone(cursor)}`)).status).toBe(200);
  });

  it('the catalog search, whose cursor held its query already, names the mismatch as the other lists do', async () => {
    const sbx = await openSandbox(ctx, { profile: 'national', seed: 5 });
    const first = await sbx.on('catalog', 'GET', '/search?limit=1');
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expectMismatch(await sbx.on('catalog', 'GET', `/search?sharingType=conditional&cursor=${first.body.nextCursor}`), 'search');
    expect((await sbx.on('catalog', 'GET', `/search?limit=3&cursor=${first.body.nextCursor}`)).status).toBe(200);
  });

  it('the simulation lists bind theirs too: objects, events and the request journal (also to its sandbox)', async () => {
    const { sbx } = await withApplications();
    const objects = await sbx.sim('GET', '/objects?limit=1');
    expectMismatch(await sbx.sim('GET', `/objects?platform=sharing&cursor=${objects.body.nextCursor}`), 'objects');
    expect((await sbx.sim('GET', `/objects?limit=2&cursor=${objects.body.nextCursor}`)).status).toBe(200);

    const events = await sbx.sim('GET', '/events?limit=1');
    expectMismatch(await sbx.sim('GET', `/events?platform=registration&cursor=${events.body.nextCursor}`), 'events');
    expect((await sbx.sim('GET', `/events?limit=2&cursor=${events.body.nextCursor}`)).status).toBe(200);

    const requests = await sbx.sim('GET', '/requests?limit=1');
    expectMismatch(await sbx.sim('GET', `/requests?method=POST&cursor=${requests.body.nextCursor}`), 'requests');
    expect((await sbx.sim('GET', `/requests?limit=2&cursor=${requests.body.nextCursor}`)).status).toBe(200);
    const { sbx: other } = await withApplications();
    expectMismatch(await other.sim('GET', `/requests?limit=1&cursor=${requests.body.nextCursor}`), 'requests of another sandbox');
  });

  // Lists share key shapes ([-createdAt, id]): a cursor bound only to the query and path
  // parameters paged another list that takes the same ones, silently (a sharing request's cursor
  // answered a page of the caller's grants, or of its open-data applications).
  it('a list refuses the cursor of another list that takes the same query, on its platform or another', async () => {
    const sbx = await openSandbox(ctx, { profile: 'national', seed: 5 });
    const [entry] = (await sbx.on('catalog', 'GET', '/search?sharingType=unconditional&limit=1')).body.items;
    const caller = sbx.organizations.find((o) => o.roles.includes('data_user') && o.creditCode !== entry.provider.creditCode)!;
    const body = {
      entryId: entry.id,
      scenario: { name: '企业服务', description: '核对用电情况' },
      purpose: '服务核对',
      fields: entry.itemNames.slice(0, 1),
      deliveryMethod: entry.sharing.deliveryMethods[0],
      periodOfUse: { from: '2025-10-01', to: '2026-09-30' },
      securityMeasures: '专网访问',
    };
    for (let i = 0; i < 2; i += 1) expect((await sbx.on('sharing', 'POST', '/requests', { as: caller, body })).status).toBe(201);
    const cursor = (await sbx.on('sharing', 'GET', '/requests?limit=1', { as: caller })).body.nextCursor as string;
    expectMismatch(await sbx.on('sharing', 'GET', `/grants?cursor=${cursor}`, { as: caller }), 'sharing listGrants');
    expectMismatch(await sbx.on('open-data', 'GET', `/applications?cursor=${cursor}`, { as: caller }), 'open-data listApplications');
    expect((await sbx.on('sharing', 'GET', `/requests?cursor=${cursor}`, { as: caller })).body.items).toHaveLength(1);
  });

  it("the SDK's paginator, which sends the same query with each cursor, reads a filtered list to its end", async () => {
    const { sbx, registrant } = await withApplications();
    const client = new RegistrationClient({ baseUrl: sbx.view.platforms.registration, credentials: registrant, fetch: ctx.transport.fetch });
    const ids: string[] = [];
    for await (const application of client.applications.list({ state: 'submitted', limit: 1 })) ids.push(application.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });
});
