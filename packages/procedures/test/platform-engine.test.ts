import { WorkingCalendar } from '@gdx/calendar';
import { VirtualClock } from '@gdx/kernel';
import { describe, expect, it } from 'vitest';
import { createPlatformEngine, formatRegistrationCode, resolveProfile } from '../src/index.js';
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
});
