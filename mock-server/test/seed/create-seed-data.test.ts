import { isValidCreditCode } from '@gdx/identifiers';
import { describe, expect, it } from 'vitest';
import { createSeedData, parseScopedAppKey, scopeAppKey } from '../../src/sandbox/seed/index.js';
import { refuseInvalidContent } from '../../src/platforms/catalog/content-checks.js';
import { seedContent } from '../../src/platforms/catalog/workflow/content-mapping.js';
import { resolveProfile } from '@gdx/procedures';

describe('createSeedData', () => {
  const data = createSeedData({ seed: 'seed-a', profile: 'xiamen' });

  it('is deterministic per seed and differs between seeds', () => {
    expect(createSeedData({ seed: 'seed-a', profile: 'xiamen' })).toEqual(data);
    const other = createSeedData({ seed: 'seed-b', profile: 'xiamen' });
    expect(other.organizations.map((o) => o.appKey)).not.toEqual(data.organizations.map((o) => o.appKey));
    expect(other.catalogEntries.map((e) => e.sharing.type)).not.toEqual(data.catalogEntries.map((e) => e.sharing.type));
  });

  it('makes about thirty organisations with valid, unique credit codes and credentials', () => {
    expect(data.organizations.length).toBeGreaterThanOrEqual(28);
    for (const org of data.organizations) expect(isValidCreditCode(org.creditCode), `${org.name} ${org.creditCode}`).toBe(true);
    for (const field of ['id', 'creditCode', 'appKey', 'appSecret', 'slug'] as const) {
      expect(new Set(data.organizations.map((o) => o[field])).size).toBe(data.organizations.length);
    }
    const kinds = new Set(data.organizations.map((o) => o.kind));
    expect(kinds).toEqual(new Set(['agency', 'public_service', 'company']));
    const bySlug = new Map(data.organizations.map((o) => [o.slug, o]));
    expect(bySlug.get('data-authority')?.roles).toContain('data_authority');
    expect(bySlug.get('information-center')?.roles).toContain('platform_operator');
    expect(bySlug.get('registry')?.roles).toContain('registry');
    expect(bySlug.get('public-security')?.name).toBe('厦门市公安局');
  });

  it('places organisations in the profile home regions', () => {
    const im = createSeedData({ seed: 'seed-a', profile: 'inner-mongolia', count: 10 });
    expect(im.organizations.find((o) => o.slug === 'public-security')?.regionCode).toBe('150100');
    expect(im.organizations.find((o) => o.slug === 'upper-data-authority')?.regionCode).toBe('150000');
    for (const org of im.organizations) expect(isValidCreditCode(org.creditCode)).toBe(true);
    for (const org of data.organizations) expect(org.regionCode).toMatch(/^3502\d{2}$|^350000$/);
  });

  it('scopes app keys by sandbox id when asked', () => {
    const scoped = createSeedData({ seed: 'seed-a', profile: 'xiamen', sandboxId: 'sbx_1', count: 0 });
    scoped.organizations.forEach((org, i) => {
      const plain = data.organizations[i]?.appKey as string;
      expect(org.appKey).toBe(scopeAppKey('sbx_1', plain));
      expect(parseScopedAppKey(org.appKey)).toEqual({ sandboxId: 'sbx_1', appKey: plain });
    });
    expect(parseScopedAppKey('ak_plain')).toBeNull();
  });

  it('makes 300 entries with unique ids and codes and a realistic mix of sharing types', () => {
    const entries = data.catalogEntries;
    expect(entries).toHaveLength(300);
    expect(new Set(entries.map((e) => e.id)).size).toBe(300);
    expect(new Set(entries.map((e) => e.resourceCode)).size).toBe(300);
    const share = (t: string) => entries.filter((e) => e.sharing.type === t).length / entries.length;
    expect(share('unconditional')).toBeGreaterThan(0.5);
    expect(share('unconditional')).toBeLessThan(0.72);
    expect(share('conditional')).toBeGreaterThan(0.2);
    expect(share('conditional')).toBeLessThan(0.4);
    expect(share('not_shared')).toBeGreaterThan(0.05);
    expect(share('not_shared')).toBeLessThan(0.16);
    for (const facet of [(e: (typeof entries)[number]) => e.domain, (e: (typeof entries)[number]) => e.grade, (e: (typeof entries)[number]) => e.region.code, (e: (typeof entries)[number]) => e.updateCycle]) {
      expect(new Set(entries.map(facet)).size).toBeGreaterThan(2);
    }
  });

  it('keeps every entry internally consistent', () => {
    const orgIds = new Map(data.organizations.map((o) => [o.id, o]));
    for (const e of data.catalogEntries) {
      expect(orgIds.get(e.provider.organizationId)?.creditCode).toBe(e.provider.creditCode);
      if (e.sharing.type === 'not_shared') {
        expect(e.sharing.legalBasis).toMatch(/《.+》/);
        expect(e.sharing.deliveryMethods).toEqual([]);
        expect(e.opening.type).toBe('not_open');
      } else {
        expect(e.sharing.deliveryMethods.length).toBeGreaterThan(0);
      }
      if (e.sharing.type === 'conditional') expect(e.sharing.conditions.length).toBeGreaterThan(0);
      expect(e.items.length).toBeGreaterThan(0);
      expect(e.publishedOn! < '2025-09-26').toBe(true);
      expect(e.modifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(e.modifiedAt.slice(0, 10) >= e.publishedOn!).toBe(true);
      for (const row of e.sampleData) {
        for (const item of e.items.filter((d) => d.sensitive)) expect(row[item.name]).toBe('***');
      }
    }
  });

  // A provider proposing a change to a seeded entry sends its content back: the catalog must take it.
  it('draws every entry so the catalog would accept its content (names, item names, attributes agree with their type)', () => {
    for (const profile of ['xiamen', 'national', 'inner-mongolia']) {
      for (const e of createSeedData({ seed: `content-${profile}`, profile, count: 1000 }).catalogEntries) {
        expect(() => refuseInvalidContent(seedContent(e), '', resolveProfile(profile).labels), `${e.id} ${e.name}`).not.toThrow();
      }
    }
    for (const e of data.catalogEntries) expect(() => refuseInvalidContent(seedContent(e), '', resolveProfile('national').labels), e.name).not.toThrow();
  });

  it('derives open datasets from entries that are not not_open, without sensitive fields', () => {
    const openable = data.catalogEntries.filter((e) => e.opening.type !== 'not_open');
    expect(data.datasets.map((d) => d.entryId)).toEqual(openable.map((e) => e.id));
    for (const d of data.datasets) {
      expect(d.fields.every((f) => !f.sensitive)).toBe(true);
      expect(d.files.length + (d.api ? 1 : 0)).toBeGreaterThan(0);
    }
  });

  it('publishes opening plans per provider for this year and last year, drawn from its own catalog', () => {
    const entries = new Map(data.catalogEntries.map((e) => [e.id, e]));
    expect(data.openingPlans.length).toBeGreaterThan(10);
    for (const plan of data.openingPlans) {
      expect([2024, 2025]).toContain(plan.year);
      for (const item of plan.items) {
        expect(entries.get(item.entryId)?.provider.organizationId).toBe(plan.provider.organizationId);
        expect(item.plannedOn.startsWith(String(plan.year))).toBe(true);
      }
    }
  });

  it('generates larger catalogs on request', () => {
    const big = createSeedData({ seed: 'big', count: 2000 });
    expect(big.catalogEntries).toHaveLength(2000);
    expect(new Set(big.catalogEntries.map((e) => e.name)).size).toBeGreaterThan(1500);
  });
});
