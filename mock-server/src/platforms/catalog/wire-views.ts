import type { CatalogEntry, OpeningAttribute, SharingAttribute } from '../../sandbox/seed/types.js';

/**
 * The OpenAPI `EntrySummary`: a published entry as search answers it — enough for a data user to
 * ask for it (conditions, delivery methods, data item names; 厦门 第十七–十九条).
 */
export interface EntrySummary {
  id: string;
  resourceCode: string;
  version: number;
  name: string;
  summary: string;
  provider: { creditCode: string; name: string };
  domain: string;
  region: string;
  sharingType: CatalogEntry['sharing']['type'];
  openingType: CatalogEntry['opening']['type'];
  sharing: SharingAttribute;
  opening: OpeningAttribute;
  /** The names of the data items (信息项), as a sharing request's `fields` name them. */
  itemNames: string[];
  grade: CatalogEntry['grade'];
  updateCycle: CatalogEntry['updateCycle'];
  publishedOn: string;
  modifiedOn: string;
}

/**
 * Maps a published entry to the wire `EntrySummary` (region as its code, dates as Shanghai days;
 * the instants in the seed already carry +08:00, so the day is the first ten characters). Data
 * items are named only: types, lengths and sensitivity stay on the entry itself.
 *
 * @example
 * ```ts
 * toEntrySummary(entry).region; // '350200'
 * ```
 */
export function toEntrySummary(entry: CatalogEntry): EntrySummary {
  return {
    id: entry.id,
    resourceCode: entry.resourceCode,
    version: entry.version,
    name: entry.name,
    summary: entry.summary,
    provider: { creditCode: entry.provider.creditCode, name: entry.provider.name },
    domain: entry.domain,
    region: entry.region.code,
    sharingType: entry.sharing.type,
    openingType: entry.opening.type,
    sharing: { ...entry.sharing, conditions: [...entry.sharing.conditions], deliveryMethods: [...entry.sharing.deliveryMethods] },
    opening: { ...entry.opening, conditions: [...entry.opening.conditions] },
    itemNames: entry.items.map((i) => i.name),
    grade: entry.grade,
    updateCycle: entry.updateCycle,
    publishedOn: entry.publishedOn ?? entry.modifiedAt.slice(0, 10),
    modifiedOn: entry.modifiedAt.slice(0, 10),
  };
}
