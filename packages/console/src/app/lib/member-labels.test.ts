import { describe, expect, it } from 'vitest';
import { memberLabel } from './member-labels.js';

/** The names the mock sends with `dispute_sharing_type`'s fields (`ActionField.memberLabels`), merged as a form merges them. */
const LABELS = {
  'reasons/text': { zh: '理由', en: 'Reason' },
  'reasons/code': { zh: '理由代码', en: 'Reason code' },
  'sharing/type': { zh: '共享类型', en: 'Sharing type' },
  'sharing/type=unconditional': { zh: '无条件共享', en: 'Unconditional' },
};

describe('memberLabel', () => {
  it('names a member inside a field in the reader’s language, whichever row of a list it is in', () => {
    expect(memberLabel(LABELS, '/reasons/0/text', 'zh', 'text')).toBe('理由');
    expect(memberLabel(LABELS, '/reasons/12/code', 'zh', 'code')).toBe('理由代码');
    expect(memberLabel(LABELS, '/reasons/0/text', 'en', 'text')).toBe('Reason');
    expect(memberLabel(LABELS, '/sharing/type', 'zh', 'type')).toBe('共享类型');
  });

  it('names a choice of a member as `pointer=value`', () => {
    expect(memberLabel(LABELS, '/sharing/type=unconditional', 'zh', 'unconditional')).toBe('无条件共享');
    expect(memberLabel(LABELS, '/sharing/type=not_shared', 'zh', 'not_shared')).toBe('not_shared');
  });

  it('leaves a member the contract does not name to its own name, and reads no index into a name', () => {
    expect(memberLabel(LABELS, '/sharing/legalBasis', 'zh', 'legalBasis')).toBe('legalBasis');
    expect(memberLabel(LABELS, '/reasons/text', 'zh', 'text')).toBe('理由');
    expect(memberLabel({}, '/reasons/0/text', 'zh', 'text')).toBe('text');
  });
});
