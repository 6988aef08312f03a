// An official action (`POST /_sim/v1/sandboxes/{id}/actions`) names its object by `objectType` and
// `objectId`, members of its body: an object the platform does not have is refused 404 with a
// NOT_FOUND field error at `/objectId`, on every platform, as any body member naming nothing is
// (a sharing request's `/entryId`, a product's `/authorizationId`, a function change's
// `/entryIds/<i>`, a selection's `/planId`). Nothing changes.
import { describe, expect, it } from 'vitest';
import { defaultPlatforms } from '../../src/index.js';
import { expectContract } from '../support/contract.js';
import { usePlatforms } from '../support/harness.js';
import { openSandbox } from '../support/sandbox.js';
import { TRANSPORTS } from '../support/transports.js';
import { DATA_USER, dataAccessBody, openAoWorld, productBody, useAoMock } from '../authorized-operation/fixtures.js';

const ctx = usePlatforms(() => defaultPlatforms({ catalogEntries: 20 }), TRANSPORTS['in-process fetch']!);

const notFoundAt = (pointer: string) => ({
  status: 404,
  code: 'NOT_FOUND',
  errors: [{ pointer, code: 'NOT_FOUND', message: { zh: expect.stringMatching(/^所指.+不存在$/), en: expect.stringMatching(/^The referenced .+ does not exist$/) } }],
});

const ACTIONS = [
  { platform: 'registration', objectType: 'application', objectId: 'rga_01K18W6900MG502NZFABWJCQ19', action: 'accept' },
  { platform: 'sharing', objectType: 'request', objectId: 'shr_01K18W6900MG502NZFABWJCQ19', action: 'approve' },
  { platform: 'open-data', objectType: 'application', objectId: 'oda_01K18W6900MG502NZFABWJCQ19', action: 'approve' },
  { platform: 'catalog', objectType: 'entry', objectId: 'ent_01K18W6900MG502NZFABWJCQ19', action: 'publish' },
  { platform: 'authorized-operation', objectType: 'plan', objectId: 'aop_01K18W6900MG502NZFABWJCQ19', action: 'approve_plan' },
] as const;

describe('an official action naming an object its platform does not have', () => {
  it.each(ACTIONS)('$platform $objectType: 404 NOT_FOUND at /objectId, nothing changed', async (action) => {
    const sbx = await openSandbox(ctx, { profile: 'national', reviewerPolicy: { mode: 'manual' } }, 20);
    const feedBefore = (await sbx.sim('GET', '/events?limit=1')).body;
    const refused = await sbx.act(action);
    expectContract('simulation', 'actAsOfficial', refused, 404);
    expect({ status: refused.status, ...refused.body }).toMatchObject(notFoundAt('/objectId'));
    expect((await sbx.sim('GET', '/events?limit=1')).body).toEqual(feedBefore);
  });
});

describe('a platform body naming an object that does not exist', () => {
  it('a catalog function change naming an unknown entry: 404 at /entryIds/<i>, no duty started', async () => {
    const sbx = await openSandbox(ctx, { profile: 'national' }, 20);
    const me = sbx.org('public-security');
    const [kept] = (await sbx.on('catalog', 'GET', '/entries?state=published&limit=1', { as: me })).body.items;
    const body = { kind: 'information_change', effectiveOn: '2025-09-26', description: '目录信息项调整。', entryIds: [kept.id, 'ent_01K18W6900MG502NZFABWJCQ19'] };
    const refused = await sbx.on('catalog', 'POST', '/function-changes', { as: me, body });
    expectContract('catalog', 'reportFunctionChange', refused, 404);
    expect({ status: refused.status, ...refused.body }).toMatchObject(notFoundAt('/entryIds/1'));
    expect((await sbx.on('catalog', 'GET', '/obligations', { as: me })).body.items).toEqual([]);
  });
});

describe('authorized operation: a body naming an authorization or plan that does not exist', () => {
  const aoCtx = useAoMock();
  const unknown = 'aut_01K18W6900MG502NZFABWJCQ19';

  it('a product: 404 at /authorizationId; a selection: 404 at /planId; nothing created', async () => {
    const world = await openAoWorld(aoCtx);
    const product = await world.ao('POST', '/products', { as: world.operator, body: productBody(world, unknown) });
    expectContract('authorized-operation', 'createProduct', product, 404);
    expect({ status: product.status, ...product.body }).toMatchObject(notFoundAt('/authorizationId'));
    const selection = await world.ao('POST', '/selections', { as: world.body, body: { planId: 'aop_01K18W6900MG502NZFABWJCQ19', method: 'negotiation' } });
    expectContract('authorized-operation', 'createSelection', selection, 404);
    expect({ status: selection.status, ...selection.body }).toMatchObject(notFoundAt('/planId'));
    expect((await world.sim('GET', '/objects?platform=authorized-operation')).body.total).toBe(0);
  });

  it('a Xiamen data access request: 404 at /authorizationId, nothing filed', async () => {
    const world = await openAoWorld(aoCtx, { profile: 'xiamen' });
    const refused = await world.ao('POST', '/data-access-requests', { as: world.org(DATA_USER), body: dataAccessBody(world, unknown) });
    expectContract('authorized-operation', 'submitDataAccessRequest', refused, 404);
    expect({ status: refused.status, ...refused.body }).toMatchObject(notFoundAt('/authorizationId'));
    expect((await world.sim('GET', '/objects?platform=authorized-operation')).body.total).toBe(0);
  });
});
