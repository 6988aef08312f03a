// Every platform contract's `x-gdx-limits` and the shipped profiles the mock runs on say the same.
import { gdxLimits, type PlatformName, type ProfileName } from '@gdx/openapi';
import { LIMIT_IDS, resolveProfile, type LimitId } from '@gdx/procedures';
import { describe, expect, it } from 'vitest';

const PROFILES: readonly ProfileName[] = ['national', 'inner-mongolia', 'xiamen'];
const PLATFORMS: readonly PlatformName[] = ['registration', 'sharing', 'open-data', 'catalog', 'authorized-operation'];

describe.each(PLATFORMS)('%s x-gdx-limits match the profiles', (platform) => {
  const limits = gdxLimits(platform);
  const prefix = `${platform.replace('-', '_')}.`;

  it('lists every limit of the profiles for the platform', () => {
    expect(limits.map((l) => l.id).sort()).toEqual(LIMIT_IDS.filter((id) => id.startsWith(prefix)).sort());
  });

  it.each(limits.flatMap((l) => PROFILES.map((p) => [l.id, p, l] as const)))('%s in %s: value, unit, trigger, article, choice and external', (id, profile, limit) => {
    const own = resolveProfile(profile).limits[id as LimitId];
    expect(own).toMatchObject({ value: limit.limits[profile], unit: limit.unit, startTrigger: limit.startTrigger, basis: limit.profileBasis?.[profile] ?? limit.basis });
    expect(own.choice === true, `choice in ${profile}`).toBe(limit.choice?.includes(profile) ?? false);
    expect(own.external === true, `external in ${profile}`).toBe(limit.external?.includes(profile) ?? false);
  });
});
