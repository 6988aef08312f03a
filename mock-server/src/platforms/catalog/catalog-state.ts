import type { CatalogEntry } from '../../sandbox/seed/types.js';
import { CatalogSearchIndex } from './search/search-index.js';

/** The catalog platform's state in one sandbox: the published catalog and its search index. */
export interface CatalogState {
  index: CatalogSearchIndex;
}

/** The JSON form of the state for snapshots. */
export interface CatalogSnapshot {
  published: CatalogEntry[];
}

/**
 * A fresh state holding `entries` as the published catalog.
 *
 * @example
 * ```ts
 * createCatalogState(seed.catalogEntries).index.size; // 300
 * ```
 */
export function createCatalogState(entries: Iterable<CatalogEntry> = []): CatalogState {
  return { index: new CatalogSearchIndex(entries) };
}

/**
 * A deep, JSON-serialisable copy of the state.
 *
 * @example
 * ```ts
 * importCatalogState(exportCatalogState(state)).index.size === state.index.size; // true
 * ```
 */
export function exportCatalogState(state: CatalogState): CatalogSnapshot {
  return { published: structuredClone(state.index.entries()) };
}

/** Rebuilds a state from `exportCatalogState`'s output. */
export function importCatalogState(data: unknown): CatalogState {
  const published = (data as Partial<CatalogSnapshot> | null)?.published;
  if (!Array.isArray(published)) throw new TypeError('catalog snapshot must have a "published" array');
  return createCatalogState(structuredClone(published));
}
