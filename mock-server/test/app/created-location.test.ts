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
  'open-data.submitApplication': async (world) => {
    const applicant = world.org('data-operator');
    const dataset = seedDataOf({ id: world.id, seed: world.view.seed, profile: 'national', startAt: Date.parse(world.view.createdAt) }, 40).datasets.find((d) => d.openingType === 'on_application');
    if (!dataset) throw new Error('no on_application dataset');
    return { reply: await world.on('open-data', 'POST', '/applications', { as: applicant, body: applicationBy(applicant, dataset) }), reader: applicant };
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

describe('Location on 201', () => {
  const ctx = useAoMock();

  it('is declared by the operations this test drives, and by no other', () => {
    expect(declaringLocation().map(({ spec, operationId }) => `${spec}.${operationId}`).sort()).toEqual(Object.keys(RECIPES).sort());
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
