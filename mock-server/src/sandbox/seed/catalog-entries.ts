import { drawGrade, drawOpening, drawSharing, sampleRows } from './entry-attributes.js';
import { seedId } from './ids.js';
import type { Rng } from './prng.js';
import type { RegionSet } from './regions.js';
import { CATEGORY_NAMES, parseItems, type ResourceTemplate } from './resource-template.js';
import { BASE_TEMPLATES } from './templates-base.js';
import { THEMATIC_TEMPLATES } from './templates-thematic.js';
import { formatShanghaiInstant, shanghaiDate, startOfShanghaiDay } from '@gdx/calendar';
import type { CatalogEntry, IsoDate, Region, SeedOrganization } from './types.js';

const DAY_MS = 86_400_000;

/** Every template the seed draws catalog entries from. */
export const RESOURCE_TEMPLATES: readonly ResourceTemplate[] = [...BASE_TEMPLATES, ...THEMATIC_TEMPLATES];

/** Name variants used once every template has been used (the catalog holds one resource per variant). */
const VARIANTS = ['变更记录', '统计汇总', '历史数据', '年度汇总', '（区级）', '目录清单', '专题数据', '质量核查结果'];

const DEFAULT_FORMATS = ['CSV', 'JSON', 'XLSX', 'XML'];

export interface EntryOptions {
  count: number;
  /** The day the seed is "as of": entries are published before it. */
  asOf: IsoDate;
}

function variantName(template: ResourceTemplate, round: number, region: Region, year: number): string {
  if (round === 0) return template.name;
  const variant = VARIANTS[(round - 1) % VARIANTS.length] as string;
  if (round <= VARIANTS.length) return `${template.name}${variant}`;
  // Past the variants, qualify by district and year so names stay distinct and realistic.
  return `${region.name}${year}年${template.name}${variant}`;
}

function formatsFor(rng: Rng, template: ResourceTemplate): string[] {
  return template.formats ? [...template.formats] : rng.sample(DEFAULT_FORMATS, rng.int(1, 3)).sort();
}

/**
 * Generates `count` published catalog entries from the resource templates, cycling through them
 * and qualifying names on later rounds. Providers are the organisations named by each template.
 *
 * @example
 * ```ts
 * const entries = createCatalogEntries(rng.fork('entries'), orgs, regionsForProfile('xiamen'), { count: 300, asOf: '2025-09-26' });
 * entries[0]?.resourceCode; // '350200-101-000001' (region-类项-sequence)
 * ```
 */
export function createCatalogEntries(rng: Rng, organizations: SeedOrganization[], regions: RegionSet, options: EntryOptions): CatalogEntry[] {
  const bySlug = new Map(organizations.map((o) => [o.slug, o]));
  const asOfMs = startOfShanghaiDay(options.asOf);
  const entries: CatalogEntry[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const template = RESOURCE_TEMPLATES[i % RESOURCE_TEMPLATES.length] as ResourceTemplate;
    const round = Math.floor(i / RESOURCE_TEMPLATES.length);
    const own = rng.fork(`entry:${i}`);
    const provider = bySlug.get(template.provider);
    if (!provider) throw new Error(`template "${template.name}" names unknown provider "${template.provider}"`);
    const district = round > 0 && template.provider !== 'district-data' && own.chance(0.35);
    const region = district ? own.pick(regions.districts) : provider.region;
    const publishedMs = asOfMs - own.int(30, 900) * DAY_MS;
    const modifiedMs = publishedMs + own.int(0, Math.floor((asOfMs - publishedMs) / DAY_MS) - 1) * DAY_MS + own.int(9, 17) * 3_600_000;
    const dataItems = parseItems(template.items);
    const sensitive = dataItems.some((d) => d.sensitive);
    const cycle = round > 0 && own.chance(0.2) ? own.pick(['irregular', 'yearly', 'quarterly'] as const) : template.cycle;
    const sharing = drawSharing(own, sensitive, cycle);
    const name = variantName(template, round, region, 2020 + (round % 6));
    entries.push({
      id: seedId('ent', own, publishedMs),
      resourceCode: `${region.code}-${template.categoryCode}${template.itemCode}-${String(i + 1).padStart(6, '0')}`,
      name,
      summary: round === 0 ? template.summary : `${template.summary}本资源为${name}。`,
      catalogKind: provider.kind === 'agency' ? 'government' : 'public_service',
      classification: { categoryCode: template.categoryCode, category: CATEGORY_NAMES[template.categoryCode], itemCode: template.itemCode, item: template.domain },
      domain: template.domain,
      provider: { organizationId: provider.id, creditCode: provider.creditCode, name: provider.name },
      items: dataItems,
      sharing,
      opening: drawOpening(own, sharing, sensitive),
      updateCycle: cycle,
      formats: formatsFor(own, template),
      grade: drawGrade(own, sensitive),
      region,
      relatedSystems: [template.system],
      sampleData: sampleRows(own, dataItems, 2),
      state: 'published',
      publishedOn: shanghaiDate(publishedMs),
      modifiedAt: formatShanghaiInstant(modifiedMs),
      version: modifiedMs - publishedMs > 180 * DAY_MS ? own.int(2, 4) : 1,
    });
  }
  return entries;
}
