import { CatalogClient } from '@gdx/catalog';
import { SimulationClient, type Sandbox as SimSandbox } from '@gdx/simulation';
import { createApp, type AppOptions, type PlatformModule } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { createCatalogPlatform } from '../../src/platforms/catalog/index.js';
import { seedDataOf } from '../../src/sandbox/seed-data-cache.js';
import type { Credentials, Reply } from '../support/client.js';
import { expectReply } from '../support/contract.js';
import { IN_PROCESS, START_AT, usePlatforms, type MockContext } from '../support/harness.js';
import { openSandbox, type TestSandbox as Sandbox } from '../support/sandbox.js';
import type { TransportFactory } from '../support/transports.js';
import { sharedContract } from '../../src/app/shared-contracts.js';

export { START_AT };

/** Asserts the reply has `status` and a body the catalog contract allows; answers the body. */
export const expectCatalog = (reply: Reply, method: string, template: string, status: number): any => expectReply('catalog', reply, method, template, status);

/** As `expectCatalog`, for the simulation API. */
export const expectSim = (reply: Reply, method: string, template: string, status: number): any => expectReply('simulation', reply, method, template, status);

/** The vehicles entry of the contract's example, with a unique name per test. */
export function entryContent(name = '机动车登记信息'): Record<string, unknown> {
  return {
    name,
    summary: '本市登记机动车的号牌、类型、登记日期等信息。',
    catalogKind: 'government',
    level: 'city',
    region: '350200',
    classification: { category: '基础信息', item: '交通', detail: '机动车' },
    domain: '法人',
    authoritativeSource: '机动车登记系统',
    items: [
      { name: '号牌号码', dataType: 'string', length: 16, description: '机动车号牌', sensitive: false },
      { name: '所有人身份证号', dataType: 'string', length: 18, description: '所有人证件号码', sensitive: true },
    ],
    sharing: { type: 'conditional', conditions: ['specific_scenario'], deliveryMethods: ['api', 'file'] },
    opening: { type: 'not_open', conditions: [], legalBasis: '《中华人民共和国个人信息保护法》第十三条' },
    updateCycle: 'daily',
    formats: ['json', 'csv'],
    grade: 'important',
    relatedSystems: ['机动车登记系统'],
  };
}

export interface SandboxOptions {
  profile?: string | Record<string, unknown>;
  startAt?: string;
  seed?: number;
  reviewerPolicy?: Record<string, unknown>;
}

/** A created sandbox as the catalog tests use it. */
export interface TestSandbox extends Sandbox {
  /** Platform path prefix, e.g. `/sandboxes/sbx_x/catalog/v1`. */
  catalog: string;
  providers: Credentials[];
}

/**
 * An app with the catalog platform (and the platforms `alongside` makes, e.g. open-data), reached
 * through one transport, and helpers for its sandboxes.
 */
export function useCatalogMock(factory: TransportFactory = IN_PROCESS, options: AppOptions = {}, alongside: () => PlatformModule<any>[] = () => []) {
  const catalog = () => createCatalogPlatform({ spec: sharedContract('catalog'), seedData: seedDataOf });
  const ctx = usePlatforms(() => [catalog(), ...alongside()], factory, { logError: () => undefined, ...options }) as MockContext & {
    sandbox(options?: SandboxOptions): Promise<TestSandbox>;
    sim(method: string, path: string, body?: unknown): Promise<Reply>;
  };
  ctx.sim = (method, path, body) => ctx.call(method, `/_sim/v1${path}`, body === undefined ? {} : { body });
  ctx.sandbox = async (o = {}) => {
    const sandbox = await openSandbox(ctx, {
      profile: o.profile ?? 'xiamen',
      startAt: o.startAt ?? START_AT,
      seed: o.seed ?? 42,
      reviewerPolicy: o.reviewerPolicy ?? { mode: 'manual' },
      clock: { mode: 'virtual' },
    });
    const providers = sandbox.organizations.filter((org) => org.roles.includes('data_provider'));
    return Object.assign(sandbox, { catalog: sandbox.base('catalog'), providers });
  };
  return ctx;
}

type Ctx = ReturnType<typeof useCatalogMock>;

/** Creates a draft as `as` and answers the entry (checked against the contract). */
export async function createDraft(ctx: Ctx, sbx: TestSandbox, as: Credentials, name?: string): Promise<any> {
  const reply = await ctx.call('POST', `${sbx.catalog}/entries`, { as, body: entryContent(name) });
  return expectCatalog(reply, 'POST', '/entries', 201);
}

/** Submits an entry as `as`. */
export async function submit(ctx: Ctx, sbx: TestSandbox, as: Credentials, id: string): Promise<any> {
  return expectCatalog(await ctx.call('POST', `${sbx.catalog}/entries/${id}/submissions`, { as }), 'POST', '/entries/{entryId}/submissions', 200);
}

/** An official action on an entry; answers the reply (status not checked). */
export function act(ctx: Ctx, sbx: TestSandbox, objectId: string, action: string, extra: Record<string, unknown> = {}, objectType = 'entry'): Promise<Reply> {
  return ctx.sim('POST', `/sandboxes/${sbx.id}/actions`, { platform: 'catalog', objectType, objectId, action, ...extra });
}

/** Reads an entry as `as` (checked against the contract). */
export async function getEntry(ctx: Ctx, sbx: TestSandbox, as: Credentials, id: string): Promise<any> {
  return expectCatalog(await ctx.call('GET', `${sbx.catalog}/entries/${id}`, { as }), 'GET', '/entries/{entryId}', 200);
}

/** Advances the sandbox clock and answers the fired transitions. */
export async function advance(ctx: Ctx, sbx: TestSandbox, body: Record<string, unknown>): Promise<any[]> {
  return expectSim(await ctx.sim('POST', `/sandboxes/${sbx.id}/clock/advance`, body), 'POST', '/sandboxes/{sandboxId}/clock/advance', 200).fired;
}

/** Public search (unsigned). */
export async function search(ctx: Ctx, sbx: TestSandbox, q: string): Promise<any> {
  return expectCatalog(await ctx.call('GET', `${sbx.catalog}/search?q=${encodeURIComponent(q)}`), 'GET', '/search', 200);
}

/** What `withSdkClients` hands its test: a xiamen sandbox, and the SDKs a vendor would use on it. */
export interface SdkClients {
  sim: SimulationClient;
  sbx: SimSandbox;
  /** Signed as the sandbox's first data provider. */
  catalog: CatalogClient;
}

/**
 * Runs `use` with the simulation and catalog SDKs over the in-process fetch of a fresh app (the
 * catalog platform on the seed data), in a manual xiamen sandbox; the app is closed afterwards.
 *
 * @example
 * ```ts
 * await withSdkClients(async ({ sim, sbx, catalog }) => { await catalog.entries.create(content); });
 * ```
 */
export async function withSdkClients(use: (clients: SdkClients) => Promise<void>): Promise<void> {
  const app = createApp({ platforms: [createCatalogPlatform({ spec: sharedContract('catalog'), seedData: seedDataOf })], seed: 7, startAt: START_AT, logError: () => undefined });
  const fetch = createFetch(app);
  try {
    const sim = new SimulationClient({ baseUrl: 'http://mock.local/_sim/v1', fetch });
    const sbx = await sim.sandboxes.create({ profile: 'xiamen', startAt: START_AT, seed: 3, reviewerPolicy: { mode: 'manual' }, clock: { mode: 'virtual' } });
    const me = sbx.organizations.find((o) => o.roles.includes('data_provider'));
    if (!me) throw new Error('the sandbox has no data provider');
    await use({ sim, sbx, catalog: new CatalogClient({ baseUrl: sbx.platforms.catalog, credentials: { appKey: me.appKey, secret: me.secret }, fetch }) });
  } finally {
    await app.close();
  }
}
