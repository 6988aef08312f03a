// The open-data platform lists the catalog's published resources that are not `not_open`
// (open-data.md "Datasets"): what the catalog publishes or withdraws shows here at once.
import { loadBundledSpec } from '@gdx/openapi';
import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../../src/index.js';
import { createOpenDataPlatform } from '../../src/platforms/open-data/index.js';
import { seedDataOf } from '../../src/sandbox/seed-data-cache.js';
import { act, createDraft, entryContent, submit, useCatalogMock } from '../catalog/workflow-harness.js';

describe('open datasets follow the catalog platform', () => {
  const ctx = useCatalogMock(undefined, {}, () => [createOpenDataPlatform({ spec: loadBundledSpec('open-data') as OpenApiDocument, seedData: seedDataOf })]);

  it('a new open entry appears once published, and leaves when withdrawn; a seeded dataset leaves with its entry', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const openData = sbx.base('open-data');
    const find = async (q: string) => (await ctx.call('GET', `${openData}/datasets?q=${encodeURIComponent(q)}`)).body.items;

    const draft = expectDraft(await ctx.call('POST', `${sbx.catalog}/entries`, { as: me, body: { ...entryContent('目录同步开放测试资源'), opening: { type: 'open', conditions: [] } } }));
    await submit(ctx, sbx, me, draft.id);
    expect(await find('目录同步开放测试资源')).toEqual([]);
    await act(ctx, sbx, draft.id, 'publish');
    const [dataset] = await find('目录同步开放测试资源');
    expect(dataset).toMatchObject({ entryId: draft.id, openingType: 'open' });

    await ctx.call('POST', `${sbx.catalog}/entries/${draft.id}/withdrawal`, { as: me, body: { reason: { text: '资源停止提供' } } });
    expect(await find('目录同步开放测试资源')).toEqual([]);
    expect((await ctx.call('GET', `${openData}/datasets/${dataset.id}`)).status).toBe(404);

    const seeded = seedDataOf({ id: sbx.id, seed: 42, profile: 'xiamen', startAt: Date.parse('2025-09-26T10:00:00+08:00') }).datasets[0]!;
    expect((await ctx.call('GET', `${openData}/datasets/${seeded.id}`)).status).toBe(200);
    expect((await act(ctx, sbx, seeded.entryId, 'withdraw', { reasons: [{ text: '数据已停止更新' }] })).status).toBe(200);
    expect((await ctx.call('GET', `${openData}/datasets/${seeded.id}`)).status).toBe(404);
  });

  it('a not_open draft published stays off the list', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const draft = await createDraft(ctx, sbx, me, '目录同步不予开放测试资源');
    await submit(ctx, sbx, me, draft.id);
    await act(ctx, sbx, draft.id, 'publish');
    expect((await ctx.call('GET', `${sbx.base('open-data')}/datasets?q=${encodeURIComponent('目录同步不予开放测试资源')}`)).body.items).toEqual([]);
  });
});

function expectDraft(reply: { status: number; body: any }): any {
  expect(reply.status).toBe(201);
  return reply.body;
}
