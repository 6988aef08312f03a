import {
  GRADE_LABELS,
  OPENING_TYPE_LABELS,
  SHARING_TYPE_LABELS,
  UPDATE_CYCLE_LABELS,
} from '../../../sandbox/seed/labels.js';
import type { CatalogEntry } from '../../../sandbox/seed/types.js';

/** The facets of catalog search (docs/design.md, catalog.md): name → value and label of an entry. */
export const FACETS = {
  provider: (e: CatalogEntry) => [e.provider.creditCode, e.provider.name],
  domain: (e: CatalogEntry) => [e.domain, e.domain],
  sharingType: (e: CatalogEntry) => [e.sharing.type, SHARING_TYPE_LABELS[e.sharing.type]],
  openingType: (e: CatalogEntry) => [e.opening.type, OPENING_TYPE_LABELS[e.opening.type]],
  grade: (e: CatalogEntry) => [e.grade, GRADE_LABELS[e.grade]],
  updateCycle: (e: CatalogEntry) => [e.updateCycle, UPDATE_CYCLE_LABELS[e.updateCycle]],
  region: (e: CatalogEntry) => [e.region.code, e.region.name],
} as const satisfies Record<string, (e: CatalogEntry) => readonly [string, string]>;

export type FacetName = keyof typeof FACETS;

/** The facet names in answer order. */
export const FACET_NAMES = Object.keys(FACETS) as FacetName[];

/** One facet value with its label and the number of matching entries. */
export interface FacetBucket {
  value: string;
  label: string;
  count: number;
}

/**
 * The value and label of one facet for an entry.
 *
 * @example
 * ```ts
 * facetValue('sharingType', entry); // ['conditional', '有条件共享']
 * ```
 */
export function facetValue(name: FacetName, entry: CatalogEntry): readonly [string, string] {
  return FACETS[name](entry) as readonly [string, string];
}
