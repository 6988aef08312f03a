import { shanghaiDate } from '@gdx/calendar';
import { deepFreeze } from '../app/deep-freeze.js';
import type { ProfileRef } from '../app/platform-module.js';
import type { OrganisationSource } from './builtin-organisations.js';
import { scopeAppKey } from './seed/app-keys.js';
import { createSeedData } from './seed/create-seed-data.js';
import type { SeedData, SeedOrganization } from './seed/types.js';

/** Seed data as drawn, by seed, profile, count and day; shared by every sandbox of that seed. */
const drawn = new Map<string, SeedData>();
/** The same with a sandbox's own app keys, by sandbox id and the key above. */
const scoped = new Map<string, SeedData>();
/**
 * A sandbox's organisations with its own app keys, by sandbox id, seed, profile and day: the same
 * for every count (the seed draws organisations from their own stream), so the sandbox's calls
 * for its organisations (count 0) and for its platforms' data (300 entries) share one copy.
 */
const scopedOrganisations = new Map<string, readonly SeedOrganization[]>();
const CACHE_SIZE = 8;
/** The day seed data is as of; a sandbox starting earlier gets data as of its own first day. */
const SEED_AS_OF = '2025-09-26';

function profileName(profile: ProfileRef): string {
  if (typeof profile === 'string') return profile;
  const base = profile.extends;
  return typeof base === 'string' ? base : 'national';
}

/**
 * The seed data of a sandbox (organisations, `count` catalog entries, datasets, plans), computed
 * once per seed, profile, count and start day (data is as of 2025-09-26, or of the sandbox's
 * first day when it starts earlier), and shared read-only by every sandbox of that seed: only the
 * organisations' app keys differ from one sandbox to another (`scopeAppKey`). A conformance run
 * creates dozens of sandboxes of one seed, and drawing 300 entries with their datasets and plans
 * for each was a third of creating one. The organisations do not depend on `count` (the seed
 * draws them from their own stream), so the organisation source and the platforms' seed hooks
 * agree: entry providers are organisations of the sandbox. Inline profiles use the regions of the
 * profile they extend.
 *
 * @example
 * ```ts
 * seedDataOf({ id: 'default', seed: 1, profile: 'xiamen' }).organizations.length; // 31
 * ```
 */
export function seedDataOf(sandbox: { id: string; seed: number; profile: ProfileRef; startAt?: number }, count = 300): SeedData {
  const profile = profileName(sandbox.profile);
  // Nothing is published after the sandbox's first day (a sandbox starting 2025-04-28 lists no
  // entry of 2025-06); later starts keep the usual data, so their ids stay the same.
  const startDay = sandbox.startAt === undefined ? SEED_AS_OF : shanghaiDate(sandbox.startAt);
  const asOf = startDay < SEED_AS_OF ? startDay : SEED_AS_OF;
  const key = `${sandbox.seed}|${profile}|${count}|${asOf}`;
  return remembered(scoped, `${sandbox.id}|${key}`, () => {
    const data = remembered(drawn, key, () => deepFreeze(createSeedData({ seed: sandbox.seed, profile, count, asOf })));
    const organizations = remembered(scopedOrganisations, `${sandbox.id}|${sandbox.seed}|${profile}|${asOf}`, () =>
      deepFreeze(data.organizations.map((org) => ({ ...org, appKey: scopeAppKey(sandbox.id, org.appKey) }))),
    );
    // The shared parts are frozen already: only the new object is frozen here.
    return Object.freeze({ ...data, organizations: organizations as SeedOrganization[] });
  });
}

/** The cached value under `key`, else `make()` cached there; the oldest of more than `CACHE_SIZE` is dropped. */
function remembered<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  return value;
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
