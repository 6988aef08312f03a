import { describe, expect, it } from 'vitest';
import { defaultPlatforms, type PlatformName } from '../../src/index.js';
import { entryContent } from '../catalog/workflow-harness.js';
import { applicationBy } from '../open-data/fixtures.js';
import { initialSubmission } from '../registration/harness.js';
import { requestBody } from '../sharing/fixtures.js';
import { expectContract, type SpecName } from '../support/contract.js';
import { usePlatforms } from '../support/harness.js';
import { openSandbox, type SeededOrg, type TestSandbox } from '../support/sandbox.js';

const ctx = usePlatforms(() => defaultPlatforms({ catalogEntries: 60 }));

type Body = (sbx: TestSandbox, as: SeededOrg) => Record<string, unknown>;

const functionChange = { kind: 'new_resource', effectiveOn: '2025-09-26', description: '新增关联数据资源' };

function sharedEntry(sbx: TestSandbox) {
  const entry = sbx.seed.catalogEntries.find((e) => e.state === 'published' && e.sharing.type === 'unconditional');
  if (!entry) throw new Error('no unconditional entry in the seed');
  return entry;
}

function openDataApplication(sbx: TestSandbox, as: SeededOrg) {
  const dataset = sbx.seed.datasets.find((d) => d.openingType === 'on_application');
  if (!dataset) throw new Error('no on_application dataset in the seed');
  return applicationBy(as, dataset);
}

// [platform, operationId, path, own list, required role, seeded org without it, seeded org with it, body]
const GUARDED: readonly (readonly [PlatformName & SpecName, string, string, string, string, string, string, Body])[] = [
  ['catalog', 'createEntry', '/entries', '/entries', 'data_provider', 'data-operator', 'civil-affairs', () => entryContent('角色校验测试目录')],
  // A duty to update the catalog falls on a provider: anyone else could never fulfil it.
  ['catalog', 'reportFunctionChange', '/function-changes', '/obligations', 'data_provider', 'audit', 'civil-affairs', () => functionChange],
  ['sharing', 'submitRequest', '/requests', '/requests', 'data_user', 'power-supply', 'civil-affairs', (sbx) => requestBody(sharedEntry(sbx))],
  ['registration', 'submitApplication', '/applications', '/applications', 'registrant', 'civil-affairs', 'power-supply', (_sbx, as) => initialSubmission(as)],
  ['open-data', 'submitApplication', '/applications', '/applications', 'applicant', 'civil-affairs', 'data-operator', openDataApplication],
];

async function sandbox(): Promise<TestSandbox> {
  return openSandbox(ctx, { profile: 'national', seed: 11, reviewerPolicy: { mode: 'manual' } });
}

async function ownTotal(sbx: TestSandbox, platform: PlatformName, path: string, as: SeededOrg): Promise<number> {
  const reply = await sbx.on(platform, 'GET', path, { as });
  expect(reply.status).toBe(200);
  return reply.body.total;
}

describe.each(GUARDED)('%s %s checks the caller role', (platform, operationId, path, list, role, without, withRole, body) => {
  it(`refuses an organisation without ${role} with 403 FORBIDDEN and stores nothing`, async () => {
    const sbx = await sandbox();
    const refused = sbx.org(without);
    expect(sbx.view.organizations.find((o: { id: string }) => o.id === refused.id).roles).not.toContain(role);
    const before = await ownTotal(sbx, platform, list, refused);
    const feedBefore = (await sbx.sim('GET', '/events?limit=200')).body.items.length;

    const reply = await sbx.on(platform, 'POST', path, { as: refused, body: body(sbx, refused), headers: { 'idempotency-key': `role-${platform}` } });
    expectContract(platform, operationId, reply, 403);
    expect(reply.body).toMatchObject({ code: 'FORBIDDEN', status: 403, requiredRole: role });
    expect(reply.body.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(reply.body.message.en).toMatch(/[A-Za-z]{3}/);
    expect(reply.body.detail).toContain(role);

    expect(await ownTotal(sbx, platform, list, refused)).toBe(before);
    expect((await sbx.sim('GET', '/events?limit=200')).body.items.length).toBe(feedBefore);
  });

  it(`accepts an organisation with ${role}`, async () => {
    const sbx = await sandbox();
    const allowed = sbx.org(withRole);
    const reply = await sbx.on(platform, 'POST', path, { as: allowed, body: body(sbx, allowed) });
    expectContract(platform, operationId, reply, 201);
    expect(await ownTotal(sbx, platform, list, allowed)).toBeGreaterThan(0);
  });

  it('answers an unsigned request 401 before the role check', async () => {
    const sbx = await sandbox();
    const reply = await sbx.on(platform, 'POST', path, { body: body(sbx, sbx.org(without)) });
    expectContract(platform, operationId, reply, 401);
  });
});
