import { loadBundledSpec, SPEC_NAMES, type SpecName } from '@gdx/openapi';
import { describe, expect, it } from 'vitest';
import { seedDataOf } from '../../src/sandbox/seed-data-cache.js';
import { approvedPlan, openAoWorld, planContent, signedSelection, useAoMock, type AoWorld } from '../authorized-operation/fixtures.js';
import { entryContent } from '../catalog/workflow-harness.js';
import { applicationBy } from '../open-data/fixtures.js';
import { initialSubmission } from '../registration/harness.js';
import { requestBody } from '../sharing/fixtures.js';
import type { Credentials, Reply } from '../support/client.js';
import { TRANSPORTS } from '../support/transports.js';
import { startMock, type MockContext } from '../support/harness.js';
import { createRegistrationPlatform } from '../../src/platforms/registration/index.js';
import type { SeededOrg } from '../support/sandbox.js';

// Every 201 whose contract declares `Location` sends one: an absolute path from the server root
// (common/headers.yaml#/Location), which a client resolves against the URL it sent and reads.

/** A create as its test makes it, and who may read what it created. */
type Created = { reply: Reply; reader?: Credentials };
type Recipe = (world: AoWorld, call: MockContext['call']) => Promise<Created>;

const withRole = (world: AoWorld, role: string): SeededOrg => {
  const found = world.organizations.find((o) => o.roles.includes(role));
  if (!found) throw new Error(`no organisation with role ${role}`);
  return found;
};

/** A data-subject objection (数据异议) of a person, to which a `dataReference` is added. */
const DATA_OBJECTION = { subject: { kind: 'person', residentId: '350203199003071236', name: '张三' }, kind: 'inaccurate', text: '实际登记日期为 2019-05-10。' };

/** A dataset of the world's open-data platform that is opened on application. */
function onApplicationDataset(world: AoWorld) {
  const dataset = seedDataOf({ id: world.id, seed: world.view.seed, profile: 'national', startAt: Date.parse(world.view.createdAt) }, 40).datasets.find((d) => d.openingType === 'on_application');
  if (!dataset) throw new Error('no on_application dataset');
  return dataset;
}

/** How each operation that declares `Location` on its 201 is driven to that 201, by `spec.operationId`. */
const RECIPES: Record<string, Recipe> = {
  'registration.submitApplication': async (world) => {
    const registrant = withRole(world, 'registrant');
    return { reply: await world.on('registration', 'POST', '/applications', { as: registrant, body: initialSubmission(registrant) }), reader: registrant };
  },
  'catalog.createEntry': async (world) => {
    const provider = withRole(world, 'data_provider');
    return { reply: await world.on('catalog', 'POST', '/entries', { as: provider, body: entryContent() }), reader: provider };
  },
  'sharing.submitRequest': async (world) => {
    const requester = world.org('civil-affairs');
    const entry = world.published.find((e) => e.sharing.type === 'unconditional' && e.provider.organizationId !== requester.id && e.items.length > 1);
    if (!entry) throw new Error('no unconditional entry of another provider');
    return { reply: await world.on('sharing', 'POST', '/requests', { as: requester, body: requestBody(entry) }), reader: requester };
  },
  'sharing.submitDataObjection': async (world) => {
    const requester = world.org('civil-affairs');
    const body = { ...DATA_OBJECTION, dataReference: { resourceId: world.published[0]!.id, description: '登记日期有误' } };
    return { reply: await world.on('sharing', 'POST', '/data-objections', { as: requester, body }), reader: requester };
  },
  'sharing.submitQualityIssue': async (world) => {
    const requester = world.org('civil-affairs');
    return { reply: await world.on('sharing', 'POST', '/quality-issues', { as: requester, body: { entryId: world.published[0]!.id, description: '约 3% 为空值。' } }), reader: requester };
  },
  'open-data.submitApplication': async (world) => {
    const applicant = world.org('data-operator');
    return { reply: await world.on('open-data', 'POST', '/applications', { as: applicant, body: applicationBy(applicant, onApplicationDataset(world)) }), reader: applicant };
  },
  'open-data.submitDemand': async (world) => {
    const applicant = world.org('data-operator');
    return { reply: await world.on('open-data', 'POST', '/demands', { as: applicant, body: { title: '公交车辆实时到站数据', description: '用于出行类应用。' } }), reader: applicant };
  },
  'open-data.submitDataObjection': async (world) => {
    const applicant = world.org('data-operator');
    const body = { ...DATA_OBJECTION, dataReference: { resourceId: onApplicationDataset(world).id, description: '登记日期有误' } };
    return { reply: await world.on('open-data', 'POST', '/data-objections', { as: applicant, body }), reader: applicant };
  },
  'authorized-operation.createPlan': async (world) => ({ reply: await world.ao('POST', '/plans', { as: world.body, body: planContent([world.scopeItem()]) }), reader: world.body }),
  'authorized-operation.createSelection': async (world) => {
    const plan = await approvedPlan(world);
    return { reply: await world.ao('POST', '/selections', { as: world.body, body: { planId: plan.id, method: 'negotiation' } }), reader: world.body };
  },
  'authorized-operation.submitDataAccessRequest': async (world) => {
    const { authorizationId } = await signedSelection(world);
    const body = { authorizationId, scenario: { name: '线网优化', description: '' }, qualification: '三级等保。', dataNeeds: [world.scopeItem()], method: '平台内建模。', safeguards: '全程日志。' };
    return { reply: await world.ao('POST', '/data-access-requests', { as: world.operator, body }), reader: world.operator };
  },
  'authorized-operation.createProduct': async (world) => {
    const { authorizationId } = await signedSelection(world);
    const body = { authorizationId, name: '客流热力图 API', summary: '站点客流热力。', productForm: 'api', useCategory: 'industry', scenario: { name: '商业选址', description: '' }, scopeEntryIds: [world.scopeItem().entryId], chargingUnit: 'per_service', plannedVolume: 100 };
    return { reply: await world.ao('POST', '/products', { as: world.operator, body }), reader: world.operator };
  },
  'simulation.createSandbox': async (_world, call) => ({ reply: await call('POST', '/_sim/v1/sandboxes', { body: { profile: 'national', seed: 3 } }) }),
  'simulation.createWebhook': async (world, call) => ({
    reply: await call('POST', `/_sim/v1/sandboxes/${world.id}/webhooks`, { body: { organizationId: world.organizations[0]!.id, url: 'http://receiver.test/hook', secret: 'whsec-0123456789abcdef' } }),
  }),
  'simulation.importSnapshot': async (world, call) => {
    const snapshot = await call('GET', `/_sim/v1/sandboxes/${world.id}/snapshot`);
    return { reply: await call('POST', '/_sim/v1/sandboxes/import', { body: { id: `${world.id}_copy`, snapshot: snapshot.body } }) };
  },
};

/** Every operation of the served contracts whose 201 declares a `Location` header, as `spec.operationId`. */
function declaringLocation(): { spec: SpecName; operationId: string }[] {
  const found: { spec: SpecName; operationId: string }[] = [];
  for (const spec of SPEC_NAMES) {
    const doc = loadBundledSpec(spec) as { paths: Record<string, Record<string, any>>; components?: { headers?: Record<string, unknown> } };
    for (const item of Object.values(doc.paths)) {
      for (const operation of Object.values(item)) {
        const created = operation?.responses?.['201'];
        if (created?.headers && 'Location' in created.headers) found.push({ spec, operationId: operation.operationId });
      }
    }
  }
  return found;
}

/** The schema of an answer's JSON body, as the document writes it (a `$ref` kept). */
const bodySchema = (response: any): string => JSON.stringify(response?.content?.['application/json']?.schema ?? null);

/**
 * Every 201 of the served contracts whose created resource a GET reads — a GET of one item of
 * the collection it was posted to (`POST /demands` → `GET /demands/{demandId}`) or of its sibling
 * collection (`POST /sandboxes/import` → `GET /sandboxes/{sandboxId}`) answering the same schema —
 * as `spec.operationId`. Creates read only on another object (a bid on its selection, a renewal on
 * its registration) have none.
 */
function readableCreates(): string[] {
  const found: string[] = [];
  for (const spec of SPEC_NAMES) {
    const doc = loadBundledSpec(spec) as { paths: Record<string, Record<string, any>> };
    for (const [path, item] of Object.entries(doc.paths)) {
      const created = item['post']?.responses?.['201'];
      if (!created) continue;
      const collections = [path, path.slice(0, path.lastIndexOf('/'))];
      const readBy = Object.entries(doc.paths).some(([other, o]) =>
        collections.some((c) => other.startsWith(`${c}/{`) && /^\{[^/]+\}$/.test(other.slice(c.length + 1))) && bodySchema(o['get']?.responses?.['200']) === bodySchema(created));
      if (readBy) found.push(`${spec}.${item['post'].operationId}`);
    }
  }
  return found.sort();
}

describe('Location on 201', () => {
  const ctx = useAoMock();

  it('is declared by the operations this test drives, and by no other', () => {
    expect(declaringLocation().map(({ spec, operationId }) => `${spec}.${operationId}`).sort()).toEqual(Object.keys(RECIPES).sort());
  });

  it('is declared by exactly the operations whose created resource a GET reads', () => {
    expect(readableCreates()).toEqual(declaringLocation().map(({ spec, operationId }) => `${spec}.${operationId}`).sort());
  });

  it.each(declaringLocation())('$spec $operationId: an absolute path below the API root the request was sent to, naming the resource a GET reads', async ({ spec, operationId }) => {
    const world = await openAoWorld(ctx);
    const { reply, reader } = await RECIPES[`${spec}.${operationId}`]!(world, ctx.call);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const location = reply.headers.get('location');
    const root = spec === 'simulation' ? '/_sim/v1/' : `${world.base(spec as Exclude<SpecName, 'simulation'>)}/`;
    expect(location).toMatch(new RegExp(`^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.+/${reply.body.id}$`));
    const read = await ctx.call('GET', location!, reader ? { as: reader } : {});
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body.id).toBe(reply.body.id);
  });
});

describe('Location on 201, at the root and below a mount prefix', () => {
  it.each([
    ['in-process fetch', ''],
    ['msw setupServer, https below a path', '/gdx/mock'],
  ])('%s: the default sandbox has no sandbox prefix; a mount prefix is kept', async (transport, prefix) => {
    const mock = await startMock([createRegistrationPlatform({ spec: loadBundledSpec('registration') })], TRANSPORTS[transport]!);
    try {
      const registrant = ((await mock.call('GET', '/_sim/v1/sandboxes/default')).body.organizations as SeededOrg[]).find((o) => o.roles.includes('registrant'))!;
      const filed = await mock.call('POST', '/registration/v1/applications', { as: registrant, body: initialSubmission(registrant) });
      expect(filed.headers.get('location')).toBe(`${prefix}/registration/v1/applications/${filed.body.id}`);
      const created = await mock.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_here', profile: 'national' } });
      expect(created.headers.get('location')).toBe(`${prefix}/_sim/v1/sandboxes/sbx_here`);
      // Resolved against the URL the request went to, as a client does.
      const url = new URL(created.headers.get('location')!, `${mock.transport.baseUrl}/_sim/v1/sandboxes`);
      expect(JSON.parse(await (await mock.transport.fetch(url)).text()).id).toBe('sbx_here');
    } finally {
      await mock.close();
    }
  });
});
