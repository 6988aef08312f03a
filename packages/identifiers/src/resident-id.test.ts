import { describe, expect, it } from 'vitest';
import { computeResidentIdCheckChar, isValidResidentId, makeResidentId, validateResidentId } from './resident-id.js';

/** GB 11643-1999's own example, and numbers built from its rules with each check character. */
const VALID_IDS = ['11010519491231002X', '440524198001010013', '150102200002290011', '350203199912310003'];

describe('validateResidentId (GB 11643-1999)', () => {
  it.each(VALID_IDS)('accepts %s', (id) => {
    expect(validateResidentId(id)).toEqual({ valid: true });
    expect(isValidResidentId(id)).toBe(true);
  });

  it.each(VALID_IDS)('rejects every single-digit substitution of %s', (id) => {
    for (let position = 0; position < 18; position++) {
      for (const char of '0123456789X') {
        if (char === id[position] || (char === 'X' && position < 17)) continue;
        const mutated = id.slice(0, position) + char + id.slice(position + 1);
        expect(isValidResidentId(mutated), mutated).toBe(false);
      }
    }
  });

  it.each([
    { given: '11010519491231002x', why: 'lower-case x' },
    { given: '11010519491231002', why: '17 characters' },
    { given: '110105491231002', why: 'a 15-digit first-generation number' },
    { given: '1101051949123100X2', why: 'X not last' },
    { given: '01010519491231002X', why: 'region code starting with 0' },
    { given: '11010519491231002Y', why: 'bad check character' },
    { given: 11010519491231 as unknown as string, why: 'not a string' },
  ])('rejects $given ($why) as RESIDENT_ID_FORMAT', ({ given }) => {
    expect(validateResidentId(given)).toMatchObject({ valid: false, code: 'RESIDENT_ID_FORMAT' });
  });

  it.each([
    { body: '11010519490230002', why: '30 February' },
    { body: '11010519000229002', why: '29 February 1900 (not a leap year)' },
    { body: '11010519491331002', why: 'month 13' },
    { body: '11010519490000002', why: 'month 0' },
    { body: '11010519490431002', why: '31 April' },
    { body: '11010518000101002', why: 'before 1850' },
  ])('rejects a birth date on $why as RESIDENT_ID_BIRTHDATE (even with a right check char)', ({ body }) => {
    expect(validateResidentId(makeResidentId(body))).toMatchObject({ valid: false, code: 'RESIDENT_ID_BIRTHDATE' });
  });

  it('rejects a birth date after notBornAfter when given', () => {
    const id = makeResidentId('11010520250926002');
    expect(validateResidentId(id)).toEqual({ valid: true });
    expect(validateResidentId(id, { notBornAfter: '2025-09-26' })).toEqual({ valid: true });
    expect(validateResidentId(id, { notBornAfter: '2025-09-25' })).toMatchObject({ code: 'RESIDENT_ID_BIRTHDATE' });
  });

  it('reports a wrong check character as RESIDENT_ID_CHECKSUM in both languages', () => {
    expect(validateResidentId('110105194912310021')).toEqual({
      valid: false,
      code: 'RESIDENT_ID_CHECKSUM',
      message: { zh: '居民身份证号码校验码错误', en: 'The check character of the resident ID number is wrong' },
    });
  });
});

describe('computeResidentIdCheckChar / makeResidentId', () => {
  it.each(VALID_IDS)('computes the check character of %s', (id) => {
    expect(computeResidentIdCheckChar(id.slice(0, 17))).toBe(id[17]);
    expect(makeResidentId(id.slice(0, 17))).toBe(id);
  });

  it('yields all eleven check characters', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200; n++) seen.add(computeResidentIdCheckChar(`1101051949123${String(n).padStart(4, '0')}`));
    expect([...seen].sort().join('')).toBe('0123456789X');
  });

  it.each(['', '1101051949123100', '11010519491231002X', '1101051949123100A'])('throws a TypeError for %j', (given) => {
    expect(() => computeResidentIdCheckChar(given)).toThrow(TypeError);
  });
});
