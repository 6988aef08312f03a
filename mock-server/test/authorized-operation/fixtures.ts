import { expect } from 'vitest';
import type { AppOptions, ReviewerPolicy } from '../../src/index.js';
import { defaultPlatforms } from '../../src/platforms/index.js';
import { seedDataOf } from '../../src/sandbox/seed-data-cache.js';
import type { CatalogEntry } from '../../src/sandbox/seed/types.js';
import type { CallOptions, Reply } from '../support/client.js';
import { expectContract } from '../support/contract.js';
import { IN_PROCESS, START_AT, usePlatforms, type MockContext } from '../support/harness.js';
import { replayableApp } from '../support/older-journal.js';
import { openSandbox, type SeededOrg, type TestSandbox } from '../support/sandbox.js';
import type { TransportFactory } from '../support/transports.js';

// The authorized-operation suite runs with every platform mounted: its cross-platform rules read
// the catalog, sharing and registration platforms of the same sandbox.

export const IMPLEMENTING_BODY = 'information-center';
export const CATALOG_ENTRIES = 40;
/** Every eligibility statement, met (a bid's; a Xiamen 二级's data access request, 厦门办法 第十五条). */
export const ELIGIBLE = { goodCredit: true, notBlacklisted: true, mlpsLevel3: true, noHighRiskFinding: true, noSecurityIncidentsLast3Years: true };
export const OPERATOR = 'data-operator';
export const GRANTOR = 'data-authority';
export const DATA_USER = 'map-tech';

/** A profile given inline: a shipped one it extends, with parts overridden. */
export type InlineProfile = { name: string; extends: string } & Record<string, unknown>;

/** A sandbox of the authorized-operation suite. */
export interface AoWorld extends TestSandbox {
  ao(method: string, path: string, options?: CallOptions): Promise<Reply>;
  /** `POST …/actions` on the authorized-operation platform, checked against the simulation contract. */
  official(objectType: string, objectId: string, action: string, fields?: Record<string, unknown>): Promise<Reply>;
  body: SeededOrg;
  operator: SeededOrg;
  /** The 大数据管理局, the authorizations' grantor (授权主体, 65号): it files the yearly report. */
  grantor: SeededOrg;
  /** The published catalog entries of the sandbox. */
  published: CatalogEntry[];
  /** A published catalog entry of the sandbox as a scope item. */
  scopeItem(index?: number): Record<string, unknown>;
}

/** A fresh app with all platforms (a small catalog) and a transport per test. */
export function useAoMock(factory: TransportFactory = IN_PROCESS, options: AppOptions = {}): MockContext {
  return usePlatforms(() => defaultPlatforms({ catalogEntries: CATALOG_ENTRIES }), factory, options);
}

/** Creates a sandbox (default: national, seed 11, manual officials, `START_AT`); `profile` may be inline. */
export async function openAoWorld(ctx: Pick<MockContext, 'call'>, options: { profile?: string | InlineProfile; reviewerPolicy?: ReviewerPolicy; startAt?: string } = {}): Promise<AoWorld> {
  const profile = options.profile ?? 'national';
  const sandbox = await openSandbox(ctx, { profile, seed: 11, startAt: options.startAt ?? START_AT, reviewerPolicy: options.reviewerPolicy ?? { mode: 'manual' } });
  // The catalog platform of `useAoMock` seeds 40 entries: the published ones are what scopes may name.
  const seedProfile = typeof profile === 'string' ? profile : profile.extends;
  const published = seedDataOf({ id: sandbox.id, seed: 11, profile: seedProfile, startAt: Date.parse(options.startAt ?? START_AT) }, CATALOG_ENTRIES).catalogEntries.filter((e) => e.state === 'published');
  return aoWorldOf(sandbox, published);
}

/**
 * A sandbox as the authorized-operation suite drives it, whose catalog publishes `published` (the
 * sandbox's own seed when its app seeds the default catalog: `sandbox.seed.catalogEntries`).
 */
export function aoWorldOf(sandbox: TestSandbox, published: CatalogEntry[] = sandbox.seed.catalogEntries.filter((e) => e.state === 'published')): AoWorld {
  return Object.assign(sandbox, {
    ao: (method: string, path: string, opts?: CallOptions) => sandbox.on('authorized-operation', method, path, opts),
    official: async (objectType: string, objectId: string, action: string, fields: Record<string, unknown> = {}) => {
      const reply = await sandbox.act({ platform: 'authorized-operation', objectType, objectId, action, ...fields });
      if (reply.status === 200) expectContract('simulation', 'actAsOfficial', reply, 200);
      return reply;
    },
    published,
    body: sandbox.org(IMPLEMENTING_BODY),
    operator: sandbox.org(OPERATOR),
    grantor: sandbox.org(GRANTOR),
    scopeItem: (index = 0) => {
      const entry = published[index]!;
      return { entryId: entry.id, name: entry.name, source: 'collected', consentGrantId: null, updateCycle: 'weekly', grade: 'general' };
    },
  });
}

const TEXT = '按协议约定。';

/** A complete plan (27号 第九、十条) over the given scope. */
export function planContent(scope: Record<string, unknown>[], term = { from: '2026-01-05', to: '2029-01-04' }) {
  return {
    name: '公共交通数据授权运营实施方案',
    feasibility: '需求旺盛，风险可控。',
    operatorConditions: '三级等保、专业团队。',
    authorizationMode: 'by_scenario',
    scope,
    term,
    construction: TEXT,
    schedule: TEXT,
    evaluationCriteria: TEXT,
    exit: TEXT,
    assets: TEXT,
    // Both classes, 27号 第九条(七).
    products: [
      { name: '客流热力图 API', useCategory: 'industry', productForm: 'api' },
      { name: '公交出行公益查询', useCategory: 'public_good', productForm: 'api' },
    ],
    accounting: TEXT,
    revenueSharing: TEXT,
    security: TEXT,
    rightsDuties: TEXT,
    supervisionEvaluation: TEXT,
  };
}

/** A complete agreement (27号 第十四条) over the given scope and term. */
export function agreement(scope: Record<string, unknown>[], term = { from: '2026-01-05', to: '2029-01-04' }) {
  return {
    scope,
    term,
    productList: TEXT,
    platform: '市公共数据资源开发利用平台',
    assetOwnership: TEXT,
    disclosure: TEXT,
    accounting: TEXT,
    revenueSharing: TEXT,
    security: TEXT,
    evaluation: TEXT,
    liability: TEXT,
    disputeResolution: TEXT,
    changeTermination: TEXT,
  };
}

/** The sections an Inner Mongolia agreement adds (101号 第四条(五)、第三十二条). */
export const IM_SECTIONS = {
  reasonableReturnMethod: '成本加合理利润。',
  assetDisposal: '期满后移交实施机构。',
  securityCommitment: { name: '数据安全承诺书.pdf', mediaType: 'application/pdf', digest: `sha256:${'ef'.repeat(32)}`, size: 512 },
};

/** Drafts, submits, approves and files a plan over one catalog entry; answers the plan. */
export async function approvedPlan(world: AoWorld, scope = [world.scopeItem()]) {
  const created = await world.ao('POST', '/plans', { as: world.body, body: planContent(scope) });
  expectContract('authorized-operation', 'createPlan', created, 201);
  await world.ao('POST', `/plans/${created.body.id}/submissions`, { as: world.body, body: {} });
  await world.official('plan', created.body.id, 'approve_plan');
  return created.body;
}

/**
 * A term whose first year (2024) has ended by `START_AT`, so that the authorization can be
 * evaluated at once (one yearly evaluation of an ended year within the term, 101号 第三十四条).
 */
export const EVALUABLE_TERM = { from: '2024-01-05', to: '2027-01-04' };

/** A negotiated selection of an approved plan, its operator chosen and its agreement deliberated, not signed yet: answers its id. */
export async function agreedSelection(world: AoWorld, term = { from: '2026-01-05', to: '2029-01-04' }, scope = [world.scopeItem()]): Promise<string> {
  const plan = await approvedPlan(world, scope);
  const selection = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'negotiation' } });
  expectContract('authorized-operation', 'createSelection', selection, 201);
  const id = selection.body.id;
  expectContract('authorized-operation', 'submitBid', await world.ao('POST', `/selections/${id}/bids`, { as: world.operator, body: { proposal: '建设客流分析产品。', eligibility: { goodCredit: true } } }), 201);
  expect200(await world.official('selection', id, 'select', { operatorId: world.operator.id }));
  expect200(await world.official('selection', id, 'deliberate_agreement', { agreement: agreement(plan.content.scope, term) }));
  return id;
}

/** An authorization signed on Thursday 2026-12-10 (the clock moved there): its 20 WD of disclosure reach 2027, whose holidays the shipped calendar lacks. Answers its id. */
export async function signedInDecember(world: AoWorld): Promise<string> {
  const id = await agreedSelection(world);
  await world.advance({ to: '2026-12-10T09:00:00+08:00' });
  const signed = await world.official('selection', id, 'sign');
  expect200(signed);
  return signed.body.object.authorizationId;
}

/** A plan → negotiation → bid → selection → agreement → signature over `scope`; answers the signed selection. */
export async function signedSelection(world: AoWorld, term = { from: '2026-01-05', to: '2029-01-04' }, scope = [world.scopeItem()]) {
  const id = await agreedSelection(world, term, scope);
  expect200(await world.official('selection', id, 'sign'));
  const signed = await world.ao('GET', `/selections/${id}`, { as: world.body });
  expectContract('authorized-operation', 'getSelection', signed, 200);
  return signed.body;
}

/** A Xiamen plan approved and its 一级开发主体 designated and signed; answers the authorization's id. */
export async function designatedAuthorization(world: AoWorld): Promise<string> {
  const plan = await approvedPlan(world);
  const selection = await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'designation' } });
  expect200(await world.official('selection', selection.body.id, 'designate', { operatorId: world.operator.id }));
  expect200(await world.official('selection', selection.body.id, 'deliberate_agreement', { agreement: agreement([world.scopeItem()]) }));
  const signed = await world.official('selection', selection.body.id, 'sign');
  expect200(signed);
  return signed.body.object.authorizationId;
}

/** A data access request of the operator within `authorizationId`, over the world's first scope item. */
export function dataAccessBody(world: AoWorld, authorizationId: string) {
  return { authorizationId, scenario: { name: '线网优化', description: '' }, qualification: '三级等保。', dataNeeds: [world.scopeItem()], method: '平台内建模。', safeguards: '全程日志。', eligibility: ELIGIBLE };
}

/** An industry product of the operator within `authorizationId`, over the world's first scope item. */
export function productBody(world: AoWorld, authorizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    authorizationId,
    name: '客流热力图 API',
    summary: '按小时更新的站点客流热力数据服务。',
    productForm: 'api',
    useCategory: 'industry',
    scenario: { name: '商业选址', description: '为零售企业评估站点周边客流' },
    scopeEntryIds: [world.scopeItem().entryId],
    chargingUnit: 'per_service',
    plannedVolume: 17_880,
    basedOn: null,
    ...overrides,
  };
}

/**
 * A refused official action's 409 names as allowed (in `allowedEvents` and in `detail`) only actions
 * the object's timeline offers at that moment, and never the refused action.
 */
export async function expectAllowedAsOffered(world: AoWorld, objectType: string, objectId: string, action: string, refusal: { body: any }): Promise<void> {
  const timeline = await world.sim('GET', `/objects/authorized-operation/${objectType}/${objectId}/timeline`);
  const offered = (timeline.body.allowedActions as { action: string }[]).map((a) => a.action);
  expect(refusal.body.allowedEvents).not.toContain(action);
  expect(offered).toEqual(expect.arrayContaining(refusal.body.allowedEvents));
  expect(refusal.body.detail).toMatch(new RegExp(`allowed: ${refusal.body.allowedEvents.join(', ') || 'none'}$`));
}

function expect200(reply: Reply): void {
  if (reply.status !== 200) throw new Error(`official action answered ${reply.status}: ${JSON.stringify(reply.body)}`);
}

/** The domain file's invented example (65号 三(一)): C = 8,000,000 元, yield 2.00 %, r = 8 %, T = 300,000 元. */
export const MAR_2026 = { year: 2026, costFen: 800_000_000, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 30_000_000 };

/** A signed authorization and a listed industry product of it. */
export async function listedProduct(world: AoWorld) {
  const { authorizationId } = await signedSelection(world);
  const created = await world.ao('POST', '/products', { as: world.operator, body: productBody(world, authorizationId) });
  expectContract('authorized-operation', 'createProduct', created, 201);
  const submitted = await world.ao('POST', `/products/${created.body.id}/submissions`, { as: world.operator, body: {} });
  expectContract('authorized-operation', 'submitProduct', submitted, 200);
  expect(submitted.body.deadline).toMatchObject({ step: 'compliance_review', limit: 5, unit: 'working_days' });
  await world.official('product', created.body.id, 'pass_compliance_review');
  return { authorizationId, productId: created.body.id as string };
}

/**
 * An authorized-operation world in the first of the apps over `dataDir` whose journal a test
 * rewrites and replays (`replayableApp`, the AO platforms' catalog): that app (`first`), the world
 * in it, and `replayableApp`'s own `open`, `logged` and `callOf` for the apps after it.
 */
export async function replayableAoWorld(dataDir: string, options?: Parameters<typeof openAoWorld>[1]) {
  const replayable = replayableApp(dataDir, { platforms: defaultPlatforms({ catalogEntries: CATALOG_ENTRIES }) });
  const first = replayable.open();
  const world = await openAoWorld({ call: replayable.callOf(first) }, options);
  return { ...replayable, first, world };
}

/** An authorization as `as` reads it (held to the contract). */
export async function authorizationSeen(world: AoWorld, authorizationId: string, as: SeededOrg) {
  const reply = await world.ao('GET', `/authorizations/${authorizationId}`, { as });
  expectContract('authorized-operation', 'getAuthorization', reply, 200);
  return reply.body;
}

/** When the feed recorded each `type` event of an object (epoch milliseconds, in feed order). */
export async function feedTimes(world: AoWorld, objectId: string, type: string): Promise<number[]> {
  const feed = (await world.sim('GET', '/events?platform=authorized-operation&limit=200')).body.items as { objectId: string; event: { type: string; at: string } }[];
  return feed.filter((e) => e.objectId === objectId && e.event.type === type).map((e) => Date.parse(e.event.at));
}
