import type { OperationContext, OperationHandler, OperationResult } from '../../app/platform-module.js';
import { cursorMismatchError, invalidCursorError, invalidCursorProblem, joinJson } from '../../app/paging.js';
import { unknownId } from '../../app/unknown-id.js';
import type { CatalogEntry } from '../../sandbox/seed/types.js';
import { CATALOG_ENTRY } from './object-kinds.js';
import type { CatalogState } from './catalog-state.js';
import { dcatCatalog, dcatEntry } from './dcat/dcat-export.js';
import { FACET_NAMES, type FacetBucket, type FacetName } from './search/facets.js';
import { CatalogSearchError } from './search/search-error.js';
import type { CatalogSearchIndex } from './search/search-index.js';
import { SearchPageCache } from './search/search-page-cache.js';
import { toEntrySummary } from './wire-views.js';

const JSON_LD = { 'content-type': 'application/ld+json' } as const;

/** Options shared by the public handlers. */
export interface PublicOperationOptions {
  /** Root under which DCAT IRIs are minted, per sandbox; stable, independent of the request host. */
  dcatBaseUrl(ctx: OperationContext<CatalogState>): string;
}

/** Summaries as JSON by entry: an indexed entry is never changed in place (a new version is a new object). */
const summaries = new WeakMap<CatalogEntry, string>();

function summaryJson(entry: CatalogEntry): string {
  let json = summaries.get(entry);
  if (json === undefined) summaries.set(entry, (json = JSON.stringify(toEntrySummary(entry))));
  return json;
}

/**
 * Rendered answers by `CatalogSearchIndex.answerScope`: shared by the sandboxes of a seed while
 * their catalogs are as seeded (a conformance run asks each of its ~45 sandboxes that search for
 * the same first page), else the index's own (a sandbox's reset or import makes a new index, and
 * so a new cache).
 */
const pageCaches = new WeakMap<object, SearchPageCache>();

function pageCacheOf(index: CatalogSearchIndex): SearchPageCache {
  const scope = index.answerScope;
  let cache = pageCaches.get(scope);
  if (cache === undefined) pageCaches.set(scope, (cache = new SearchPageCache()));
  return cache;
}

/** The labels' part of a search page's cache key, made once per profile's labels object (read on every search). */
const labelKeys = new WeakMap<object, string>();
function labelKeyOf(labels: { sharingType: object; openingType: object }): string {
  let key = labelKeys.get(labels);
  if (key === undefined) labelKeys.set(labels, (key = JSON.stringify([labels.sharingType, labels.openingType])));
  return key;
}

/** Facet buckets with the profile's label of each value (the index's own where the profile has none). */
function relabel(buckets: readonly FacetBucket[], labels: Readonly<Record<string, string>>): FacetBucket[] {
  return buckets.map((b) => ({ value: b.value, label: labels[b.value] ?? b.label, count: b.count }));
}

function searchEntries(ctx: OperationContext<CatalogState>): OperationResult {
  const q = typeof ctx.query.q === 'string' ? ctx.query.q : undefined;
  const limit = typeof ctx.query.limit === 'number' ? ctx.query.limit : undefined;
  const cursor = typeof ctx.query.cursor === 'string' ? ctx.query.cursor : undefined;
  const filters: Partial<Record<FacetName, string[]>> = {};
  for (const facet of FACET_NAMES) {
    const value = ctx.query[facet];
    if (typeof value === 'string' && value !== '') filters[facet] = [value];
  }
  const { index } = ctx.state;
  const cache = pageCacheOf(index);
  // The profile names the sharing and opening types (不予共享 nationally, 暂不共享 in Xiamen); the
  // index, shared by the sandboxes of a seed, holds one set of labels.
  const { labels } = ctx.state.workflow.host.procedures.profile;
  // Everything the answer depends on besides the indexed entries (the cache's generation).
  const key = JSON.stringify([q, limit, cursor, FACET_NAMES.map((facet) => filters[facet]?.[0] ?? null), labelKeyOf(labels)]);
  const cached = cache.get(key, index.generation);
  if (cached !== undefined) return { status: 200, json: cached };
  try {
    const result = index.search({ ...(q !== undefined ? { q } : {}), filters, ...(limit !== undefined ? { limit } : {}), ...(cursor !== undefined ? { cursor } : {}) });
    // The same JSON as `{ ...result, items: result.items.map(toEntrySummary) }`, with each entry's
    // summary rendered once: serialising the page was half of a search's time (bench/HISTORY.md).
    const items = joinJson(result.items.map(summaryJson));
    const facets = { ...result.facets, sharingType: relabel(result.facets.sharingType, labels.sharingType), openingType: relabel(result.facets.openingType, labels.openingType) };
    const json = `{"items":[${items}],"nextCursor":${JSON.stringify(result.nextCursor)},"total":${result.total},"facets":${JSON.stringify(facets)}}`;
    cache.offer(key, index.generation, json);
    return { status: 200, json };
  } catch (error) {
    if (!(error instanceof CatalogSearchError)) throw error;
    // A bad cursor is answered as every list answers it (the contract's BadRequest names the code).
    if (error.code === 'CURSOR_INVALID') return ctx.problem('INVALID_CURSOR', invalidCursorProblem(cursor, invalidCursorError(error.messages)));
    if (error.code === 'CURSOR_MISMATCH') return ctx.problem('INVALID_CURSOR', invalidCursorProblem(cursor, cursorMismatchError()));
    return ctx.problem('VALIDATION_FAILED', {
      detail: error.messages.en,
      errors: [{ pointer: error.pointer, code: error.code, message: error.messages }],
    });
  }
}

/** The data authority of the sandbox publishes the catalog; fall back to a neutral publisher. */
function catalogPublisher(ctx: OperationContext<CatalogState>): { creditCode: string; name: string } {
  const authority = ctx.sandbox.organisations().find((o) => o.roles.includes('data_authority'));
  return authority ? { creditCode: authority.creditCode, name: authority.name } : { creditCode: 'unknown', name: '数据主管部门' };
}

/**
 * The public (unsigned) catalog operations: search, and the DCAT-AP 3 export of the catalog and
 * of one entry.
 *
 * @example
 * ```ts
 * const ops = publicOperations({ dcatBaseUrl: (ctx) => `https://gdx.dev/sandboxes/${ctx.sandbox.id}/catalog/v1` });
 * ops.searchEntries(ctx).status; // 200
 * ```
 */
export function publicOperations(options: PublicOperationOptions): Record<'searchEntries' | 'exportDcat' | 'getDcatEntry', OperationHandler<CatalogState>> {
  return {
    searchEntries,
    exportDcat: (ctx) => ({
      status: 200,
      headers: JSON_LD,
      body: dcatCatalog(ctx.state.index.entries(), { baseUrl: options.dcatBaseUrl(ctx), publisher: catalogPublisher(ctx) }),
    }),
    getDcatEntry: (ctx) => {
      const id = ctx.params.entryId ?? '';
      const entry = ctx.state.index.get(id);
      if (!entry) return ctx.problem('NOT_FOUND', unknownId('/path/entryId', CATALOG_ENTRY, id));
      return { status: 200, headers: JSON_LD, body: dcatEntry(entry, { baseUrl: options.dcatBaseUrl(ctx) }) };
    },
  };
}
