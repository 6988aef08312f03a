import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/locale.js';
import { policyText } from './sandboxes.js';

describe('policyText', () => {
  it('names the reviewer policy in the reader’s language, with its rate or its lateness', () => {
    const zh = translator('zh');
    expect(policyText({ mode: 'manual' }, zh)).toBe('人工');
    expect(policyText({ mode: 'auto' }, zh)).toBe('自动');
    expect(policyText({ mode: 'auto', approvalRate: 0.8 }, zh)).toBe('自动 0.8');
    expect(policyText({ mode: 'late', overdueByWorkingDays: 3 }, zh)).toBe('迟延 +3');
    expect(policyText({ mode: 'late' }, translator('en'))).toBe('late +1');
  });
});
