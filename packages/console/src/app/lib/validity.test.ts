import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/locale.js';
import { validityText } from './validity.js';

describe('validityText', () => {
  it('says a missing required value in the console’s language, not the browser’s', () => {
    expect(validityText({ valueMissing: true, customError: false }, translator('zh'))).toBe('请填写此项。');
    expect(validityText({ valueMissing: true, customError: false }, translator('en'))).toBe('Fill in this field.');
  });

  it('says any other refused value (a number out of range, a malformed date) in the console’s language', () => {
    expect(validityText({ valueMissing: false, customError: false }, translator('zh'))).toMatch(/^此项的值不符合要求/);
    expect(validityText({ valueMissing: false, customError: false }, translator('en'))).toMatch(/^This value is not accepted/);
  });

  it('leaves a message a control set for itself (a JSON field’s) alone', () => {
    expect(validityText({ valueMissing: false, customError: true }, translator('zh'))).toBe('');
  });
});
