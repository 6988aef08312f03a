// Regression (issue 10): an entry the catalog API created and published, and its search found,
// was refused by the sharing platform with 404 "no published catalog resource".
import { loadBundledSpec } from '@gdx/openapi';
import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../src/index.js';
import { createCatalogPlatform } from '../../src/platforms/catalog/index.js';
import { createSharingPlatform } from '../../src/platforms/sharing/index.js';
import { seedDataOf } from '../../src/sandbox/seed-data-cache.js';
import { usePlatforms } from '../support/harness.js';
import { openSandbox } from '../support/sandbox.js';
import { TRANSPORTS } from '../support/transports.js';
import { entryContent } from '../catalog/workflow-harness.js';

const ctx = usePlatforms(
  () => [
    createCatalogPlatform({ spec: loadBundledSpec('catalog') as OpenApiDocument, seedData: seedDataOf }),
    createSharingPlatform({ spec: loadBundledSpec('sharing') as OpenApiDocument }),
  ],
  TRANSPORTS['node:http server']!,
  { logError: () => undefined },
);

describe('the catalog and sharing platforms agree on what is published', () => {
  it('refuses a request for a draft, and takes one once the catalog API published the entry', async () => {
    const sbx = await openSandbox(ctx, { profile: 'xiamen', seed: 42, reviewerPolicy: { mode: 'manual' }, clock: { mode: 'virtual' } });
    const provider = sbx.organizations.find((o) => o.roles.includes('data_provider'))!;
    const requester = sbx.organizations.find((o) => o.roles.includes('data_user') && o.id !== provider.id)!;
    const catalog = sbx.base('catalog');
    const draft = await ctx.call('POST', `${catalog}/entries`, { as: provider, body: entryContent('共享一致性测试资源') });
    expect(draft.status).toBe(201);
    const entryId = draft.body.id as string;
    const request = {
      entryId,
      scenario: { name: '低保资格核查', description: '核查申请人家庭情况' },
      purpose: '最低生活保障资格审核',
      fields: ['号牌号码'],
      deliveryMethod: 'api',
      periodOfUse: { from: '2025-10-01', to: '2026-09-30' },
      securityMeasures: '专网访问，调用日志留存 6 个月。',
      condition: 'specific_scenario',
    };
    const unpublished = await sbx.on('sharing', 'POST', '/requests', { as: requester, body: request });
    expect(unpublished.status).toBe(404);

    expect((await ctx.call('POST', `${catalog}/entries/${entryId}/submissions`, { as: provider })).status).toBe(200);
    const act = (action: string) => ctx.call('POST', `/_sim/v1/sandboxes/${sbx.id}/actions`, { body: { platform: 'catalog', objectType: 'entry', objectId: entryId, action } });
    expect((await act('publish')).status).toBe(200);
    expect((await ctx.call('GET', `${catalog}/search?q=${encodeURIComponent('共享一致性测试资源')}`)).body.total).toBe(1);

    const accepted = await sbx.on('sharing', 'POST', '/requests', { as: requester, body: request });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ entryId, state: 'under_review', provider: { creditCode: provider.creditCode } });
  });
});
