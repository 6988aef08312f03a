import { WorkingCalendar } from '@gdx/calendar';
import { VirtualClock } from '@gdx/kernel';
import { describe, expect, it } from 'vitest';
import { createPlatformEngine, formatRegistrationCode, resolveProfile, type Profile } from '../src/index.js';
import { at } from './harness.js';

describe('createPlatformEngine', () => {
  it('runs a profile with officials whose policy can be switched live', () => {
    const { engine, officials, procedures } = createPlatformEngine({
      profile: 'xiamen', calendar: WorkingCalendar.official(), clock: new VirtualClock(at('2025-09-26T10:00')), seed: 5, reviewerPolicy: 'manual',
    });
    expect(procedures.profile.name).toBe('xiamen');
    engine.create('sharing.request', { id: 'a', actor: { role: 'data_user' }, data: { sharingType: 'conditional' } });
    officials.policy = 'late';
    engine.create('sharing.request', { id: 'b', actor: { role: 'data_user' }, data: { sharingType: 'conditional' } });
    engine.advanceTo(at('2025-11-01T00:00'));
    expect(engine.get('a')).toMatchObject({ state: 'under_review', deadline: { overdue: true } });
    expect(engine.get('b').state).toBe('delivered');
    expect(engine.get('b').events.some((e) => e.type === 'deadline_overdue')).toBe(true);
  });
});

describe('formatRegistrationCode', () => {
  it.each([
    { profile: 'national', code: 'DJ1000002025000017' },
    { profile: 'inner-mongolia', code: 'NMDJ1500002025000017' },
    { profile: 'xiamen', code: 'XMDJ3502002025000017' },
  ])('$profile → $code', ({ profile, code }) => {
    expect(formatRegistrationCode(resolveProfile(profile), { year: 2025, seq: 17 })).toBe(code);
  });

  it('codes in any order of profiles, years, regions and templates as the template reads', () => {
    const national = resolveProfile('national');
    const withTemplate = (template: string, prefix = 'P'): Profile => ({ ...national, options: { ...national.options, coding: { prefix, template, seqDigits: 4 } } });
    const expected = (p: Profile, parts: { year: number; seq: number; region?: string }): string =>
      p.options.coding.template.replace(/\{(prefix|region|year|seq)\}/g, (_, key: string) =>
        key === 'prefix' ? p.options.coding.prefix : key === 'region' ? (parts.region ?? p.regionCode) : key === 'year' ? String(parts.year) : String(parts.seq).padStart(p.options.coding.seqDigits, '0'));
    const profiles = [
      national, resolveProfile('xiamen'), withTemplate('{seq}-{year}/{region}'), withTemplate('X{prefix}{year}'),
      withTemplate('{seq}{seq}{year}'), withTemplate('{year}-{seq}', 'Q'),
    ];
    const calls: [Profile, { year: number; seq: number; region?: string }][] = [];
    for (const p of profiles) for (const year of [2025, 2026]) for (const seq of [1, 17, 123456]) calls.push([p, { year, seq }], [p, { year, seq, region: '350200' }]);
    // In order, then interleaved: the text kept for the last profile, region and year must never leak into another's.
    for (const [p, parts] of [...calls, ...calls.map((c, i) => calls[(i * 7) % calls.length] as typeof c)]) {
      expect(formatRegistrationCode(p, parts)).toBe(expected(p, parts));
    }
  });
});
