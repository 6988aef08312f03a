import { describe, expect, it } from 'vitest';
import { RequestJournal, resolveRequestJournalLimits, type JournalRecord } from './request-journal.js';

const record = (requestId: string, bytes = 300): Omit<JournalRecord, 'seq'> => ({
  requestId,
  receivedAt: 0,
  simulatedAt: 0,
  method: 'GET',
  path: '/x',
  query: '',
  platform: null,
  operationId: null,
  organizationId: null,
  appKey: null,
  status: 200,
  durationMs: 0,
  problemCode: null,
  requestBody: null,
  responseBody: null,
  bytes,
});
const all = { matches: () => true, limit: 200 };

describe('RequestJournal', () => {
  it('evicts the oldest past the entry bound and counts them', () => {
    const journal = new RequestJournal({ entries: 2, bodyBytes: 16, totalBytes: 1 << 20 });
    for (const id of ['a', 'b', 'c']) journal.record(record(id));
    expect(journal.page(all).items.map((r) => [r.seq, r.requestId])).toEqual([[3, 'c'], [2, 'b']]);
    expect(journal.dropped).toBe(1);
    expect(journal.find('a')).toBeUndefined();
  });

  it('evicts the oldest past the byte bound too', () => {
    const journal = new RequestJournal({ entries: 100, bodyBytes: 16, totalBytes: 1000 });
    for (const id of ['a', 'b', 'c', 'd']) journal.record(record(id, 300));
    expect(journal.page(all).items.map((r) => r.requestId)).toEqual(['d', 'c', 'b']);
    journal.record(record('big', 900));
    expect(journal.page(all).items.map((r) => r.requestId)).toEqual(['big']);
    expect(journal.dropped).toBe(4);
  });

  it('pages before a seq and after since; a clear keeps seq and dropped', () => {
    const journal = new RequestJournal({ entries: 2, bodyBytes: 16, totalBytes: 1 << 20 });
    for (const id of ['a', 'b', 'c']) journal.record(record(id));
    expect(journal.page({ ...all, limit: 1 })).toMatchObject({ more: true, items: [{ seq: 3 }] });
    expect(journal.page({ ...all, before: 3 }).items.map((r) => r.seq)).toEqual([2]);
    expect(journal.page({ ...all, since: 2 }).items.map((r) => r.seq)).toEqual([3]);
    journal.clear();
    journal.record(record('d'));
    expect(journal.page(all).items.map((r) => r.seq)).toEqual([4]);
    expect(journal.dropped).toBe(1);
  });

  it('keeps nothing with entries 0', () => {
    const journal = new RequestJournal({ entries: 0, bodyBytes: 16, totalBytes: 1 << 20 });
    journal.record(record('a'));
    expect(journal.page(all).items).toEqual([]);
  });
});

describe('resolveRequestJournalLimits', () => {
  it('fills the defaults and refuses a bound out of range', () => {
    expect(resolveRequestJournalLimits({ entries: 0 })).toEqual({ entries: 0, bodyBytes: 16384, totalBytes: 8388608 });
    expect(() => resolveRequestJournalLimits({ entries: -1 })).toThrow(/INVALID_REQUEST_JOURNAL.*entries/);
    expect(() => resolveRequestJournalLimits({ bodyBytes: 1.5 })).toThrow(/bodyBytes/);
  });
});
