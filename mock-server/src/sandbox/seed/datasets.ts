import { seedId } from './ids.js';
import type { Rng } from './prng.js';
import { startOfShanghaiDay } from '@gdx/calendar';
import type { CatalogEntry, DatasetFile, OpenDataset } from './types.js';

function filesFor(rng: Rng, entry: CatalogEntry, datasetId: string): DatasetFile[] {
  return entry.formats
    .filter((f) => f !== 'JSON' || !entry.sharing.deliveryMethods.includes('api'))
    .map((format) => ({
      name: `${entry.name}.${format.toLowerCase()}`,
      format,
      byteSize: rng.int(4, 8000) * 1024,
      // Below the open-data API root, which its view puts in front (`GET /datasets/{id}/files/{fileName}`).
      path: `/datasets/${datasetId}/files/${encodeURIComponent(`${entry.resourceCode}.${format.toLowerCase()}`)}`,
    }));
}

/**
 * The open dataset of a published entry whose opening type is not `not_open`, under `id`;
 * sensitive items are left out of the published field list (不予开放 covers personal
 * information). `rng` draws the file sizes.
 *
 * @example
 * ```ts
 * datasetOf(createRng('s'), entry, 'ods_1').fields.every((f) => !f.sensitive); // true
 * ```
 */
export function datasetOf(rng: Rng, entry: CatalogEntry & { opening: { type: OpenDataset['openingType'] }; publishedOn: string }, id: string): OpenDataset {
  const fields = entry.items.filter((d) => !d.sensitive);
  return {
    id,
    entryId: entry.id,
    resourceCode: entry.resourceCode,
    title: entry.name,
    summary: entry.summary,
    provider: { ...entry.provider },
    domain: entry.domain,
    region: entry.region,
    openingType: entry.opening.type,
    openingConditions: [...entry.opening.conditions],
    ...(entry.opening.scenarioList ? { scenarioList: structuredClone(entry.opening.scenarioList) } : {}),
    updateCycle: entry.updateCycle,
    formats: [...entry.formats],
    fields,
    sampleRows: entry.sampleData.map((row) => Object.fromEntries(fields.map((f) => [f.name, row[f.name] ?? null]))),
    files: filesFor(rng, entry, id),
    api: entry.sharing.deliveryMethods.includes('api') ? { endpoint: `/datasets/${id}/records`, method: 'GET', description: `${entry.name}查询接口` } : null,
    publishedOn: entry.publishedOn,
    modifiedAt: entry.modifiedAt,
  };
}

/**
 * Whether a catalog entry is an open dataset: published, and its opening type is not `not_open`
 * (open-data.md "Datasets").
 *
 * @example
 * ```ts
 * entries.filter(isOpenDataset).length;
 * ```
 */
export function isOpenDataset(entry: CatalogEntry): entry is CatalogEntry & { opening: { type: OpenDataset['openingType'] }; publishedOn: string } {
  return entry.state === 'published' && entry.opening.type !== 'not_open' && entry.publishedOn !== null;
}

/**
 * Derives open datasets from published entries whose opening type is not `not_open`.
 *
 * @example
 * ```ts
 * const datasets = createDatasets(rng.fork('datasets'), entries);
 * datasets.every((d) => d.openingType !== 'not_open'); // true
 * ```
 */
export function createDatasets(rng: Rng, entries: CatalogEntry[]): OpenDataset[] {
  const datasets: OpenDataset[] = [];
  for (const entry of entries) {
    if (!isOpenDataset(entry)) continue;
    const own = rng.fork(entry.id);
    datasets.push(datasetOf(own, entry, seedId('ods', own, startOfShanghaiDay(entry.publishedOn))));
  }
  return datasets;
}
