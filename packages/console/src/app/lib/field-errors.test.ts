import { describe, expect, it } from 'vitest';
import type { Problem } from '../api/types.js';
import { errorText, fieldErrorText } from './field-errors.js';

/** The mock's answer to a written reason of blanks only, with the form's other reason refused too. */
const BLANK_REASON: Problem = {
  status: 400,
  code: 'VALIDATION_FAILED',
  message: { zh: '请求参数校验失败', en: 'Request validation failed' },
  detail: '/reasons/0/text: the reason is blank',
  errors: [
    { pointer: '/reasons/0/text', code: 'TEXT_BLANK', message: { zh: '理由不能只有空白', en: 'The reason is blank' } },
    { pointer: '/reasons/0/text', code: 'TOO_SHORT', message: { zh: '理由过短', en: 'The reason is too short' } },
    { pointer: '/grant/endpoint', code: 'ENDPOINT_INVALID', message: { zh: '接口地址无效', en: 'The endpoint is not valid' } },
  ],
};

describe('fieldErrorText', () => {
  it('gives a field what the refusal says of its pointer, in the reader’s language, not the English detail', () => {
    expect(fieldErrorText(BLANK_REASON, '/reasons/0/text', 'zh')).toBe('理由不能只有空白 理由过短');
    expect(fieldErrorText(BLANK_REASON, '/reasons/0/text', 'en')).toBe('The reason is blank The reason is too short');
    expect(fieldErrorText(BLANK_REASON, '/grant/endpoint', 'zh')).toBe('接口地址无效');
  });

  it('says nothing to a field the refusal does not point at, nor when there is no refusal', () => {
    expect(fieldErrorText(BLANK_REASON, '/reasons', 'zh')).toBe('');
    expect(fieldErrorText(BLANK_REASON, '/reasons/1/text', 'zh')).toBe('');
    expect(fieldErrorText(undefined, '/reasons/0/text', 'zh')).toBe('');
    expect(fieldErrorText({ status: 0, code: 'NETWORK_ERROR' }, '/reasons/0/text', 'zh')).toBe('');
  });
});

describe('errorText', () => {
  it('picks the locale’s message, and shows a single-language one as it is', () => {
    expect(errorText(BLANK_REASON.errors![2]!, 'zh')).toBe('接口地址无效');
    expect(errorText({ pointer: '/x', message: 'x is wrong' }, 'zh')).toBe('x is wrong');
    expect(errorText({ pointer: '/x' }, 'en')).toBe('');
  });
});
