// The registration contract's `x-gdx-limits` and the shipped profiles the mock runs on say the same.
import { gdxLimits, type ProfileName } from '@gdx/openapi';
import { LIMIT_IDS, resolveProfile, type LimitId } from '@gdx/procedures';
import { describe, expect, it } from 'vitest';

const PROFILES: readonly ProfileName[] = ['national', 'inner-mongolia', 'xiamen'];
const limits = gdxLimits('registration');

describe('registration x-gdx-limits match the profiles', () => {
  it('lists every registration limit of the profiles', () => {
    expect(limits.map((l) => l.id).sort()).toEqual(LIMIT_IDS.filter((id) => id.startsWith('registration.')).sort());
  });

  it.each(limits.flatMap((l) => PROFILES.map((p) => [l.id, p, l] as const)))('%s in %s: value, unit, trigger, article and choice', (id, profile, limit) => {
    const own = resolveProfile(profile).limits[id as LimitId];
    expect(own).toMatchObject({ value: limit.limits[profile], unit: limit.unit, startTrigger: limit.startTrigger, basis: limit.profileBasis?.[profile] ?? limit.basis });
    expect(own.choice === true).toBe(limit.choice?.includes(profile) ?? false);
  });
});
