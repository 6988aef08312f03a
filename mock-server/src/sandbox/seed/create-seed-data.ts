import { scopeAppKey } from './app-keys.js';
import { createCatalogEntries } from './catalog-entries.js';
import { createDatasets } from './datasets.js';
import { createOpeningPlans } from './opening-plans.js';
import { createOrganizations } from './organizations.js';
import { createRng } from './prng.js';
import { regionsForProfile } from './regions.js';
import type { IsoDate, SeedData } from './types.js';

export interface SeedOptions {
  /** Same seed → byte-identical data. */
  seed: string | number;
  /** Jurisdiction profile name: `national` (default), `xiamen` or `inner-mongolia`; picks the home regions. */
  profile?: string;
  /** Number of catalog entries (default 300). Tests raise it to exercise paging. */
  count?: number;
  /** The day the data is "as of" (default 2025-09-26): everything is published before it. */
  asOf?: IsoDate;
  /** When given, every app key is prefixed with it (`scopeAppKey`) so keys are unique across sandboxes. */
  sandboxId?: string;
}

/**
 * Creates the deterministic seed data of a sandbox: ~30 organisations with valid credit codes and
 * credentials, ~300 published catalog entries, the open datasets derived from them and each
 * provider's annual opening plans.
 *
 * @example
 * ```ts
 * const data = createSeedData({ seed: 'demo', profile: 'xiamen' });
 * data.organizations.length; // 31
 * data.catalogEntries.length; // 300
 * ```
 */
export function createSeedData(options: SeedOptions): SeedData {
  const profile = options.profile ?? 'national';
  const asOf = options.asOf ?? '2025-09-26';
  const count = options.count ?? 300;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer: ${count}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new RangeError(`asOf must be YYYY-MM-DD: ${asOf}`);
  // The profile is part of the stream so two profiles with one seed do not share secrets.
  const rng = createRng(`${options.seed}|${profile}`);
  const regions = regionsForProfile(profile);
  const organizations = createOrganizations(rng.fork('organizations'), regions).map((org) =>
    options.sandboxId === undefined ? org : { ...org, appKey: scopeAppKey(options.sandboxId, org.appKey) },
  );
  const catalogEntries = createCatalogEntries(rng.fork('entries'), organizations, regions, { count, asOf });
  return {
    organizations,
    catalogEntries,
    datasets: createDatasets(rng.fork('datasets'), catalogEntries),
    openingPlans: createOpeningPlans(rng.fork('plans'), catalogEntries, asOf),
  };
}
