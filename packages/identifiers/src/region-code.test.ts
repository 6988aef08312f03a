import { describe, expect, it } from 'vitest';
import { validateRegionCode } from './region-code.js';

describe('validateRegionCode (format only)', () => {
  it.each(['110000', '150100', '150102', '350203', '659004'])('accepts %s', (code) => {
    expect(validateRegionCode(code)).toEqual({ valid: true });
  });

  it.each(['', '15010', '1501000', '050100', '15010A', ' 150100', '１５０１００'])('rejects %j', (code) => {
    expect(validateRegionCode(code)).toEqual({
      valid: false,
      code: 'REGION_CODE_FORMAT',
      message: { zh: '行政区划代码应为 6 位数字，首位不为 0', en: 'A region code is 6 digits, the first not 0' },
    });
  });

  it('rejects non-strings', () => {
    expect(validateRegionCode(150100 as unknown as string)).toMatchObject({ valid: false });
  });
});
