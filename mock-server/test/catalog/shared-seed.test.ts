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
