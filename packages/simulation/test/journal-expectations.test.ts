import { describe, expect, it } from 'vitest';
import { expectJournal, JournalExpectationError, type JournalEntry, type JournalSource } from '../src/index.js';

const entry = (seq: number, over: Partial<JournalEntry>): JournalEntry => ({
  seq,
  requestId: `req_${seq}`,
  receivedAt: '2025-09-26T10:00:00+08:00',
  simulatedAt: '2025-09-26T10:00:00+08:00',
  method: 'POST',
  path: '/registration/v1/applications',
  query: '',
  platform: 'registration',
  operationId: 'submitApplication',
  organizationId: 'org_1',
  appKey: 'ak_1',
  status: 201,
  durationMs: 1,
  problemCode: null,
  problem: null,
  requestBody: { type: 'initial', resource: { name: 'A' }, registrants: [{ name: 'X' }] },
  requestBodyTruncated: false,
  responseBody: { id: 'rga_1' },
  responseBodyTruncated: false,
  ...over,
});

/** A journal of these entries, served two per page (newest first), as the simulation API pages it. */
function source(entries: JournalEntry[], dropped = 0): JournalSource {
  const newest = [...entries].sort((a, b) => b.seq - a.seq);
  return {
    requests: {
      async listPage(_sandboxId, query = {}) {
        const start = query.cursor === undefined ? 0 : Number(query.cursor);
        return { items: newest.slice(start, start + 2), nextCursor: start + 2 < newest.length ? String(start + 2) : null, dropped };
      },
    },
  };
}

const journal = source([
  entry(1, { method: 'GET', operationId: 'listApplications', status: 200, requestBody: null }),
  entry(2, {}),
  entry(3, { status: 401, problemCode: 'SIGNATURE_INVALID', organizationId: 'org_2' }),
]);

describe('expectJournal', () => {
  it.each([
    ['an operation and a status', { operation: 'submitApplication', status: 201 }, [2]],
    ['a status class', { status: '4xx' as const }, [3]],
    ['a method in any case', { method: 'get' }, [1]],
    ['a path RegExp', { path: /applications$/ }, [3, 2, 1]],
    ['a problem code, null for none', { problemCode: null, operation: 'submitApplication' }, [2]],
    ['a partial body', { body: { resource: { name: 'A' } } }, [3, 2]],
    ['an array item by item', { body: { registrants: [{ name: /^X/ }] } }, [3, 2]],
    ['the answer body', { responseBody: { id: 'rga_1' }, organizationId: 'org_1' }, [2, 1]],
  ])('matches %s', async (_why, matcher, seqs) => {
    const found = await expectJournal(journal, 'default').toContain(matcher);
    expect(found.map((e) => e.seq)).toEqual(seqs);
  });

  it('reads every page', async () => {
    expect(await expectJournal(journal, 'default').toContainExactly(3, {})).toHaveLength(3);
  });

  it('fails with the closest requests first and each difference', async () => {
    const failure = await expectJournal(journal, 'sbx_1')
      .toContainExactly(1, { operation: 'submitApplication', status: 201, body: { resource: { name: 'B' }, registrants: [] } })
      .then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(JournalExpectationError);
    expect((failure as Error).message).toBe(
      [
        'Expected exactly 1 request(s) matching {"operation":"submitApplication","status":201,"body":{"resource":{"name":"B"},"registrants":[]}} in the request journal of sandbox sbx_1; found 0 among 3 journaled request(s).',
        'Closest requests:',
        '  #2 POST /registration/v1/applications → 201 (submitApplication, req_2)',
        '    body/resource/name: expected "B", got "A"',
        '    body/registrants: expected 0 items, got 1 items',
        '  #3 POST /registration/v1/applications → 401 SIGNATURE_INVALID (submitApplication, req_3)',
        '    status: expected 201, got 401',
        '    body/resource/name: expected "B", got "A"',
        '    body/registrants: expected 0 items, got 1 items',
        '  #1 GET /registration/v1/applications → 200 (listApplications, req_1)',
        '    operation: expected "submitApplication", got "listApplications"',
        '    status: expected 201, got 200',
        '    body: expected an object, got null',
      ].join('\n'),
    );
  });

  it('says when the bound evicted requests, and toContainNone lists what matched', async () => {
    const failure = await expectJournal(source([entry(9, { status: 500, problemCode: 'INTERNAL' })], 4), 'default')
      .toContainNone({ status: '5xx' })
      .then(() => undefined, (error: unknown) => error as Error);
    expect(failure?.message).toContain('found 1 among 1 journaled request(s).\n(4 older request(s) were evicted');
    expect(failure?.message).toContain('Matching:\n  #9 POST /registration/v1/applications → 500 INTERNAL (submitApplication, req_9)');
  });
});
