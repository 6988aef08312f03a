import { describeResponse, isRecord } from '../../http/response.js';
import type { Check } from '../../runner/types.js';

const SOURCE = 'shared/domain/catalog.md §A catalog entry (search: facets, stable paging beyond 1,000 rows)';
const PAGE = 50;
const MAX_PAGES = 30;

/**
 * Catalog search checks (public, no simulation needed): `CAT-SEARCH-01` pages through the
 * published catalog and finds no id twice and no more ids than `total`; `CAT-SEARCH-02` finds
 * facets whose counts are non-negative integers.
 *
 * @example
 * ```ts
 * catalogChecks.map((c) => c.id); // ['CAT-SEARCH-01', 'CAT-SEARCH-02']
 * ```
 */
export const catalogChecks: Check[] = [
  {
    id: 'CAT-SEARCH-01',
    title: 'search paging is stable: no duplicates, never more than total',
    source: `${SOURCE}; docs/design.md §Paging`,
    area: 'workflow',
    platform: 'catalog',
    needsSimulation: false,
    async run(ctx) {
      const http = ctx.http(0);
      const seen = new Set<string>();
      let cursor: string | undefined;
      let total: unknown;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const res = await http.request('GET', 'catalog', '/search', { sign: false, query: { limit: PAGE, cursor } });
        ctx.expect.that(res.status === 200 && isRecord(res.body), `search page ${page + 1}`, '200', describeResponse(res));
        const body = res.body as Record<string, unknown>;
        total ??= body.total;
        for (const item of Array.isArray(body.items) ? body.items.filter(isRecord) : []) {
          const id = String(item.id);
          ctx.expect.that(!seen.has(id), `entry ${id} appears on one page only`, 'no duplicates', `again on page ${page + 1}`);
          seen.add(id);
        }
        if (typeof body.nextCursor !== 'string') break;
        cursor = body.nextCursor;
      }
      ctx.expect.that(typeof total === 'number' && seen.size <= total, 'ids seen never exceed total', `≤ ${String(total)}`, seen.size);
    },
  },
  {
    id: 'CAT-SEARCH-02',
    title: 'search answers facets with value, label and count',
    source: `${SOURCE}; docs/design.md §Paging (facets)`,
    area: 'workflow',
    platform: 'catalog',
    needsSimulation: false,
    async run(ctx) {
      const res = await ctx.http(0).request('GET', 'catalog', '/search', { sign: false, query: { limit: 1 } });
      const facets = isRecord(res.body) && isRecord(res.body.facets) ? res.body.facets : undefined;
      ctx.expect.that(facets !== undefined && Object.keys(facets).length > 0, 'search answers facets', 'a facets object', isRecord(res.body) ? res.body.facets : describeResponse(res));
      for (const [name, buckets] of Object.entries(facets ?? {})) {
        const ok = Array.isArray(buckets) && buckets.every((b) => isRecord(b) && typeof b.value === 'string' && Number.isInteger(b.count) && (b.count as number) >= 0);
        ctx.expect.that(ok, `facet "${name}" buckets have value and count`, '[{ value, label, count }]', buckets);
      }
    },
  },
];
