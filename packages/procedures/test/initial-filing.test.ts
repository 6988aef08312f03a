import { WorkingCalendar } from '@gdx/calendar';
import { describe, expect, it } from 'vitest';
import { initialFiling, ProfileError, resolveProfile } from '../src/index.js';

const calendar = WorkingCalendar.official();
const at = (instant: string) => Date.parse(instant);

describe('profile data of the initial-filing duty (第九条(一); 223号 第十条(一))', () => {
  it.each([
    { name: 'national', effective: '2025-03-01', effectiveBasis: '发改数据规〔2025〕26号 第二十四条', basis: '发改数据规〔2025〕26号 第九条(一)', choice: undefined },
    { name: 'inner-mongolia', effective: '2024-12-30', effectiveBasis: '内政数字〔2024〕223号 第三十五条', basis: '内政数字〔2024〕223号 第十条(一)', choice: undefined },
    { name: 'xiamen', effective: '2025-03-01', effectiveBasis: '发改数据规〔2025〕26号 第二十四条', basis: '发改数据规〔2025〕26号 第九条(一)', choice: true },
  ])('$name: 20 WD from operation start, 30 WD from $effective for earlier operations', ({ name, effective, effectiveBasis, basis, choice }) => {
    const p = resolveProfile(name);
    expect(p.limits['registration.initial_filing']).toMatchObject({ value: 20, unit: 'working_days', startTrigger: 'operation_started', basis });
    expect(p.limits['registration.initial_filing_legacy']).toMatchObject({ value: 30, unit: 'working_days', startTrigger: 'rules_in_force', basis });
    expect(p.effectiveDates.registration).toMatchObject({ date: effective, basis: effectiveBasis });
    expect(p.limits['registration.initial_filing_legacy'].choice).toBe(choice);
    expect(p.effectiveDates.registration.choice).toBe(choice);
  });

  it.each([
    [{ date: '2025-02-29' }, 'effectiveDates.registration.date'],
    [{ date: '1 March 2025' }, 'effectiveDates.registration.date'],
    [{ basis: '' }, 'effectiveDates.registration.basis'],
    [{ since: '2025-03-01' }, 'effectiveDates.registration.since'],
  ])('rejects the effective date %j (issue at %s)', (registration, path) => {
    try {
      resolveProfile({ extends: 'national', effectiveDates: { registration } });
      expect.unreachable('the profile should be refused');
    } catch (err) {
      expect(err).toBeInstanceOf(ProfileError);
      expect((err as ProfileError).issues.map((i) => i.path)).toEqual([path]);
    }
  });

  it('a user profile can move the effective date and the legacy limit', () => {
    const p = resolveProfile({ extends: 'national', name: 'my-city', effectiveDates: { registration: { date: '2025-06-01', basis: '某市办法 第三十条' } }, limits: { 'registration.initial_filing_legacy': { value: 60, basis: '某市办法 第十条' } } });
    const f = initialFiling(p, calendar, { operationStartedOn: '2025-05-01', receivedAt: at('2025-06-03T10:00:00+08:00') });
    expect(f).toMatchObject({ legacy: true, startedOn: '2025-06-01', limit: 60, basis: '某市办法 第十条' });
  });
});

describe('initialFiling', () => {
  const national = resolveProfile('national');

  it.each([
    // 20 WD from Friday 2025-09-26: the 10-01…10-08 holiday skipped, the make-up days 09-28 (Sunday) and 10-11 (Saturday) counted.
    { started: '2025-09-26', received: '2025-10-30T23:59:59+08:00', dueDate: '2025-10-30', late: false },
    { started: '2025-09-26', received: '2025-10-31T00:00:00+08:00', dueDate: '2025-10-30', late: true },
    { started: '2025-09-26', received: '2025-09-26T10:00:00+08:00', dueDate: '2025-10-30', late: false },
    // Operation started on the effective day itself is not an earlier operation.
    { started: '2025-03-01', received: '2025-03-31T10:00:00+08:00', dueDate: '2025-03-28', late: true },
  ])('operation started $started, received $received → due $dueDate, late $late', ({ started, received, dueDate, late }) => {
    const f = initialFiling(national, calendar, { operationStartedOn: started, receivedAt: at(received) });
    expect(f).toEqual({
      operationStartedOn: started, legacy: false, limit: 20, unit: 'working_days', startTrigger: 'operation_started', startedOn: started,
      dueDate, dueAt: `${nextDay(dueDate)}T00:00:00+08:00`, late, basis: '发改数据规〔2025〕26号 第九条(一)',
    });
  });

  it.each([
    // 30 WD after Saturday 2025-03-01: March has 21 working days, Qingming (04-04) is off → 04-14.
    { profile: 'national', started: '2024-06-01', received: '2025-04-14T18:00:00+08:00', startedOn: '2025-03-01', dueDate: '2025-04-14', late: false },
    { profile: 'national', started: '2025-02-28', received: '2025-04-15T09:00:00+08:00', startedOn: '2025-03-01', dueDate: '2025-04-14', late: true },
    // 30 WD after 2024-12-30 across New Year and the Spring Festival (make-up days 01-26 and 02-08 counted).
    { profile: 'inner-mongolia', started: '2024-06-01', received: '2025-02-17T10:00:00+08:00', startedOn: '2024-12-30', dueDate: '2025-02-17', late: false },
    { profile: 'inner-mongolia', started: '2024-12-29', received: '2025-02-18T10:00:00+08:00', startedOn: '2024-12-30', dueDate: '2025-02-17', late: true },
  ])('$profile: operation started $started (before the rules) → 30 WD from $startedOn, due $dueDate', ({ profile, started, received, startedOn, dueDate, late }) => {
    const f = initialFiling(resolveProfile(profile), calendar, { operationStartedOn: started, receivedAt: at(received) });
    expect(f).toMatchObject({ operationStartedOn: started, legacy: true, limit: 30, startTrigger: 'rules_in_force', startedOn, dueDate, late });
  });

  it('inner-mongolia: an operation started on 2025-01-02 is under its rules already (20 WD)', () => {
    const f = initialFiling(resolveProfile('inner-mongolia'), calendar, { operationStartedOn: '2025-01-02', receivedAt: at('2025-01-03T10:00:00+08:00') });
    expect(f).toMatchObject({ legacy: false, limit: 20, startedOn: '2025-01-02', basis: '内政数字〔2024〕223号 第十条(一)' });
  });

  it('a period reaching a year without a published schedule throws CALENDAR_NOT_PUBLISHED', () => {
    expect(() => initialFiling(national, calendar, { operationStartedOn: '2026-12-15', receivedAt: at('2026-12-16T10:00:00+08:00') })).toThrow(
      expect.objectContaining({ code: 'CALENDAR_NOT_PUBLISHED', year: 2027 }),
    );
  });
});

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
