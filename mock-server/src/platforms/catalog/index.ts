export { CatalogSearchIndex, type CatalogSearchQuery, type CatalogSearchResult, type CatalogSort } from './search/search-index.js';
export { CatalogSearchError, type CatalogSearchErrorCode } from './search/search-error.js';
export { FACET_NAMES, type FacetBucket, type FacetName } from './search/facets.js';
export { dcatEntry, dcatCatalog, type DcatDocument, type DcatOptions, type DcatCatalogOptions, type JsonLdNode } from './dcat/dcat-export.js';
