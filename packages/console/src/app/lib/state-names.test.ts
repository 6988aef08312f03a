import { describe, expect, it } from 'vitest';
import type { Localized, Step } from '../api/types.js';
import { stateName, stateNames } from './state-names.js';

const zh = (text: Localized | undefined | null) => (text ? text.zh : '');
const NOTICE = { zh: '公示中', en: 'In public notice' };

describe('stateName', () => {
  it.each([
    { given: ['in_public_notice', NOTICE], want: '公示中' },
    { given: ['not_named', undefined], want: 'not_named' },
    { given: ['not_named', null], want: 'not_named' },
    { given: [null, null], want: '（无）' },
  ] as const)('names $given[0] in the locale, else by its id', ({ given, want }) => {
    expect(stateName(given[0], given[1], zh)).toBe(want);
  });

  it('says no state as a word in Chinese, as ∅ in English', () => {
    expect(stateName(null, null, (text) => (text ? text.en : ''))).toBe('∅');
  });

  it('names the states of one object by its timeline steps, a state it has not been in by its id', () => {
    const name = stateNames([{ state: 'in_public_notice', label: NOTICE } as Step], zh);
    expect([name('in_public_notice'), name('registered'), name(null)]).toEqual(['公示中', 'registered', '（无）']);
  });
});
