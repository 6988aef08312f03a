import { describe, expect, it } from 'vitest';
import { createRandom } from '../runner/random.js';
import { breakCreditCode, makeCreditCode } from './credit-code.js';
import { addDays } from '@gdx/calendar';
import { expectedDeadline, justAfter, renewalWindowOpening, validityEnd } from './deadlines.js';
import { LIMITS } from './limits.js';

describe('expectedDeadline (independent of the implementation)', () => {
  it.each<[string, number, string]>([
    ['2025-09-26', 3, '2025-09-30'],
    ['2025-09-26', 20, '2025-10-30'],
    ['2025-09-30', 20, '2025-11-04'],
    ['2026-09-28', 10, '2026-10-16'],
  ])('%s + %i WD → %s', (start, n, due) => {
    expect(expectedDeadline(start, { limit: n, unit: 'working_days' }).dueDate).toBe(due);
  });

  it('gives the registration worked example with its end instant', () => {
    const d = expectedDeadline('2025-09-26', LIMITS.national.registration.acceptance);
    expect(d).toEqual({ startedOn: '2025-09-26', dueDate: '2025-09-30', dueAt: '2025-10-01T00:00:00+08:00' });
    expect(justAfter(d)).toBe('2025-10-01T01:00:00+08:00');
  });

  it('knows the sharing review limit per profile', () => {
    expect([LIMITS.national.sharing.review.limit, LIMITS.xiamen.sharing.review.limit]).toEqual([10, 5]);
  });
});

describe('validityEnd (3 years, capped by the authorised term)', () => {
  it.each<[string, string | null, string]>([
    ['2025-10-17', null, '2028-10-17'],
    ['2028-02-29', null, '2031-02-28'],
    ['2027-06-30', '2035-12-31', '2030-07-01'], // 2030-06-30 is a Sunday
    ['2025-10-17', '2027-06-30', '2027-06-30'],
    ['2027-06-30', '2029-12-31', '2029-12-31'],
  ])('from %s capped by %s → %s', (start, cap, end) => {
    expect(validityEnd(start, cap)).toBe(end);
  });

  it('moves an end on a rest day to the next working day, never a cap (民法典 第二百零三条)', () => {
    // 2028-10-01 is a Sunday (2028 estimated Monday–Friday); 2026-10-03 is National Day.
    expect(validityEnd('2025-10-01', null)).toBe('2028-10-02');
    expect(validityEnd('2025-10-01', '2026-10-03')).toBe('2026-10-03');
  });

  it('lets the renewal window open on the 60th day up to the stated or the unmoved end', () => {
    expect(renewalWindowOpening('2028-11-06')).toEqual({ earliest: '2028-09-06', latest: '2028-09-08' });
    expect(renewalWindowOpening('2028-11-08')).toEqual({ earliest: '2028-09-10', latest: '2028-09-10' });
    // 2026-10-08 follows the National Day holiday (10-01 … 10-07).
    expect(renewalWindowOpening('2026-10-08')).toEqual({ earliest: addDays('2026-10-01', -59), latest: addDays('2026-10-08', -59) });
  });
});

describe('credit codes', () => {
  const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const valid = (code: string) => {
    const sum = WEIGHTS.reduce((s, w, i) => s + ALPHABET.indexOf(code.charAt(i)) * w, 0);
    return ALPHABET.charAt((31 - (sum % 31)) % 31) === code.charAt(17);
  };

  it('accepts the GB 32100 example and generates valid codes', () => {
    expect(valid('91350100M000100Y43')).toBe(true);
    const r = createRandom('codes');
    for (let i = 0; i < 50; i += 1) expect(valid(makeCreditCode(r))).toBe(true);
  });

  it('breaks only the check character', () => {
    const code = makeCreditCode(createRandom('x'));
    const broken = breakCreditCode(code);
    expect(broken.slice(0, 17)).toBe(code.slice(0, 17));
    expect(valid(broken)).toBe(false);
  });
});
