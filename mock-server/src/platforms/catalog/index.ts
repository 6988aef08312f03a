export { CatalogSearchIndex, type CatalogSearchQuery, type CatalogSearchResult, type CatalogSort } from './search/search-index.js';
export { CatalogSearchError, type CatalogSearchErrorCode } from './search/search-error.js';
export { FACET_NAMES, type FacetBucket, type FacetName } from './search/facets.js';
export { dcatEntry, dcatCatalog, type DcatDocument, type DcatOptions, type DcatCatalogOptions, type JsonLdNode } from './dcat/dcat-export.js';
export { createCatalogPlatform, type CatalogPlatformOptions } from './catalog-platform.js';
export type { CatalogState, CatalogSnapshot } from './catalog-state.js';
export { toEntrySummary, type EntrySummary } from './wire-views.js';
