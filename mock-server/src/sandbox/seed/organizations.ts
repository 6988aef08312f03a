import { drawCredentials } from './app-keys.js';
import { CREDIT_CODE_PREFIX, buildCreditCode } from './credit-code.js';
import { seedId } from './ids.js';
import { ORGANIZATION_SPECS, type OrganizationSpec } from './organization-specs.js';
import type { Rng } from './prng.js';
import type { RegionSet } from './regions.js';
import type { Region, SeedOrganization } from './types.js';

const PREFIX_BY_KIND = {
  agency: CREDIT_CODE_PREFIX.agency,
  public_service: CREDIT_CODE_PREFIX.publicService,
  company: CREDIT_CODE_PREFIX.company,
} as const;

/** All seed ids share one creation instant so they do not depend on wall time. */
const SEED_EPOCH_MS = Date.UTC(2023, 0, 1);

function regionFor(spec: OrganizationSpec, regions: RegionSet, rng: Rng): Region {
  if (spec.region === 'upper') return regions.upper;
  if (spec.region === 'district') return rng.pick(regions.districts);
  return regions.city;
}

function nameFor(spec: OrganizationSpec, region: Region, regions: RegionSet): string {
  return spec.name
    .replace('{cityShort}', regions.city.name.replace(/市$/, ''))
    .replace('{city}', regions.city.name)
    .replace('{upper}', regions.upper.name)
    .replace('{district}', `${regions.city.name}${region.name}`);
}

/**
 * Creates the seed organisations for one profile's regions, each with a valid credit code and
 * deterministic credentials.
 *
 * @example
 * ```ts
 * const orgs = createOrganizations(createRng('s').fork('orgs'), regionsForProfile('xiamen'));
 * orgs.find((o) => o.slug === 'public-security')?.name; // '厦门市公安局'
 * ```
 */
export function createOrganizations(rng: Rng, regions: RegionSet): SeedOrganization[] {
  const usedBodies = new Set<string>();
  return ORGANIZATION_SPECS.map((spec) => {
    const own = rng.fork(spec.slug);
    const region = regionFor(spec, regions, own);
    let body = own.chars('0123456789', 8);
    while (usedBodies.has(body)) body = own.chars('0123456789', 8);
    usedBodies.add(body);
    return {
      id: seedId('org', own, SEED_EPOCH_MS),
      slug: spec.slug,
      name: nameFor(spec, region, regions),
      kind: spec.kind,
      creditCode: buildCreditCode(PREFIX_BY_KIND[spec.kind], region.code, body),
      region,
      regionCode: region.code,
      roles: [...spec.roles],
      ...drawCredentials(own.fork('credentials')),
    };
  });
}
