import { describe, expect, it } from 'vitest';
import { act, createDraft, entryContent, expectCatalog, getEntry, search, submit, useCatalogMock } from './workflow-harness.js';

describe('catalog: what other organisations see of an entry (published versions are public)', () => {
  const ctx = useCatalogMock();

  /** A sandbox with a provider, another organisation, and a draft of the provider. */
  async function setup(name: string) {
    const sbx = await ctx.sandbox();
    const [provider, reader] = sbx.providers;
    const draft = await createDraft(ctx, sbx, provider!, name);
    return { sbx, provider: provider!, reader: reader!, id: draft.id as string };
  }

  it('search hits carry the sharing and opening attributes and the data item names', async () => {
    const { sbx, provider, id } = await setup('有条件共享检索测试目录');
    await submit(ctx, sbx, provider, id);
    expect((await act(ctx, sbx, id, 'publish')).status).toBe(200);
    const content = entryContent();
    const page = await search(ctx, sbx, '有条件共享检索测试目录');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      id,
      sharingType: 'conditional',
      sharing: content.sharing,
      opening: content.opening,
      itemNames: ['号牌号码', '所有人身份证号'],
    });
    // Item details (types, sensitivity) stay on the entry.
    expect(page.items[0]).not.toHaveProperty('items');
  });

  it.each([
    ['national', '不予共享', '无条件开放'],
    ['xiamen', '暂不共享', '普遍开放'],
  ])('labels the sharing and opening facets as the %s profile names them', async (profile, notShared, open) => {
    const sbx = await ctx.sandbox({ profile });
    const page = expectCatalog(await ctx.call('GET', `${sbx.catalog}/search?limit=1`), 'GET', '/search', 200);
    const label = (facet: { value: string; label: string }[], value: string) => facet.find((b) => b.value === value)?.label;
    expect(label(page.facets.sharingType, 'not_shared')).toBe(notShared);
    expect(label(page.facets.openingType, 'open')).toBe(open);
  });

  it('every seeded hit names a not-shared resource’s legal basis and a conditional one’s conditions', async () => {
    const sbx = await ctx.sandbox();
    for (const sharingType of ['not_shared', 'conditional'] as const) {
      const reply = await ctx.call('GET', `${sbx.catalog}/search?sharingType=${sharingType}&limit=50`);
      const page = expectCatalog(reply, 'GET', '/search', 200);
      expect(page.items.length).toBeGreaterThan(0);
      for (const item of page.items) {
        expect(item.sharing.type).toBe(sharingType);
        expect(item.itemNames.length).toBeGreaterThan(0);
        if (sharingType === 'not_shared') expect(item.sharing.legalBasis).toEqual(expect.any(String));
        else expect(item.sharing.conditions.length).toBeGreaterThan(0);
      }
    }
  });

  it('an entry never published is 404 to others, in draft and under review', async () => {
    const { sbx, provider, reader, id } = await setup('未发布目录');
    for (const step of ['draft', 'submitted'] as const) {
      if (step === 'submitted') await submit(ctx, sbx, provider, id);
      const reply = await ctx.call('GET', `${sbx.catalog}/entries/${id}`, { as: reader });
      expect(reply.status, step).toBe(404);
      expect(reply.body.code).toBe('NOT_FOUND');
      expect((await getEntry(ctx, sbx, provider, id)).state).toBe(step);
    }
  });

  it('others read the published version while a change is reviewed and after it is returned; the provider reads everything', async () => {
    const { sbx, provider, reader, id } = await setup('变更期间公开版本目录');
    await submit(ctx, sbx, provider, id);
    await act(ctx, sbx, id, 'publish');
    const published = await getEntry(ctx, sbx, provider, id);
    // The same entry, but the history before publication (draft, review) is the provider's.
    expect(await getEntry(ctx, sbx, reader, id)).toEqual({ ...published, events: published.events.filter((e: { to: string }) => e.to === 'published') });
    expect(published.events.length).toBeGreaterThan(1);

    await ctx.call('POST', `${sbx.catalog}/entries/${id}/changes`, { as: provider, body: { changes: { grade: 'core', summary: '拟变更的摘要' } } });
    const seen = await getEntry(ctx, sbx, reader, id);
    expect(seen).toMatchObject({ state: 'published', version: 1, content: { grade: 'important', summary: entryContent().summary }, publishedContent: null, reasons: [], deadline: null });
    expect(seen.updatedAt).toBe(published.updatedAt);
    expect(seen.events.map((e: { to: string }) => e.to)).toEqual(['published']);
    expect(await getEntry(ctx, sbx, provider, id)).toMatchObject({ state: 'change_submitted', version: 2, content: { grade: 'core' }, deadline: { step: 'authority_review' } });

    await act(ctx, sbx, id, 'return', { reasons: [{ text: '分级依据不足' }] });
    expect(await getEntry(ctx, sbx, reader, id)).toMatchObject({ state: 'published', version: 1, content: { grade: 'important' }, reasons: [] });
    expect(await getEntry(ctx, sbx, provider, id)).toMatchObject({ state: 'returned', reasons: [{ text: '分级依据不足' }] });
    // The events log stays the provider's.
    expect((await ctx.call('GET', `${sbx.catalog}/entries/${id}/events`, { as: reader })).status).toBe(404);
  });

  it('others read the new version once a change is published, and nothing after withdrawal', async () => {
    const { sbx, provider, reader, id } = await setup('变更发布后公开目录');
    await submit(ctx, sbx, provider, id);
    await act(ctx, sbx, id, 'publish');
    await ctx.call('POST', `${sbx.catalog}/entries/${id}/changes`, { as: provider, body: { changes: { updateCycle: 'weekly' } } });
    await act(ctx, sbx, id, 'publish');
    const seen = await getEntry(ctx, sbx, reader, id);
    expect(seen).toMatchObject({ state: 'published', version: 2, content: { updateCycle: 'weekly' } });
    expect(seen.events.map((e: { to: string }) => e.to)).toEqual(['published', 'published']);

    await ctx.call('POST', `${sbx.catalog}/entries/${id}/withdrawal`, { as: provider, body: { reason: { text: '不再提供' } } });
    expect((await ctx.call('GET', `${sbx.catalog}/entries/${id}`, { as: reader })).status).toBe(404);
    expect((await getEntry(ctx, sbx, provider, id)).state).toBe('withdrawn');
  });

  it('a seeded entry reads the same to any organisation, and matches its search hit', async () => {
    const sbx = await ctx.sandbox();
    const [hit] = (await ctx.call('GET', `${sbx.catalog}/search?sharingType=conditional&limit=1`)).body.items;
    const reader = sbx.organizations.find((o) => o.creditCode !== hit.provider.creditCode)!;
    const entry = await getEntry(ctx, sbx, reader, hit.id);
    expect(entry).toMatchObject({ id: hit.id, state: 'published', version: hit.version, resourceCode: hit.resourceCode, modifiedOn: hit.modifiedOn });
    expect(entry.content.sharing).toEqual(hit.sharing);
    expect(entry.content.items.map((i: { name: string }) => i.name)).toEqual(hit.itemNames);
  });
});
