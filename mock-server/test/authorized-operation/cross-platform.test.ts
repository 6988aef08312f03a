import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../../src/sandbox/seed/types.js';
import { expectContract } from '../support/contract.js';
import { ELIGIBLE, IM_SECTIONS, agreement, openAoWorld, planContent, productBody, signedSelection, useAoMock, type AoWorld } from './fixtures.js';

const ctx = useAoMock();

/** A dataNeeds item of shared data from `entry`, naming the consent grant (if any). */
function sharedItem(entry: CatalogEntry, consentGrantId: string | null) {
  return { entryId: entry.id, name: entry.name, source: 'shared', consentGrantId, updateCycle: 'daily', grade: 'general' };
}

function accessBody(authorizationId: string, dataNeeds: unknown[]) {
  return { authorizationId, scenario: { name: '公交线网优化', description: '为公交公司优化线路提供客流依据' }, qualification: '三级等保。', dataNeeds, method: '平台内建模，原始数据不出域。', safeguards: '访问实名、全程日志。' };
}

/** The provider's consent on the sharing platform: the operator's request approved and delivered; answers the grant id. */
async function consentOf(world: AoWorld, entry: CatalogEntry): Promise<string> {
  const request = await world.on('sharing', 'POST', '/requests', {
    as: world.operator,
    body: {
      entryId: entry.id,
      scenario: { name: '公交线网优化', description: '授权运营场景' },
      purpose: '纳入授权运营范围',
      fields: entry.items.slice(0, 1).map((i) => i.name),
      deliveryMethod: entry.sharing.deliveryMethods[0] ?? 'api',
      periodOfUse: { from: '2025-10-01', to: '2026-09-30' },
      securityMeasures: '专网访问。',
      ...(entry.sharing.type === 'conditional' ? { condition: entry.sharing.conditions[0] } : {}),
    },
  });
  expectContract('sharing', 'submitRequest', request, 201);
  if (request.body.state === 'under_review') await world.act({ platform: 'sharing', objectType: 'request', objectId: request.body.id, action: 'approve' });
  // An unconditional resource is delivered at once; a conditional one once the provider delivers it.
  const now = await world.on('sharing', 'GET', `/requests/${request.body.id}`, { as: world.operator });
  if (now.body.state !== 'delivered') await world.act({ platform: 'sharing', objectType: 'request', objectId: request.body.id, action: 'deliver' });
  const delivered = await world.on('sharing', 'GET', `/requests/${request.body.id}`, { as: world.operator });
  expect(delivered.body.state).toBe('delivered');
  return delivered.body.grantId;
}

describe('authorized operation: the rules that hold across platforms in one sandbox', () => {
  it('a scope item must be a published catalog entry', async () => {
    const world = await openAoWorld(ctx);
    const unknown = { ...world.scopeItem(), entryId: 'ent_01JZZZZZZZZZZZZZZZZZZZZZZZ' };
    const reply = await world.ao('POST', '/plans', { as: world.body, body: planContent([unknown]) });
    expectContract('authorized-operation', 'createPlan', reply, 422);
    expect(reply.body).toMatchObject({ code: 'NOT_IN_CATALOG', errors: [{ pointer: '/scope/0/entryId' }] });
    expect((await world.ao('GET', '/plans', { as: world.body })).body.total).toBe(0);
    // Withdrawn on the catalog platform, an entry can no longer enter a scope.
    const entry = world.published[0]!;
    await world.act({ platform: 'catalog', objectType: 'entry', objectId: entry.id, action: 'withdraw', reasons: [{ text: '数据已停止更新。' }] });
    const withdrawn = await world.ao('POST', '/plans', { as: world.body, body: planContent([world.scopeItem(0)]) });
    expect(withdrawn.body.code).toBe('NOT_IN_CATALOG');
  });

  it('shared data is refused without the provider consent, accepted once the sharing platform grants it', async () => {
    const world = await openAoWorld(ctx);
    const index = world.published.findIndex((e) => e.sharing.type !== 'not_shared' && e.provider.organizationId !== world.operator.id);
    const entry = world.published[index]!;
    // The agreement authorizes the entry (data access stays within its scope); the operator obtains it by sharing.
    const { authorizationId } = await signedSelection(world, undefined, [world.scopeItem(index)]);
    const refused = await world.ao('POST', '/data-access-requests', { as: world.operator, body: accessBody(authorizationId, [sharedItem(entry, null)]) });
    expectContract('authorized-operation', 'submitDataAccessRequest', refused, 422);
    expect(refused.body).toMatchObject({ code: 'CONSENT_REQUIRED', errors: [{ pointer: '/dataNeeds/0/consentGrantId' }] });
    expect((await world.ao('GET', '/data-access-requests', { as: world.operator })).body.total).toBe(0);
    const grantId = await consentOf(world, entry);
    const accepted = await world.ao('POST', '/data-access-requests', { as: world.operator, body: accessBody(authorizationId, [sharedItem(entry, grantId)]) });
    expectContract('authorized-operation', 'submitDataAccessRequest', accepted, 201);
    expect(accepted.body).toMatchObject({ state: 'submitted', deadline: { step: 'data_access_review', limit: 10 } });
    // Revoked on the sharing platform, the consent no longer holds.
    await world.act({ platform: 'sharing', objectType: 'grant', objectId: grantId, action: 'revoke', reasons: [{ text: '提供单位撤回同意。' }] });
    const revoked = await world.ao('POST', '/data-access-requests', { as: world.operator, body: accessBody(authorizationId, [sharedItem(entry, grantId)]) });
    expect(revoked.body.code).toBe('CONSENT_REQUIRED');
  });

  it('a listed product is flagged with its registration due date until the registration platform receives it', async () => {
    const world = await openAoWorld(ctx);
    const { authorizationId } = await signedSelection(world);
    const product = await world.ao('POST', '/products', {
      as: world.operator,
      body: { authorizationId, name: '客流热力图 API', summary: '站点客流热力。', productForm: 'api', useCategory: 'industry', scenario: { name: '商业选址', description: '' }, scopeEntryIds: [world.scopeItem().entryId], chargingUnit: 'per_service', plannedVolume: 100 },
    });
    await world.ao('POST', `/products/${product.body.id}/submissions`, { as: world.operator, body: {} });
    await world.official('product', product.body.id, 'pass_compliance_review');
    const listed = await world.ao('GET', `/products/${product.body.id}`, { as: world.operator });
    // The registration platform's rule: 20 WD from delivery (Friday 2025-09-26), over the National Day week.
    expect(listed.body.registration).toMatchObject({ startedOn: '2025-09-26', dueDate: '2025-10-30', registrationCode: null, late: false, overdue: false });
    await world.advance({ to: '2025-10-31T09:00:00+08:00' });
    const overdue = await world.ao('GET', `/products/${product.body.id}`, { as: world.operator });
    expectContract('authorized-operation', 'getProduct', overdue, 200);
    expect(overdue.body.registration).toMatchObject({ overdue: true, late: false });
    const filing = await world.on('registration', 'POST', '/applications', {
      as: world.operator,
      body: {
        type: 'initial',
        registrants: [{ creditCode: world.operator.creditCode, name: world.operator.name }],
        resource: { name: '公共交通客流数据产品', summary: '按站点汇总的客流数据。' },
        legalSource: { description: '经授权运营协议取得。' },
        evidence: { description: '已存证。' },
        products: [{ name: '客流热力图 API', description: '站点客流热力。' }],
        riskAssessment: { summary: '风险低。' },
        operationStartedOn: '2025-09-26',
      },
    });
    expectContract('registration', 'submitApplication', filing, 201);
    const late = await world.ao('GET', `/products/${product.body.id}`, { as: world.operator });
    expect(late.body.registration).toMatchObject({ registeredOn: '2025-10-31', late: true, overdue: false });
  });

  it('a registration duty reaching a year without a published calendar is an estimate, warned of and never overdue on it, counted on the year once loaded', async () => {
    const world = await openAoWorld(ctx, { startAt: '2026-11-02T10:00:00+08:00' });
    const { authorizationId } = await signedSelection(world, { from: '2026-11-02', to: '2029-11-01' });
    await world.advance({ to: '2026-12-08T10:00:00+08:00' });
    const product = await world.ao('POST', '/products', { as: world.operator, body: productBody(world, authorizationId) });
    await world.ao('POST', `/products/${product.body.id}/submissions`, { as: world.operator, body: {} });
    await world.official('product', product.body.id, 'pass_compliance_review');
    // Listed Tuesday 2026-12-08: 12-09 … 12-31 are 17 working days; 2027, unpublished, counted Monday–Friday: 01-01, 01-04, 01-05.
    const estimated = { startedOn: '2026-12-08', dueDate: '2027-01-05', dueAt: '2027-01-06T00:00:00+08:00', late: false, overdue: false, estimate: true, unpublishedYears: [2027] };
    const warning = { code: 'CALENDAR_NOT_PUBLISHED', year: 2027, message: { zh: expect.stringContaining('2027'), en: expect.stringContaining('2027') } };
    // Past the estimated end (the clock moved to an instant, which needs no schedule): not overdue on an estimate.
    await world.advance({ to: '2027-01-07T10:00:00+08:00' });
    const unknown = await world.ao('GET', `/products/${product.body.id}`, { as: world.operator });
    expectContract('authorized-operation', 'getProduct', unknown, 200);
    expect(unknown.body).toMatchObject({ state: 'listed', listedOn: '2026-12-08', registration: estimated });
    expect(unknown.body.warnings).toEqual([warning]);
    const year = { year: 2027, source: '测试用安排', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] };
    expect((await world.sim('PUT', '/calendar/2027', year)).status).toBe(200);
    const dated = await world.ao('GET', `/products/${product.body.id}`, { as: world.operator });
    expectContract('authorized-operation', 'getProduct', dated, 200);
    // 2027-01-01 a holiday: 01-04, 01-05, 01-06 the 18th to 20th, and the period ran out unregistered.
    expect(dated.body.registration).toMatchObject({ ...estimated, dueDate: '2027-01-06', dueAt: '2027-01-07T00:00:00+08:00', overdue: true, estimate: false, unpublishedYears: [] });
    expect(dated.body.warnings).toEqual([]);
  });

  it('a term over 5 years: a warning with a justification nationally, an error in Inner Mongolia', async () => {
    const national = await openAoWorld(ctx);
    const long = { from: '2026-01-05', to: '2032-01-04' };
    const plan = await national.ao('POST', '/plans', { as: national.body, body: planContent([national.scopeItem()]) });
    await national.ao('POST', `/plans/${plan.body.id}/submissions`, { as: national.body, body: {} });
    await national.official('plan', plan.body.id, 'approve_plan');
    const selection = await national.ao('POST', '/selections', { as: national.body, body: { planId: plan.body.id, method: 'negotiation' } });
    await national.official('selection', selection.body.id, 'select', { operatorId: national.operator.id });
    await national.official('selection', selection.body.id, 'deliberate_agreement', { agreement: agreement([national.scopeItem()], long) });
    const unjustified = await national.official('selection', selection.body.id, 'sign');
    expectContract('simulation', 'actAsOfficial', unjustified, 422);
    expect(unjustified.body.code).toBe('TERM_JUSTIFICATION_REQUIRED');
    const signed = await national.official('selection', selection.body.id, 'sign', { justification: '与基础设施折旧期一致。' });
    const authorization = await national.ao('GET', `/authorizations/${signed.body.object.authorizationId}`, { as: national.operator });
    // Signed 2025-09-26, before the term starts: the cap counts from the signing.
    expect(authorization.body.termCheck).toMatchObject({ outcome: 'warning', code: 'TERM_OVER_CAP_WARNING', measuredFrom: '2025-09-26', capEndsOn: '2030-09-25' });

    const im = await openAoWorld(ctx, { profile: 'inner-mongolia' });
    const imPlan = await im.ao('POST', '/plans', { as: im.body, body: planContent([im.scopeItem()]) });
    await im.ao('POST', `/plans/${imPlan.body.id}/submissions`, { as: im.body, body: {} });
    await im.official('plan', imPlan.body.id, 'approve_plan');
    const call = await im.ao('POST', '/selections', { as: im.body, body: { planId: imPlan.body.id, method: 'call_and_review' } });
    await im.official('selection', call.body.id, 'publish_call');
    await im.ao('POST', `/selections/${call.body.id}/bids`, { as: im.operator, body: { proposal: '建设客流分析产品。', eligibility: ELIGIBLE } });
    await im.advance({ to: '2025-10-17T10:00:00+08:00' });
    await im.official('selection', call.body.id, 'pass_review', { operatorId: im.operator.id });
    await im.official('selection', call.body.id, 'approve_selection');
    await im.official('selection', call.body.id, 'deliberate_agreement', { agreement: { ...agreement([im.scopeItem()], long), ...IM_SECTIONS } });
    const refused = await im.official('selection', call.body.id, 'sign', { justification: '理由。' });
    expect(refused.body.code).toBe('TERM_EXCEEDS_CAP');
    const still = await im.ao('GET', `/selections/${call.body.id}`, { as: im.body });
    expect(still.body).toMatchObject({ state: 'agreement_deliberation', authorizationId: null });
  });
});
