import { describe, expect, it } from 'vitest';
import type { FeedEvent, FiredTransition, Localized, Step } from '../api/types.js';
import { firedStateNames, stateName, stateNames } from './state-names.js';

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

describe('firedStateNames', () => {
  const event = (platform: string, objectType: string, from: string | null, to: string, fromLabel: Localized | null, toLabel: Localized) =>
    ({ platform, objectType, event: { from, to }, fromLabel, toLabel }) as unknown as FeedEvent;
  const fired = (platform: string, objectType: string) => ({ platform, objectType }) as FiredTransition;

  it('names the states of fired transitions by the labels of the feed’s events, per procedure, else by their ids', () => {
    const name = firedStateNames(
      [
        event('registration', 'application', 'submitted', 'accepted', { zh: '已提交', en: 'Submitted' }, { zh: '已受理', en: 'Accepted' }),
        event('sharing', 'request', null, 'submitted', null, { zh: '已申请', en: 'Requested' }),
      ],
      zh,
    );
    expect([name(fired('registration', 'application'), 'submitted'), name(fired('registration', 'application'), 'accepted')]).toEqual(['已提交', '已受理']);
    // The same id in another procedure is named by that procedure's label.
    expect(name(fired('sharing', 'request'), 'submitted')).toBe('已申请');
    expect([name(fired('open-data', 'application'), 'submitted'), name(fired('sharing', 'request'), null)]).toEqual(['submitted', '（无）']);
  });
});
