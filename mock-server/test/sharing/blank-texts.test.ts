import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { openWorld, useWorld, type World } from '../support/world.js';
import { APPLICANT, applicationBody, grantApprovedAt, onApplication } from '../open-data/fixtures.js';
import { entryOf, REQUESTER, requestBody } from './fixtures.js';

const ctx = useWorld();

/** White space only, the ideographic space (U+3000) and a tab included. */
const BLANK = ' \u3000\t';

/** A data objection of the signing organisation about a resource. */
function objection(world: World, orgKey: string, resourceId: string, overrides: Record<string, unknown> = {}) {
  const org = world.org(orgKey);
  return {
    subject: { kind: 'organization', creditCode: org.creditCode, name: org.name },
    kind: 'inaccurate',
    dataReference: { resourceId, description: '登记日期有误' },
    text: '实际登记日期为 2019-05-10。',
    ...overrides,
  };
}

/** How many objects of a type the sandbox holds on a platform. */
async function count(world: World, platform: string, objectType: string): Promise<number> {
  return (await world.sim('GET', `/objects?platform=${platform}&objectType=${objectType}`)).body.total;
}

/** The reply is a 400 listing exactly these pointers as `TEXT_BLANK`, each with zh/en messages. */
function expectBlank(reply: { body: { code: string; errors: Array<{ pointer: string; code: string; message: unknown }> } }, pointers: string[]): void {
  expect(reply.body.code).toBe('VALIDATION_FAILED');
  expect(reply.body.errors.map((e) => e.pointer)).toEqual(pointers);
  for (const e of reply.body.errors) {
    expect(e.code).toBe('TEXT_BLANK');
    expect(e.message).toEqual({ zh: expect.any(String), en: expect.any(String) });
  }
}

describe('written texts of white space only are refused (400 TEXT_BLANK), nothing stored', () => {
  it('refuses a sharing request whose scenario, purpose or security measures are blank: the grant is bound to them (第二十六条)', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const entry = entryOf(world, 'conditional');
    const body = requestBody(entry, { scenario: { name: BLANK, description: '' }, purpose: BLANK, securityMeasures: BLANK });
    const refused = await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body });
    expectContract('sharing', 'submitRequest', refused, 400);
    expectBlank(refused, ['/scenario/name', '/purpose', '/securityMeasures']);
    expect(await count(world, 'sharing', 'request')).toBe(0);
    // The same request written out is taken.
    expectContract('sharing', 'submitRequest', await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entry) }), 201);
  });

  it('refuses a blank dispute, data objection and quality issue on the sharing platform', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const as = world.org(REQUESTER);
    const conditional = entryOf(world, 'conditional');
    const request = (await world.sharing('POST', '/requests', { as, body: requestBody(conditional) })).body;
    await world.act({ platform: 'sharing', objectType: 'request', objectId: request.id, action: 'reject', reasons: [{ text: '不符合共享条件' }] });
    const dispute = await world.sharing('POST', `/requests/${request.id}/disputes`, { as, body: { text: BLANK } });
    expectContract('sharing', 'disputeRequest', dispute, 400);
    expectBlank(dispute, ['/text']);
    expect((await world.sharing('GET', `/requests/${request.id}`, { as })).body.state).toBe('rejected');

    const blankObjection = objection(world, REQUESTER, conditional.id, { text: BLANK, dataReference: { resourceId: conditional.id, description: BLANK } });
    const refused = await world.sharing('POST', '/data-objections', { as, body: blankObjection });
    expectContract('sharing', 'submitDataObjection', refused, 400);
    expectBlank(refused, ['/text', '/dataReference/description']);
    expect(await count(world, 'sharing', 'data_objection')).toBe(0);

    const unconditional = entryOf(world, 'unconditional');
    const delivered = (await world.sharing('POST', '/requests', { as, body: requestBody(unconditional) })).body;
    const issue = await world.sharing('POST', '/quality-issues', { as, body: { entryId: unconditional.id, grantId: delivered.grantId, fields: [unconditional.items[0]!.name], description: BLANK } });
    expectContract('sharing', 'submitQualityIssue', issue, 400);
    expectBlank(issue, ['/description']);
    expect(await count(world, 'sharing', 'quality_issue')).toBe(0);
  });

  it('refuses an open-data application with a blank scenario, scope, security measures or condition evidence (第二十三、二十四条)', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const dataset = onApplication(world);
    const evidence = dataset.openingConditions.map((condition) => ({ condition, text: BLANK }));
    const body = applicationBody(world, dataset, { scenario: { name: BLANK, description: '' }, dataScope: BLANK, securityMeasures: BLANK, conditionEvidence: evidence });
    const refused = await world.openData('POST', '/applications', { as: world.org(APPLICANT), body });
    expectContract('open-data', 'submitApplication', refused, 400);
    expectBlank(refused, ['/scenario/name', '/dataScope', '/securityMeasures', ...evidence.map((_, i) => `/conditionEvidence/${i}/text`)]);
    expect(await count(world, 'open-data', 'application')).toBe(0);
  });

  it('refuses a blank open-data demand and data objection', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const as = world.org(APPLICANT);
    const demand = await world.openData('POST', '/demands', { as, body: { title: BLANK, description: BLANK } });
    expectContract('open-data', 'submitDemand', demand, 400);
    expectBlank(demand, ['/title', '/description']);
    expect(await count(world, 'open-data', 'demand')).toBe(0);

    const dataset = onApplication(world);
    const refused = await world.openData('POST', '/data-objections', { as, body: objection(world, APPLICANT, dataset.id, { text: BLANK }) });
    expectContract('open-data', 'submitDataObjection', refused, 400);
    expectBlank(refused, ['/text']);
    expect(await count(world, 'open-data', 'data_objection')).toBe(0);
  });

  it('refuses a third party\'s data objection through the simulation API whose description of the data is blank, as the platforms do', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const targets = [
      { platform: 'sharing', resourceId: entryOf(world, 'conditional').id },
      { platform: 'open-data', resourceId: onApplication(world).id },
    ];
    for (const { platform, resourceId } of targets) {
      const written = objection(world, REQUESTER, resourceId);
      const blankDescription = { ...written, dataReference: { resourceId, description: BLANK } };
      const refused = await world.sim('POST', '/objections', { kind: 'data', platform, objection: blankDescription });
      expectContract('simulation', 'fileThirdPartyObjection', refused, 400);
      expectBlank(refused, ['/objection/dataReference/description']);
      const bothBlank = await world.sim('POST', '/objections', { kind: 'data', platform, objection: { ...blankDescription, text: BLANK } });
      expectBlank(bothBlank, ['/objection/text', '/objection/dataReference/description']);
      expect(await count(world, platform, 'data_objection')).toBe(0);
      expect((await world.sim('POST', '/objections', { kind: 'data', platform, objection: written })).status).toBe(201);
    }
  });

  it('refuses a blank answer to a spot check, which stays to be answered', async () => {
    const world = await openWorld(ctx, { profile: 'xiamen' });
    const grant = await grantApprovedAt(world, '2025-10-14T10:00:00+08:00', { from: '2025-10-15', to: '2026-10-14' }, 'usage_feedback');
    const started = await world.act({ platform: 'open-data', objectType: 'grant', objectId: grant.id, action: 'start_spot_check', request: { text: '请提供调用日志' } });
    const path = `/grants/${grant.id}/spot-checks/${started.body.object.id}/answer`;
    const refused = await world.openData('POST', path, { as: world.org(APPLICANT), body: { text: BLANK } });
    expectContract('open-data', 'answerSpotCheck', refused, 400);
    expectBlank(refused, ['/text']);
    const open = await world.openData('GET', `/grants/${grant.id}/spot-checks?state=submitted`, { as: world.org(APPLICANT) });
    expect(open.body.total).toBe(1);
  });
});
