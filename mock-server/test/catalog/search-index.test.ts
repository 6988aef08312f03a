import { describe, expect, it } from 'vitest';
import { CatalogSearchError, CatalogSearchIndex, type FacetName } from '../../src/platforms/catalog/index.js';
import { createSeedData, type CatalogEntry } from '../../src/sandbox/seed/index.js';

const seed = createSeedData({ seed: 'search', profile: 'xiamen' });

function pageAll(index: CatalogSearchIndex, query: Parameters<CatalogSearchIndex['search']>[0], between?: (page: number) => void): CatalogEntry[] {
  const seen: CatalogEntry[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page += 1) {
    const result = index.search({ ...query, ...(cursor ? { cursor } : {}) });
    seen.push(...result.items);
    if (!result.nextCursor) return seen;
    cursor = result.nextCursor;
    between?.(page);
  }
  throw new Error('paging did not end');
}

describe('CatalogSearchIndex: Chinese full text', () => {
  const index = new CatalogSearchIndex(seed.catalogEntries);

  it.each([
    ['人口', '人口基础信息'],
    ['基础信息', '人口基础信息'],
    ['企业登记', '企业登记信息'],
    ['空气质量', '空气质量监测数据'],
    ['公积金 贷款', '住房公积金贷款信息'],
  ])('%s ranks %s first', (q, name) => {
    const result = index.search({ q });
    expect(result.items[0]?.name).toBe(name);
  });

  it('matches every required bigram and nothing else', () => {
    const result = index.search({ q: '婚姻登记', limit: 200 });
    expect(result.total).toBeGreaterThan(0);
    const haystack = (e: CatalogEntry) => [e.name, e.summary, ...e.items.flatMap((d) => [d.name, d.description])].join(' ');
    for (const entry of result.items) expect(haystack(entry)).toMatch(/婚姻/);
    const expected = seed.catalogEntries.filter((e) => /婚姻/.test(haystack(e)) && /姻登/.test(haystack(e)) && /登记/.test(haystack(e)));
    expect(result.total).toBe(expected.length);
  });

  it('normalises full-width Latin text and finds it in data items', () => {
    const result = index.search({ q: 'ＰＭ２.５', limit: 200 });
    expect(result.total).toBeGreaterThan(0);
    for (const e of result.items) expect(e.items.map((d) => d.name)).toContain('PM2.5浓度');
  });

  it('finds data item names and single characters', () => {
    expect(index.search({ q: '溶解氧' }).items[0]?.name).toMatch(/地表水/);
    expect(index.search({ q: '氧' }).total).toBeGreaterThan(0);
    expect(index.search({ q: '不存在的资源名称' }).total).toBe(0);
  });

  it('sorts by modified date, newest first, without a query', () => {
    const { items } = index.search({ limit: 50 });
    const times = items.map((e) => Date.parse(e.modifiedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe('CatalogSearchIndex: filters and facets', () => {
  const index = new CatalogSearchIndex(seed.catalogEntries);

  it('counts facets over the filtered result', () => {
    const filters = { sharingType: ['conditional', 'not_shared'], domain: ['人口', '社保', '医疗'] };
    const result = index.search({ filters, limit: 5 });
    const expected = seed.catalogEntries.filter((e) => filters.sharingType.includes(e.sharing.type) && filters.domain.includes(e.domain));
    expect(result.total).toBe(expected.length);
    const count = (facet: FacetName, value: string) => result.facets[facet].find((b) => b.value === value)?.count ?? 0;
    for (const grade of ['general', 'important', 'core']) expect(count('grade', grade)).toBe(expected.filter((e) => e.grade === grade).length);
    for (const org of seed.organizations) {
      expect(count('provider', org.creditCode)).toBe(expected.filter((e) => e.provider.creditCode === org.creditCode).length);
    }
    expect(result.facets.sharingType.map((b) => b.value).sort()).toEqual(['conditional', 'not_shared']);
    expect(result.facets.sharingType.find((b) => b.value === 'conditional')?.label).toBe('有条件共享');
    const sum = result.facets.region.reduce((s, b) => s + b.count, 0);
    expect(sum).toBe(expected.length);
  });

  it('combines text and filters', () => {
    const result = index.search({ q: '信息', filters: { openingType: ['open'], region: ['350200'] }, limit: 200 });
    expect(result.total).toBeGreaterThan(0);
    for (const e of result.items) {
      expect(e.opening.type).toBe('open');
      expect(e.region.code).toBe('350200');
    }
  });

  it('reflects upserts and removals', () => {
    const local = new CatalogSearchIndex(seed.catalogEntries);
    const first = seed.catalogEntries[0] as CatalogEntry;
    local.upsert({ ...first, name: '海洋渔业捕捞许可信息' });
    expect(local.search({ q: '海洋渔业' }).items.map((e) => e.id)).toEqual([first.id]);
    expect(local.search({ q: '人口基础信息' }).items.map((e) => e.id)).not.toContain(first.id);
    local.remove(first.id);
    expect(local.search({ q: '海洋渔业' }).total).toBe(0);
    expect(local.size).toBe(seed.catalogEntries.length - 1);
  });

  // Entries are tokenised by the first search after they are published, not when published.
  it('answers the same whether entries changed before or after the first search', () => {
    const [first, second] = seed.catalogEntries as [CatalogEntry, CatalogEntry];
    const edited = { ...first, name: '海洋渔业捕捞许可信息' };
    const never = new CatalogSearchIndex(seed.catalogEntries);
    never.upsert(edited);
    never.remove(second.id);
    const searched = new CatalogSearchIndex(seed.catalogEntries);
    searched.search({ q: '人口' });
    searched.upsert(edited);
    searched.remove(second.id);
    for (const q of ['海洋渔业', second.name, '人口', '']) expect(never.search({ q, limit: 200 })).toEqual(searched.search({ q, limit: 200 }));
    expect(never.search({ q: '海洋渔业' }).items.map((e) => e.id)).toEqual([first.id]);
    expect(never.get(second.id)).toBeUndefined();
    expect(never.entries().map((e) => e.id)).toEqual(searched.entries().map((e) => e.id));
  });
});

describe('CatalogSearchIndex: cursor paging', () => {
  const big = createSeedData({ seed: 'paging', count: 1800 }).catalogEntries;

  it.each([
    [{ limit: 37 }],
    [{ q: '信息', limit: 200 }],
    [{ q: '信息', sort: 'modified' as const, limit: 50 }],
    [{ filters: { sharingType: ['unconditional', 'conditional'] }, limit: 100 }],
  ])('pages through all matches with no duplicates or gaps: %j', (query) => {
    const index = new CatalogSearchIndex(big);
    const total = index.search({ ...query, limit: 1 }).total;
    expect(total).toBeGreaterThan(1000);
    const seen = pageAll(index, query);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((e) => e.id)).size).toBe(total);
  });

  it('stays stable when entries are inserted between pages', () => {
    const index = new CatalogSearchIndex(big.slice(0, 1500));
    const original = new Set(big.slice(0, 1500).map((e) => e.id));
    let next = 1500;
    const seen = pageAll(index, { q: '信息', limit: 100 }, () => {
      for (let i = 0; i < 20 && next < big.length; i += 1) index.upsert(big[next++] as CatalogEntry);
    });
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const originalMatches = new CatalogSearchIndex(big.slice(0, 1500)).search({ q: '信息', limit: 1 }).total;
    expect(ids.filter((id) => original.has(id))).toHaveLength(originalMatches);
  });

  it('rejects cursors of another query, garbage cursors and out-of-range limits', () => {
    const index = new CatalogSearchIndex(big);
    const cursor = index.search({ q: '人口', limit: 5 }).nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof CatalogSearchError ? e.code : 'other';
      }
      return 'none';
    };
    expect(codeOf(() => index.search({ q: '法人', cursor }))).toBe('CURSOR_MISMATCH');
    expect(codeOf(() => index.search({ q: '人口', sort: 'modified', cursor }))).toBe('CURSOR_MISMATCH');
    expect(codeOf(() => index.search({ cursor: 'not-a-cursor' }))).toBe('CURSOR_INVALID');
    expect(codeOf(() => index.search({ limit: 0 }))).toBe('LIMIT_OUT_OF_RANGE');
    expect(codeOf(() => index.search({ limit: 201 }))).toBe('LIMIT_OUT_OF_RANGE');
    expect(codeOf(() => index.search({ q: '人口', limit: 5, cursor }))).toBe('none');
  });
});

describe('CatalogSearchIndex.seed: one shared base per frozen seed list', () => {
  const deepFrozen = <T>(value: T): T => {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const inner of Object.values(value)) deepFrozen(inner);
    }
    return value;
  };
  const frozen = deepFrozen(structuredClone(seed.catalogEntries));
  const queries: Parameters<CatalogSearchIndex['search']>[0][] = [
    {},
    { q: '人口', limit: 7 },
    { q: '登记 信息', filters: { sharingType: ['conditional', 'unconditional'] }, limit: 13 },
    { filters: { grade: ['general'] }, sort: 'modified', limit: 50 },
  ];
  /** Every page of each query, and the facets of its first page. */
  const answers = (index: CatalogSearchIndex) =>
    queries.map((query) => ({ ids: pageAll(index, query).map((e) => e.id), facets: index.search(query).facets, total: index.search(query).total }));
  const plain = () => {
    const index = new CatalogSearchIndex();
    for (const entry of frozen) index.upsert(entry);
    return index;
  };

  it('answers exactly as an index that upserted the same entries one by one', () => {
    const seeded = new CatalogSearchIndex();
    seeded.seed(frozen);
    expect(seeded.size).toBe(frozen.length);
    expect(answers(seeded)).toEqual(answers(plain()));
  });

  it('keeps what one index changes out of the base and out of the other indices of the seed', () => {
    const [changed, untouched] = [new CatalogSearchIndex(), new CatalogSearchIndex()];
    changed.seed(frozen);
    untouched.seed(frozen);
    expect(untouched.search({ q: '人口' }).total).toBeGreaterThan(0); // the base is built and adopted
    const [first, second] = frozen as [CatalogEntry, CatalogEntry];
    changed.upsert({ ...first, name: '只在一个索引中的名称', sharing: { ...first.sharing, type: 'not_shared', legalBasis: '测试' } });
    changed.remove(second.id);

    const reference = plain();
    reference.upsert({ ...first, name: '只在一个索引中的名称', sharing: { ...first.sharing, type: 'not_shared', legalBasis: '测试' } });
    reference.remove(second.id);
    expect(answers(changed)).toEqual(answers(reference));
    expect(changed.search({ q: '只在一个索引' }).total).toBe(1);

    expect(answers(untouched)).toEqual(answers(plain()));
    const fresh = new CatalogSearchIndex();
    fresh.seed(frozen);
    expect(answers(fresh)).toEqual(answers(plain()));
    expect(fresh.search({ q: '只在一个索引' }).total).toBe(0);
  });

  it('keeps a change made after searching the shared base out of the base', () => {
    const [changed, other] = [new CatalogSearchIndex(), new CatalogSearchIndex()];
    changed.seed(frozen);
    other.seed(frozen);
    // Both read the base as it is; the first change copies it.
    expect(answers(changed)).toEqual(answers(other));
    const [first, second, third] = frozen as [CatalogEntry, CatalogEntry, CatalogEntry];
    changed.remove(second.id);
    changed.upsert({ ...first, name: '搜索之后才修改的名称' });
    changed.upsert({ ...third, id: 'ent_added_after_search' });

    const reference = plain();
    reference.remove(second.id);
    reference.upsert({ ...first, name: '搜索之后才修改的名称' });
    reference.upsert({ ...third, id: 'ent_added_after_search' });
    expect(answers(changed)).toEqual(answers(reference));
    expect(changed.size).toBe(frozen.length);
    expect(other.size).toBe(frozen.length);
    expect(other.get(second.id)).toBe(second);
    expect(other.get('ent_added_after_search')).toBeUndefined();
    expect(answers(other)).toEqual(answers(plain()));
  });

  it('indexes a list that is not frozen entry by entry, as upsert would', () => {
    const index = new CatalogSearchIndex();
    index.seed(seed.catalogEntries);
    expect(answers(index)).toEqual(answers(plain()));
  });
});
