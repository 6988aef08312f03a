import { describe, expect, it } from 'vitest';
import { seedDataOf } from '../../src/sandbox/seed-data-cache.js';
import { act, expectCatalog, getEntry, useCatalogMock } from './workflow-harness.js';

// Sandboxes of one seed share its drawn data (seedDataOf), read-only: what one sandbox does to a
// seeded entry must not show in another, and each keeps its own app keys.
describe('sandboxes of one seed', () => {
  const ctx = useCatalogMock();

  it('have the same seeded organisations and entries, with app keys of their own', async () => {
    const [a, b] = [await ctx.sandbox({ seed: 9 }), await ctx.sandbox({ seed: 9 })];
    expect(b.organizations.map((o) => o.creditCode)).toEqual(a.organizations.map((o) => o.creditCode));
    const keysOf = (sbx: typeof a) => new Set(sbx.organizations.map((o) => o.appKey));
    for (const key of keysOf(b)) expect(keysOf(a).has(key)).toBe(false);
    expect(b.organizations.every((o) => o.appKey.startsWith(`${b.id}.`))).toBe(true);
    const [first, second] = [await ctx.call('GET', `${a.catalog}/search?limit=50`), await ctx.call('GET', `${b.catalog}/search?limit=50`)];
    expect(second.body.items).toEqual(first.body.items);
  });

  it('keep a change to a seeded entry in the sandbox that made it', async () => {
    const [a, b] = [await ctx.sandbox({ seed: 9 }), await ctx.sandbox({ seed: 9 })];
    const seeded = (await ctx.call('GET', `${a.catalog}/search?limit=1`)).body.items[0];
    const providerIn = (sbx: typeof a) => sbx.view.organizations.find((o: { creditCode: string }) => o.creditCode === seeded.provider.creditCode);
    const changes = { updateCycle: 'real_time', summary: '只在一个沙箱中修改的摘要。' };
    expectCatalog(await ctx.call('POST', `${a.catalog}/entries/${seeded.id}/changes`, { as: providerIn(a), body: { changes } }), 'POST', '/entries/{entryId}/changes', 200);
    expect((await act(ctx, a, seeded.id, 'publish')).status).toBe(200);
    expect(await getEntry(ctx, a, providerIn(a), seeded.id)).toMatchObject({ state: 'published', version: seeded.version + 1, content: changes });

    const untouched = await getEntry(ctx, b, providerIn(b), seeded.id);
    expect(untouched).toMatchObject({ state: 'published', version: seeded.version, content: { summary: seeded.summary, updateCycle: seeded.updateCycle } });
    expect((await ctx.call('GET', `${b.catalog}/search?q=${encodeURIComponent('只在一个沙箱')}`)).body.total).toBe(0);
    expect((await ctx.call('GET', `${a.catalog}/search?q=${encodeURIComponent('只在一个沙箱')}`)).body.total).toBe(1);
  });

  it('keep a withdrawal, and a returned change edited again, in the sandbox that made them', async () => {
    const [a, b] = [await ctx.sandbox({ seed: 9 }), await ctx.sandbox({ seed: 9 })];
    const [first, second] = (await ctx.call('GET', `${a.catalog}/search?limit=2`)).body.items;
    const providerIn = (sbx: typeof a, entry: { provider: { creditCode: string } }) => sbx.view.organizations.find((o: { creditCode: string }) => o.creditCode === entry.provider.creditCode);
    const withdrawn = await ctx.call('POST', `${a.catalog}/entries/${first.id}/withdrawal`, { as: providerIn(a, first), body: { reason: { text: '只在一个沙箱中撤回' } } });
    expect(expectCatalog(withdrawn, 'POST', '/entries/{entryId}/withdrawal', 200)).toMatchObject({ state: 'withdrawn', reasons: [{ text: '只在一个沙箱中撤回' }] });
    // A change returned for correction, then edited: the record changes through both paths.
    const proposed = { summary: '退回后再修改的摘要。' };
    expectCatalog(await ctx.call('POST', `${a.catalog}/entries/${second.id}/changes`, { as: providerIn(a, second), body: { changes: proposed } }), 'POST', '/entries/{entryId}/changes', 200);
    expect((await act(ctx, a, second.id, 'return', { reasons: [{ text: '请补充字段说明' }] })).status).toBe(200);
    const edited = await ctx.call('PATCH', `${a.catalog}/entries/${second.id}`, { as: providerIn(a, second), body: { summary: '再次修改的摘要。' } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(await getEntry(ctx, a, providerIn(a, second), second.id)).toMatchObject({ content: { summary: '再次修改的摘要。' }, reasons: [{ text: '请补充字段说明' }] });

    expect(await getEntry(ctx, b, providerIn(b, first), first.id)).toMatchObject({ state: 'published', reasons: [], version: first.version });
    expect(await getEntry(ctx, b, providerIn(b, second), second.id)).toMatchObject({ state: 'published', reasons: [], content: { summary: second.summary } });
    expect((await ctx.call('GET', `${b.catalog}/search?limit=2`)).body.items.map((e: { id: string }) => e.id)).toEqual([first.id, second.id]);
    // A third sandbox of the seed starts as seeded, after both.
    const c = await ctx.sandbox({ seed: 9 });
    expect(await getEntry(ctx, c, providerIn(c, second), second.id)).toMatchObject({ state: 'published', reasons: [], content: { summary: second.summary } });
  });

  it('answer a search alike until one of them changes its catalog, and only that one then answers otherwise', async () => {
    const [a, b, c] = [await ctx.sandbox({ seed: 9 }), await ctx.sandbox({ seed: 9 }), await ctx.sandbox({ seed: 9 })];
    const search = async (sbx: typeof a) => (await ctx.call('GET', `${sbx.catalog}/search?limit=3`)).body;
    // The second and third answers are the page the first rendered (kept for the seed's sandboxes).
    const [pageA, pageB, pageC] = [await search(a), await search(b), await search(c)];
    expect(pageB).toEqual(pageA);
    expect(pageC).toEqual(pageA);

    const first = pageA.items[0];
    const provider = a.view.organizations.find((o: { creditCode: string }) => o.creditCode === first.provider.creditCode);
    const withdrawn = await ctx.call('POST', `${a.catalog}/entries/${first.id}/withdrawal`, { as: provider, body: { reason: { text: '只在一个沙箱中撤回' } } });
    expect(withdrawn.status).toBe(200);
    const after = await search(a);
    expect(after.total).toBe(pageA.total - 1);
    expect(after.items.map((e: { id: string }) => e.id)).not.toContain(first.id);
    expect(await search(b)).toEqual(pageA);
    expect(await search(c)).toEqual(pageA);
  });

  it("list a provider's seeded entries alike, and an entry one of them changed as changed there only", async () => {
    const [a, b] = [await ctx.sandbox({ seed: 9 }), await ctx.sandbox({ seed: 9 })];
    const first = (await ctx.call('GET', `${a.catalog}/search?limit=1`)).body.items[0];
    const providerIn = (sbx: typeof a) => sbx.view.organizations.find((o: { creditCode: string }) => o.creditCode === first.provider.creditCode);
    const list = async (sbx: typeof a) => (await ctx.call('GET', `${sbx.catalog}/entries?limit=200`, { as: providerIn(sbx) })).body;
    const [listA, listB] = [await list(a), await list(b)];
    expect(listB).toEqual(listA);
    const before = listA.items.find((e: { id: string }) => e.id === first.id);
    expect(before).toMatchObject({ state: 'published' });

    const withdrawn = await ctx.call('POST', `${a.catalog}/entries/${first.id}/withdrawal`, { as: providerIn(a), body: { reason: { text: '只在一个沙箱中撤回' } } });
    expect(withdrawn.status).toBe(200);
    const after = (await list(a)).items.find((e: { id: string }) => e.id === first.id);
    expect(after).toMatchObject({ state: 'withdrawn' });
    expect(after).toEqual(await getEntry(ctx, a, providerIn(a), first.id));
    expect(await list(b)).toEqual(listB);
  });

  it('share the drawn data frozen, so a platform cannot change it in place', () => {
    const data = seedDataOf({ id: 'sbx_frozen', seed: 9, profile: 'xiamen' });
    const entry = data.catalogEntries[0]!;
    expect(Object.isFrozen(entry) && Object.isFrozen(entry.items) && Object.isFrozen(entry.items[0])).toBe(true);
    expect(() => {
      (entry.items[0] as { name: string }).name = 'changed';
    }).toThrow(TypeError);
    expect(seedDataOf({ id: 'sbx_other', seed: 9, profile: 'xiamen' }).catalogEntries[0]).toBe(entry);
  });
});
