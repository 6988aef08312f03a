import { connectMock, eventEntries, openSandbox, type TimelineEntry } from '@gdx/example-demo';
import type { JsonLdDocument, SearchEntriesQuery } from '@gdx/catalog';
import { datasetNode } from './dcat-dataset.js';
import { editorStory, type EditorOutcome } from './editor-story.js';
import { facetedSearch, type FacetedSearchResult } from './faceted-search.js';

/**
 * The faceted query of the story: Chinese full text (信息, “information”) plus two filters.
 *
 * @example
 * ```ts
 * await facetedSearch(publicClient, FACETED_QUERY, PAGE_SIZE);
 * ```
 */
export const FACETED_QUERY: SearchEntriesQuery = { q: '信息', sharingType: 'conditional', openingType: 'on_application' };

/**
 * Hits per page when walking the search with the cursor.
 *
 * @example
 * ```ts
 * await publicClient.search.queryPage({ ...FACETED_QUERY, limit: PAGE_SIZE });
 * ```
 */
export const PAGE_SIZE = 10;

/** What the catalog editor example ends with, every value as the platform answered it. */
export interface CatalogEditorResult extends EditorOutcome {
  sandboxId: string;
  search: FacetedSearchResult;
  /** The published entry as DCAT-AP 3 JSON-LD (`GET /dcat/{entryId}`). */
  dcat: JsonLdDocument;
  /** The entry's dated events. */
  timeline: TimelineEntry[];
}

/** Options of {@link runCatalogEditor}. */
export interface CatalogEditorOptions {
  /** Narration of each step as it happens (default: silent). */
  print?: (line: string) => void;
  /** Origin of a running mock (`gdx-mock`, e.g. `http://127.0.0.1:4010`) to talk to over HTTP; default: a fresh mock in-process. */
  mockUrl?: string;
}

/**
 * The catalog editor example: a transport bureau creates, submits and (through the data
 * authority) publishes a catalog entry, changes it while the published version stays visible,
 * searches the catalog with facets and cursor paging, and exports the entry as DCAT-AP JSON-LD.
 * `@gdx/catalog` over the mock's in-process `fetch` (or HTTP, with `mockUrl`); officials through the simulation API.
 *
 * @example
 * ```ts
 * const r = await runCatalogEditor({ print: console.log });
 * r.republished.version; // 2
 * r.search.facets.sharingType; // [{ value: 'conditional', label: '有条件共享', count: … }]
 * ```
 */
export async function runCatalogEditor(options: CatalogEditorOptions = {}): Promise<CatalogEditorResult> {
  const print = options.print ?? (() => {});
  const connection = connectMock(options.mockUrl);
  try {
    const s = await openSandbox(connection, { profile: 'xiamen', startAt: '2025-09-26T09:00:00+08:00', seed: 2025, reviewerPolicy: { mode: 'manual' } });
    const bureau = s.organisation('data_provider', '交通运输局');
    const publicClient = s.catalog();
    const outcome = await editorStory(s, s.catalog(bureau), publicClient, print);

    const search = await facetedSearch(publicClient, FACETED_QUERY, PAGE_SIZE);
    print(`▸ anyone searches “${FACETED_QUERY.q}” (sharingType=${FACETED_QUERY.sharingType}, openingType=${FACETED_QUERY.openingType}): ${search.total} hits on ${search.pages.length} pages of ${PAGE_SIZE}`);
    for (const [name, values] of Object.entries(search.facets)) {
      print(`   ${name.padEnd(12)} ${values.map((v) => `${v.label} ${v.count}`).join(' · ')}`);
    }
    print(`   drill-down: provider ${search.drillDown.facet.label} → ${search.drillDown.total} hits (facet said ${search.drillDown.facet.count})`);

    const dcat = await publicClient.dcat.entry(outcome.republished.id);
    const dataset = datasetNode(dcat);
    print(`▸ DCAT-AP 3 JSON-LD export: dcat:Dataset ${dataset?.['@id']}, dct:identifier ${JSON.stringify(dataset?.['dct:identifier'])}`);
    const timeline = eventEntries(outcome.republished.events);
    return { sandboxId: s.sandbox.id, ...outcome, search, dcat, timeline };
  } finally {
    await connection.close();
  }
}
