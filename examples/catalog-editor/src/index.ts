/**
 * @gdx/example-catalog-editor — a provider agency's catalog editor: create, submit, publish (by
 * the data authority) and change a catalog entry, then search the catalog with facets and cursor
 * paging and export DCAT-AP 3 JSON-LD.
 *
 * @example
 * ```ts
 * import { runCatalogEditor } from '@gdx/example-catalog-editor';
 * const { republished, search } = await runCatalogEditor({ print: console.log });
 * ```
 * @packageDocumentation
 */
export { runCatalogEditor, FACETED_QUERY, PAGE_SIZE, type CatalogEditorOptions, type CatalogEditorResult } from './run-catalog-editor.js';
export { editorStory, type EditorOutcome, type SearchSnapshot } from './editor-story.js';
export { facetedSearch, type FacetCount, type FacetedSearchResult } from './faceted-search.js';
export { busArrivalsEntry, crowdingChange, ENTRY_NAME } from './bus-arrivals-entry.js';
export { datasetNode, type DcatDatasetNode } from './dcat-dataset.js';
