import type { CatalogClient, SearchEntriesQuery, SearchEntriesResponse } from '@gdx/catalog';

/** One facet value with its count, as the platform returns it. */
export type FacetCount = SearchEntriesResponse['facets']['provider'][number];

/** A full-text search read facet by facet and walked page by page with the cursor. */
export interface FacetedSearchResult {
  query: SearchEntriesQuery;
  /** Hits over all pages, as the first page states it. */
  total: number;
  /** The facets of the filtered result (the same on every page). */
  facets: SearchEntriesResponse['facets'];
  /** The hit ids of each page, in order. */
  pages: string[][];
  /** The largest provider facet, and the total when that provider is added as a filter. */
  drillDown: { facet: FacetCount; total: number };
}

/**
 * Searches the public catalog with a Chinese full-text query and filters, reads the facet counts,
 * walks every page with the opaque `nextCursor`, then drills into the largest provider facet
 * (values of one facet are OR-ed, different facets AND-ed).
 *
 * @example
 * ```ts
 * const r = await facetedSearch(publicClient, { q: '信息', sharingType: 'conditional' }, 10);
 * r.facets.provider[0]; // { value: '1135…', label: '厦门市民政局', count: 9 }
 * ```
 */
export async function facetedSearch(client: CatalogClient, query: SearchEntriesQuery, pageSize: number): Promise<FacetedSearchResult> {
  const first = await client.search.queryPage({ ...query, limit: pageSize });
  const pages = [first.items.map((hit) => hit.id)];
  for (let cursor = first.nextCursor; cursor !== null; ) {
    const page = await client.search.queryPage({ ...query, limit: pageSize, cursor });
    pages.push(page.items.map((hit) => hit.id));
    cursor = page.nextCursor;
  }
  const top = [...first.facets.provider].sort((a, b) => b.count - a.count)[0];
  if (!top) throw new Error(`no provider facet for ${JSON.stringify(query)} (检索结果没有提供单位分面)`);
  const narrowed = await client.search.queryPage({ ...query, provider: top.value, limit: 1 });
  return { query, total: first.total, facets: first.facets, pages, drillDown: { facet: top, total: narrowed.total } };
}
