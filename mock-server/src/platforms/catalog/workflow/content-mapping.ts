import { formatShanghaiInstant } from '@gdx/calendar';
import { copyJson } from '../../../app/copy-json.js';
import { REGIONS } from '../../../sandbox/seed/regions.js';
import type { CatalogEntry, Region } from '../../../sandbox/seed/types.js';
import type { ClassificationCodes, EntryFields, EntryRecord } from './records.js';

const CATEGORY_CODES: readonly [prefix: string, code: ClassificationCodes['categoryCode']][] = [
  ['基础', '1'],
  ['主题', '2'],
  ['部门', '3'],
];
/** Regions the seed does not list but profiles use (the province above Xiamen). */
const EXTRA_REGIONS: Region[] = [{ code: '350000', name: '福建省', level: 'provincial' }];
const REGION_BY_CODE = new Map<string, Region>([...Object.values(REGIONS), ...EXTRA_REGIONS].map((r) => [r.code, r]));

const same = <T>(value: T): T => value;

/**
 * How to keep an object made from `entry`: frozen when the entry is (seed data, shared by the
 * sandboxes of its seed, whose nested values are frozen already), else as it is.
 */
export function sealFor(entry: CatalogEntry): <T>(value: T) => T {
  return Object.isFrozen(entry) ? Object.freeze : same;
}

/** Contents of frozen (seed) entries, made once: every sandbox of the seed shares them. */
const frozenContents = new WeakMap<CatalogEntry, EntryFields>();

/**
 * The wire `EntryFields` of a seeded published entry (its provider compiled exactly this). For a
 * frozen entry (seed data, shared by the sandboxes of its seed) the content is made once, frozen,
 * and shared too: a record's content is replaced on change, never edited in place. Any other
 * entry gets a content of its own, its nested values copied.
 *
 * @example
 * ```ts
 * seedContent(seed.catalogEntries[0]!).region; // '350200'
 * ```
 */
export function seedContent(entry: CatalogEntry): EntryFields {
  if (!Object.isFrozen(entry)) return contentOf(entry, copyJson, same);
  let content = frozenContents.get(entry);
  if (content === undefined) frozenContents.set(entry, (content = contentOf(entry, same, sealFor(entry))));
  return content;
}

/** The content of `entry`, its nested values taken through `own`, its own objects through `seal`. */
function contentOf(entry: CatalogEntry, own: <T>(value: T) => T, seal: <T>(value: T) => T): EntryFields {
  return seal({
    name: entry.name,
    summary: entry.summary,
    catalogKind: entry.catalogKind,
    level: entry.region.level,
    region: entry.region.code,
    classification: seal({ category: entry.classification.category, item: entry.classification.item }),
    domain: entry.domain,
    items: own(entry.items),
    sharing: own(entry.sharing),
    opening: own(entry.opening),
    updateCycle: entry.updateCycle,
    formats: own(entry.formats),
    grade: entry.grade,
    relatedSystems: own(entry.relatedSystems),
    sampleData: own(entry.sampleData),
  });
}

/** Classification codes of a content: kept ones, else from the category's name (类: 基础/主题/部门). */
export function classificationCodes(content: EntryFields, kept?: ClassificationCodes): ClassificationCodes {
  if (kept) return kept;
  const category = String((content.classification as { category?: unknown } | undefined)?.category ?? '');
  const match = CATEGORY_CODES.find(([prefix]) => category.startsWith(prefix));
  return { categoryCode: match?.[1] ?? '3', itemCode: '00' };
}

/**
 * The published form of an entry that search and DCAT index: its content with the record's
 * code, version, provider and dates. Region names come from the seed's region table (the code
 * itself when unknown).
 *
 * @example
 * ```ts
 * state.index.upsert(toCatalogEntry(record, sandbox.now()));
 * ```
 */
export function toCatalogEntry(record: EntryRecord, publishedAt: number): CatalogEntry {
  const c = record.content as Record<string, any>;
  const codes = classificationCodes(c, record.codes);
  const regionCode = String(c.region);
  const region = REGION_BY_CODE.get(regionCode) ?? { code: regionCode, name: regionCode, level: c.level };
  return {
    id: record.id,
    resourceCode: record.resourceCode ?? record.id,
    name: c.name,
    summary: c.summary,
    catalogKind: c.catalogKind,
    classification: { categoryCode: codes.categoryCode, category: c.classification.category, itemCode: codes.itemCode, item: c.classification.item ?? c.domain },
    domain: c.domain,
    provider: { ...record.provider },
    items: copyJson(c.items),
    sharing: { conditions: [], ...copyJson(c.sharing) },
    opening: { conditions: [], ...copyJson(c.opening) },
    updateCycle: c.updateCycle,
    formats: [...(c.formats ?? [])],
    grade: c.grade,
    region,
    relatedSystems: [...(c.relatedSystems ?? [])],
    sampleData: copyJson(c.sampleData ?? []),
    state: 'published',
    publishedOn: record.publishedOn,
    modifiedAt: formatShanghaiInstant(publishedAt),
    version: record.publishedVersion,
  };
}
