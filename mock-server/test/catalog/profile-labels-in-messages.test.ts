// The sharing and opening types are stable values with per-profile names (sharing.md: 暂不共享 in
// Xiamen, 不予共享 nationally; open-data.md: 普遍开放 / 依申请开放 in Xiamen, 无条件开放 / 有条件开放
// nationally). The Chinese messages of the catalog's attribute checks and of the open-data
// DATASET_OPEN refusal name them as the sandbox's profile does.
import { describe, expect, it } from 'vitest';
import { createCatalogPlatform } from '../../src/platforms/catalog/index.js';
import { createOpenDataPlatform } from '../../src/platforms/open-data/index.js';
import { seedDataOf } from '../../src/sandbox/seed-data-cache.js';
import { expectContract } from '../support/contract.js';
import { usePlatforms } from '../support/harness.js';
import { openWorld } from '../support/world.js';
import { APPLICANT, applicationBy } from '../open-data/fixtures.js';
import { sharedContract } from '../../src/app/shared-contracts.js';

const ctx = usePlatforms(() => [
  createCatalogPlatform({ spec: sharedContract('catalog'), seedData: seedDataOf }),
  createOpenDataPlatform({ spec: sharedContract('open-data'), seedData: seedDataOf }),
]);

const contradicting = {
  name: '类型用语测试资源', summary: '测试。', catalogKind: 'government', level: 'city', region: '350200',
  classification: { category: '基础信息' }, domain: '法人',
  items: [{ name: '号牌号码', dataType: 'string', length: 16, description: '号牌', sensitive: false }],
  sharing: { type: 'not_shared', legalBasis: '《中华人民共和国个人信息保护法》第十三条', deliveryMethods: ['file'] },
  opening: { type: 'open', conditions: ['usage_feedback'] },
  updateCycle: 'daily', formats: ['CSV'], grade: 'general',
};

describe.each([
  { profile: 'xiamen', notShared: '暂不共享', open: '普遍开放', onApplication: '依申请开放' },
  { profile: 'national', notShared: '不予共享', open: '无条件开放', onApplication: '有条件开放' },
])('$profile: messages name the types as the profile does', ({ profile, notShared, open, onApplication }) => {
  it(`catalog attribute checks say ${notShared} and ${onApplication}; NOT_RECLASSIFIABLE and DATASET_OPEN say ${open}`, async () => {
    const world = await openWorld(ctx, { profile });
    const provider = world.org('public-security');
    const refused = await world.on('catalog', 'POST', '/entries', { as: provider, body: contradicting });
    expectContract('catalog', 'createEntry', refused, 400);
    const zh = Object.fromEntries(refused.body.errors.map((e: { pointer: string; message: { zh: string } }) => [e.pointer, e.message.zh]));
    expect(zh['/sharing/deliveryMethods']).toBe(`${notShared}的资源不向任何部门提供，不得列明共享方式`);
    expect(zh['/opening/conditions']).toBe(`开放条件仅适用于${onApplication}，${open}的资源不得列明开放条件（厦门 第二十四条）`);

    const created = await world.on('catalog', 'POST', '/entries', { as: provider, body: { ...contradicting, sharing: { type: 'unconditional', deliveryMethods: ['file'] }, opening: { type: 'open' } } });
    expect((await world.on('catalog', 'POST', `/entries/${created.body.id}/submissions`, { as: provider, body: {} })).status).toBe(200);
    expect((await world.act({ platform: 'catalog', objectType: 'entry', objectId: created.body.id, action: 'publish' })).status).toBe(200);
    const ground = { kind: 'desensitisation', description: '已脱敏。' };
    const reclassified = await world.on('catalog', 'POST', `/entries/${created.body.id}/reclassification`, { as: provider, body: { openingType: 'open', ground } });
    expectContract('catalog', 'reclassifyEntry', reclassified, 409);
    expect(reclassified.body.message.zh).toBe(`只有不予开放的资源可以重新分类为${open}或${onApplication}`);

    const dataset = world.seed.datasets.find((d) => d.openingType === 'open')!;
    const applicant = world.org(APPLICANT);
    const applied = await world.openData('POST', '/applications', { as: applicant, body: applicationBy(applicant, { ...dataset, openingConditions: [] }) });
    expectContract('open-data', 'submitApplication', applied, 400);
    expect(applied.body.errors).toEqual([expect.objectContaining({ pointer: '/datasetIds/0', code: 'DATASET_OPEN', message: expect.objectContaining({ zh: `该数据集为${open}，无需申请` }) })]);
  });
});
