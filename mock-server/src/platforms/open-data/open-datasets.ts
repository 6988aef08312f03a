import type { SandboxContext } from '../../app/platform-module.js';
import { datasetOf, isOpenDataset } from '../../sandbox/seed/datasets.js';
import { createRng } from '../../sandbox/seed/prng.js';
import type { CatalogEntry, OpenDataset, SeedData } from '../../sandbox/seed/types.js';

/** Where the published catalog is read: the catalog platform's, else the seed's. */
interface PublishedCatalog {
  get(id: string): CatalogEntry | undefined;
  all(): readonly CatalogEntry[];
}

/** The id of the dataset of an entry the seed had no dataset for: the entry id's own suffix. */
function derivedDatasetId(entryId: string): string {
  return `ods_${entryId.slice(entryId.indexOf('_') + 1)}`;
}

/** The entry id a derived dataset id was made from (the converse of `derivedDatasetId`). */
function entryIdOfDerived(datasetId: string): string | undefined {
  return datasetId.startsWith('ods_') ? `ent_${datasetId.slice('ods_'.length)}` : undefined;
}

/** The seed's datasets by entry id (with the entry version each was drawn from), and their entry ids by dataset id. */
interface SeededDatasets {
  /** The catalog entries the versions were read from. */
  readonly entries: readonly CatalogEntry[];
  readonly byEntry: ReadonlyMap<string, { dataset: OpenDataset; version: number }>;
  readonly entryOf: ReadonlyMap<string, string>;
}

/** Indexes of frozen seed data, made once: the sandboxes of a seed share its datasets. */
const frozenSeeded = new WeakMap<readonly OpenDataset[], SeededDatasets>();

function seededDatasets(seed: SeedData): SeededDatasets {
  const frozen = Object.isFrozen(seed.datasets) && Object.isFrozen(seed.catalogEntries);
  const known = frozen ? frozenSeeded.get(seed.datasets) : undefined;
  if (known?.entries === seed.catalogEntries) return known;
  const versions = new Map(seed.catalogEntries.map((e) => [e.id, e.version]));
  const byEntry = new Map<string, { dataset: OpenDataset; version: number }>();
  const entryOf = new Map<string, string>();
  for (const dataset of seed.datasets) {
    byEntry.set(dataset.entryId, { dataset, version: versions.get(dataset.entryId) ?? 0 });
    entryOf.set(dataset.id, dataset.entryId);
  }
  const indexes = { entries: seed.catalogEntries, byEntry, entryOf };
  if (frozen) frozenSeeded.set(seed.datasets, indexes);
  return indexes;
}

function seedCatalog(seed: SeedData): PublishedCatalog {
  const published = seed.catalogEntries.filter((e) => e.state === 'published');
  const byId = new Map(published.map((e) => [e.id, e]));
  return { get: (id) => byId.get(id), all: () => published };
}

/**
 * The open datasets of a sandbox, read from the published catalog (open-data.md: a dataset is a
 * published catalog resource whose opening type is not `not_open`). With the catalog platform
 * mounted (`sandbox.publishedEntries`), what it publishes — a new entry, a change of opening type,
 * a reclassified `not_open` resource (厦门 第二十二条), a withdrawal — shows here at once; without
 * it, the seed's catalog.
 *
 * A resource keeps the seed's dataset while the catalog shows the version the seed drew it from;
 * a later version is derived again under the same id, and a resource the seed did not open gets
 * the id `ods_` + its entry id's suffix. Derived datasets are kept per published entry object,
 * so repeated reads render nothing new.
 *
 * @example
 * ```ts
 * const datasets = new OpenDatasets(seed, sandbox);
 * datasets.all().every((d) => d.openingType !== 'not_open'); // true
 * datasets.get(datasets.all()[0]!.id)?.entryId;
 * ```
 */
export class OpenDatasets {
  readonly #catalog: PublishedCatalog;
  readonly #seeded: SeededDatasets;
  readonly #derived = new WeakMap<CatalogEntry, OpenDataset>();
  readonly #rngLabel: string;

  constructor(seed: SeedData, sandbox: SandboxContext) {
    const entries = sandbox.publishedEntry;
    const all = sandbox.publishedEntries;
    this.#catalog = entries && all ? { get: entries, all } : seedCatalog(seed);
    this.#seeded = seededDatasets(seed);
    this.#rngLabel = `${sandbox.seed}|open-data`;
  }

  /** The published catalog resource of an id (a `not_open` one included, for `NOT_OPEN` answers). */
  entry(id: string): CatalogEntry | undefined {
    return this.#catalog.get(id);
  }

  /** The open dataset of an id, or `undefined` (unknown, withdrawn, or `not_open` now). */
  get(datasetId: string): OpenDataset | undefined {
    const entryId = this.#seeded.entryOf.get(datasetId) ?? entryIdOfDerived(datasetId);
    const entry = entryId === undefined ? undefined : this.#catalog.get(entryId);
    const dataset = entry && this.#datasetOf(entry);
    return dataset?.id === datasetId ? dataset : undefined;
  }

  /** Every open dataset, in the catalog's order. */
  all(): OpenDataset[] {
    const datasets: OpenDataset[] = [];
    for (const entry of this.#catalog.all()) {
      const dataset = this.#datasetOf(entry);
      if (dataset) datasets.push(dataset);
    }
    return datasets;
  }

  #datasetOf(entry: CatalogEntry): OpenDataset | undefined {
    if (!isOpenDataset(entry)) return undefined;
    const seeded = this.#seeded.byEntry.get(entry.id);
    if (seeded && seeded.version === entry.version) return seeded.dataset;
    let dataset = this.#derived.get(entry);
    if (dataset === undefined) {
      dataset = datasetOf(createRng(`${this.#rngLabel}/${entry.id}/${entry.version}`), entry, seeded?.dataset.id ?? derivedDatasetId(entry.id));
      this.#derived.set(entry, dataset);
    }
    return dataset;
  }
}
