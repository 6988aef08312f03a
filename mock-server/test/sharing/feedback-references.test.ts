import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld, type World } from '../support/world.js';
import { APPLICANT, applicationBy, onApplication } from '../open-data/fixtures.js';
import { entryOf, REQUESTER, requestBody } from './fixtures.js';

const ctx = useWorld();

/** A data objection about a resource (`undefined`: none named). */
function objection(resourceId: string | undefined) {
  return {
    subject: { kind: 'person', residentId: '350203199003071236', name: '张三' },
    kind: 'inaccurate',
    dataReference: { ...(resourceId === undefined ? {} : { resourceId }), description: '登记日期有误' },
    text: '实际登记日期为 2019-05-10。',
  };
}

/** How many data objections the sandbox holds on a platform. */
async function objectionCount(world: World, platform: string): Promise<number> {
  return (await world.sim('GET', `/objects?platform=${platform}&objectType=data_objection`)).body.total;
}

describe('feedback must name what exists: data objections and quality issues', () => {
  it.each(['sharing', 'open-data'] as const)('refuses a %s data objection about an unknown resource with 404 at /dataReference/resourceId, filing nothing', async (platform) => {
    const world = await openWorld(ctx);
    const as = world.org('data-operator');
    const call = platform === 'sharing' ? world.sharing : world.openData;
    const refused = await call('POST', '/data-objections', { as, body: objection('ent_does_not_exist') });
    expectContract(platform, 'submitDataObjection', refused, 404);
    expect(refused.body).toMatchObject({ code: 'NOT_FOUND', errors: [{ pointer: '/dataReference/resourceId', code: 'NOT_FOUND' }] });
    const third = await world.sim('POST', '/objections', { kind: 'data', platform, objection: objection('ent_does_not_exist') });
    expectContract('simulation', 'fileThirdPartyObjection', third, 404);
    expect(third.body.errors[0].pointer).toBe('/objection/dataReference/resourceId');
    expect(await objectionCount(world, platform)).toBe(0);
    // Naming no resource is still taken (the data authority answers).
    expectContract(platform, 'submitDataObjection', await call('POST', '/data-objections', { as, body: objection(undefined) }), 201);
  });

  it('refuses a quality issue naming a field the entry does not have (400 FIELD_UNKNOWN at /fields/<i>) or a grant of another entry (400 at /grantId)', async () => {
    const world = await openWorld(ctx);
    const as = world.org(REQUESTER);
    const entry = entryOf(world, 'unconditional');
    const other = world.seed.catalogEntries.find((e) => e.state === 'published' && e.sharing.type === 'unconditional' && e.id !== entry.id && e.provider.organizationId !== as.id)!;
    const delivered = await world.sharing('POST', '/requests', { as, body: requestBody(other) });
    expectContract('sharing', 'submitRequest', delivered, 201);

    const field = await world.sharing('POST', '/quality-issues', { as, body: { entryId: entry.id, fields: [entry.items[0]!.name, '不存在'], description: '约 3% 为空值。' } });
    expectContract('sharing', 'submitQualityIssue', field, 400);
    expect(field.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/fields/1', code: 'FIELD_UNKNOWN' }] });

    const mismatch = await world.sharing('POST', '/quality-issues', { as, body: { entryId: entry.id, grantId: delivered.body.grantId, description: '约 3% 为空值。' } });
    expectContract('sharing', 'submitQualityIssue', mismatch, 400);
    expect(mismatch.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/grantId', code: 'GRANT_NOT_FOR_ENTRY' }] });
    expect((await world.sim('GET', '/objects?platform=sharing&objectType=quality_issue')).body.total).toBe(0);

    const taken = await world.sharing('POST', '/quality-issues', { as, body: { entryId: other.id, grantId: delivered.body.grantId, fields: [other.items[0]!.name], description: '约 3% 为空值。' } });
    expectContract('sharing', 'submitQualityIssue', taken, 201);
  });
});

describe('a body naming an object that does not exist is refused at that member', () => {
  const unknownEntry = 'ent_01K18W6900MG502NZFABWJCQ19';
  const notFoundAt = (pointer: string) => ({ code: 'NOT_FOUND', errors: [{ pointer, code: 'NOT_FOUND', message: { zh: expect.stringMatching(/^所指.+不存在$/), en: expect.stringMatching(/^The referenced .+ does not exist$/) } }] });

  it('a sharing request for an unknown resource: 404 at /entryId, nothing filed', async () => {
    const world = await openWorld(ctx);
    const refused = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entryOf(world, 'conditional'), { entryId: unknownEntry }) });
    expectContract('sharing', 'submitRequest', refused, 404);
    expect(refused.body).toMatchObject(notFoundAt('/entryId'));
    expect((await world.sim('GET', '/objects?platform=sharing&objectType=request')).body.total).toBe(0);
  });

  it('a quality issue about an unknown resource or grant: 404 at /entryId or /grantId, nothing filed', async () => {
    const world = await openWorld(ctx);
    const as = world.org(REQUESTER);
    const entry = entryOf(world, 'unconditional');
    const noEntry = await world.sharing('POST', '/quality-issues', { as, body: { entryId: unknownEntry, description: '约 3% 为空值。' } });
    expectContract('sharing', 'submitQualityIssue', noEntry, 404);
    expect(noEntry.body).toMatchObject(notFoundAt('/entryId'));
    const noGrant = await world.sharing('POST', '/quality-issues', { as, body: { entryId: entry.id, grantId: 'grt_01K8M58EM0CQT9RWVG6DK7T1B9', description: '约 3% 为空值。' } });
    expectContract('sharing', 'submitQualityIssue', noGrant, 404);
    expect(noGrant.body).toMatchObject(notFoundAt('/grantId'));
    expect((await world.sim('GET', '/objects?platform=sharing&objectType=quality_issue')).body.total).toBe(0);
  });

  it('an open-data application naming an unknown dataset: 404 at that item of /datasetIds, nothing filed', async () => {
    const world = await openWorld(ctx);
    const as = world.org(APPLICANT);
    const dataset = onApplication(world);
    const refused = await world.openData('POST', '/applications', { as, body: applicationBy(as, dataset, { datasetIds: [dataset.id, 'ods_01GXXNGP005YMMRC6084S0NZ99'] }) });
    expectContract('open-data', 'submitApplication', refused, 404);
    expect(refused.body).toMatchObject(notFoundAt('/datasetIds/1'));
    expect((await world.sim('GET', '/objects?platform=open-data&objectType=application')).body.total).toBe(0);
  });
});
