import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../../sandbox/event-feed.js';
import { feedEventView } from './feed-event-view.js';

const entry = (from: string | null, to: string | null): FeedEvent => ({
  seq: 3,
  id: 'evt_3',
  type: 'state_changed',
  at: '2025-09-26T10:00:00+08:00',
  platform: 'registration',
  objectType: 'application',
  objectId: 'rga_1',
  organizationId: 'org_1',
  recipients: ['org_1', 'org_2'],
  event: { seq: 3, type: 'state_changed', from, to },
});
const labels = (state: string) => (state === 'under_review' ? { zh: '形式审核', en: 'Under review' } : undefined);

describe('feedEventView', () => {
  it.each([
    { given: ['submitted', 'under_review'], want: [{ zh: 'submitted', en: 'submitted' }, { zh: '形式审核', en: 'Under review' }] },
    { given: [null, 'under_review'], want: [null, { zh: '形式审核', en: 'Under review' }] },
    { given: ['under_review', null], want: [{ zh: '形式审核', en: 'Under review' }, null] },
  ])('names $given by the procedure, an unnamed state by its id, no state by null', ({ given, want }) => {
    const view = feedEventView(entry(given[0] ?? null, given[1] ?? null), labels);
    expect([view.fromLabel, view.toLabel]).toEqual(want);
  });

  it('leaves out the organisations its webhooks go to', () => {
    expect(feedEventView(entry(null, 'submitted'), labels)).not.toHaveProperty('recipients');
  });
});
