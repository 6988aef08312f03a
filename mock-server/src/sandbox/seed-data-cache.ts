import type { ProfileRef } from '../app/platform-module.js';
import type { OrganisationSource } from './builtin-organisations.js';
import { createSeedData } from './seed/create-seed-data.js';
import type { SeedData } from './seed/types.js';

const cache = new Map<string, SeedData>();
const CACHE_SIZE = 8;

function profileName(profile: ProfileRef): string {
  if (typeof profile === 'string') return profile;
  const base = profile.extends;
  return typeof base === 'string' ? base : 'national';
}

/**
 * The seed data of a sandbox (organisations, `count` catalog entries, datasets, plans), computed
 * once per sandbox id, seed, profile and count. The organisations do not depend on `count` (the
 * seed draws them from their own stream), so the organisation source and the platforms' seed
 * hooks agree: entry providers are organisations of the sandbox. Inline profiles use the regions
 * of the profile they extend.
 *
 * @example
 * ```ts
 * seedDataOf({ id: 'default', seed: 1, profile: 'xiamen' }).organizations.length; // 31
 * ```
 */
export function seedDataOf(sandbox: { id: string; seed: number; profile: ProfileRef }, count = 300): SeedData {
  const profile = profileName(sandbox.profile);
  const key = `${sandbox.id}|${sandbox.seed}|${profile}|${count}`;
  let data = cache.get(key);
  if (!data) {
    data = createSeedData({ seed: sandbox.seed, profile, sandboxId: sandbox.id, count });
    cache.set(key, data);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  return data;
}

/**
 * Organisations of a sandbox from the seed data (~30 agencies, public-service bodies and
 * companies of the profile's regions, with valid credit codes and sandbox-scoped app keys).
 *
 * @example
 * ```ts
 * const app = createApp({ organisations: seedOrganisations });
 * ```
 */
export const seedOrganisations: OrganisationSource = ({ sandboxId, profile, seed }) =>
  seedDataOf({ id: sandboxId, seed, profile }, 0).organizations.map((o) => ({
    id: o.id,
    name: o.name,
    creditCode: o.creditCode,
    regionCode: o.region.code,
    roles: [...o.roles],
    appKey: o.appKey,
    appSecret: o.appSecret,
  }));
