import { describe, expect, it } from 'vitest';
import { isValidCreditCode, validateCreditCode, validateResidentId } from '../src/index.js';

describe('identifier checks re-exported for callers', () => {
  it('accept a valid credit code and point at a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(validateCreditCode('91350100M000100Y44')).toMatchObject({ valid: false, code: 'CREDIT_CODE_CHECKSUM' });
  });

  it('check the resident ID check digit', () => {
    expect(validateResidentId('11010519491231002X')).toEqual({ valid: true });
    expect(validateResidentId('110105194912310021')).toMatchObject({ valid: false, code: 'RESIDENT_ID_CHECKSUM' });
  });
});
