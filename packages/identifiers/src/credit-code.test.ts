import { describe, expect, it } from 'vitest';
import { computeCreditCodeCheckChar, isValidCreditCode, makeCreditCode, validateCreditCode } from './credit-code.js';

/** Published codes: the textbook example and codes of large companies found in public registers. */
const VALID_CODES = [
  '91350100M000100Y43',
  '9144030071526726XG',
  '914403001922038216',
  '91330100716105852F',
  '91110000802100433B',
  '91110108551385082Q',
  '12100000400010398P',
];

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('validateCreditCode (GB 32100-2015)', () => {
  it.each(VALID_CODES)('accepts %s', (code) => {
    expect(validateCreditCode(code)).toEqual({ valid: true });
    expect(validateCreditCode(code, { checkAuthority: true })).toEqual({ valid: true });
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each(VALID_CODES)('rejects every single-character substitution of %s', (code) => {
    for (let position = 0; position < 18; position++) {
      for (const char of ALPHABET) {
        if (char === code[position]) continue;
        const mutated = code.slice(0, position) + char + code.slice(position + 1);
        expect(validateCreditCode(mutated), mutated).toMatchObject({ valid: false, code: 'CREDIT_CODE_CHECKSUM' });
      }
    }
  });

  it('rejects adjacent transpositions of different characters', () => {
    for (const code of VALID_CODES) {
      for (let i = 0; i < 17; i++) {
        if (code[i] === code[i + 1]) continue;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(isValidCreditCode(swapped), swapped).toBe(false);
      }
    }
  });

  it.each([
    { given: '91350100M000100Y4', why: 'too short' },
    { given: '91350100M000100Y433', why: 'too long' },
    { given: '91350100m000100y43', why: 'lower case' },
    { given: '91350100I000100Y43', why: 'I is not in the alphabet' },
    { given: '91350100O000100Y43', why: 'O is not in the alphabet' },
    { given: '91350100S000100Y43', why: 'S is not in the alphabet' },
    { given: '91350100V000100Y43', why: 'V is not in the alphabet' },
    { given: '91350100Z000100Y43', why: 'Z is not in the alphabet' },
    { given: ' 91350100M000100Y43', why: 'leading space' },
    { given: '', why: 'empty' },
    { given: 91350100 as unknown as string, why: 'not a string' },
  ])('rejects $given ($why) as CREDIT_CODE_FORMAT', ({ given }) => {
    const result = validateCreditCode(given);
    expect(result).toMatchObject({ valid: false, code: 'CREDIT_CODE_FORMAT' });
    if (!result.valid) {
      expect(result.message.zh).toContain('统一社会信用代码');
      expect(result.message.en).toContain('unified social credit code');
    }
  });

  it('checks the registration-authority code only when asked', () => {
    const code = makeCreditCode('B1350100M000100Y4');
    expect(validateCreditCode(code)).toEqual({ valid: true });
    expect(validateCreditCode(code, { checkAuthority: true })).toMatchObject({ valid: false, code: 'CREDIT_CODE_FORMAT' });
    for (const first of ['1', '5', '9', 'A', 'N', 'Y']) {
      expect(isValidCreditCode(makeCreditCode(`${first}1350100M000100Y4`), { checkAuthority: true })).toBe(true);
    }
  });

  it('names the checksum error in both languages', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({
      valid: false,
      code: 'CREDIT_CODE_CHECKSUM',
      message: { zh: '统一社会信用代码校验位错误', en: 'Unified social credit code check character is wrong' },
    });
  });
});

describe('computeCreditCodeCheckChar / makeCreditCode', () => {
  it.each(VALID_CODES)('computes the check character of %s', (code) => {
    expect(computeCreditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
    expect(makeCreditCode(code.slice(0, 17))).toBe(code);
  });

  it('can yield 0 (sum divisible by 31) and every other character', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 2000; n++) seen.add(computeCreditCodeCheckChar(`9111000${String(n).padStart(10, '0')}`));
    expect([...seen].sort().join('')).toBe([...ALPHABET].sort().join(''));
  });

  it.each(['', '91350100M000100Y', '91350100M000100Y43', '91350100I000100Y4'])('throws a TypeError for %j', (given) => {
    expect(() => computeCreditCodeCheckChar(given)).toThrow(TypeError);
  });
});
