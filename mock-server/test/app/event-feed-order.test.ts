// `GET …/events?order=desc`: the newest events of a long feed in one request, older ones paged on
// demand — what the console's feed view opens with — through the HTTP server as a vendor reaches it.
import { describe, expect, it } from 'vitest';
import { defaultPlatforms } from '../../src/index.js';
import { initialSubmission } from '../registration/harness.js';
import { expectReply } from '../support/contract.js';
import { START_AT, usePlatforms } from '../support/harness.js';
import { openSandbox, type TestSandbox } from '../support/sandbox.js';
import { TRANSPORTS } from '../support/transports.js';

const ctx = usePlatforms(() => defaultPlatforms({ catalogEntries: 50 }), TRANSPORTS['node:http server']!, { startAt: START_AT });

/** A sandbox whose feed holds a year of three registrations decided by the seeded officials. */
async function withAYear(): Promise<TestSandbox> {
  const sbx = await openSandbox(ctx, { profile: 'national', reviewerPolicy: { mode: 'auto' } });
  const registrant = sbx.organizations.find((o) => o.roles.includes('registrant'))!;
  for (let i = 0; i < 3; i += 1) expect((await sbx.on('registration', 'POST', '/applications', { as: registrant, body: initialSubmission(registrant) })).status).toBe(201);
  expect((await sbx.advance({ duration: 'P1Y', firedLimit: 0 })).status).toBe(200);
  return sbx;
}

/** Every page of the feed in one order, as a client follows `nextCursor`. */
async function pages(sbx: TestSandbox, query: string): Promise<{ seqs: number[][]; total: number }> {
  const seqs: number[][] = [];
  let total = -1;
  for (let next: string | null | undefined; next !== null; ) {
    const reply = await sbx.sim('GET', `/events?limit=7${query}${next ? `&cursor=${next}` : ''}`);
    const body = expectReply('simulation', reply, 'GET', '/sandboxes/{sandboxId}/events', 200);
    seqs.push(body.items.map((e: { seq: number }) => e.seq));
    total = body.total;
    next = body.nextCursor;
  }
  return { seqs, total };
}

describe('the event feed, newest first', () => {
  it('answers the newest events on its first page and pages to older ones: every event once, the oldest-first feed reversed', async () => {
    const sbx = await withAYear();
    const oldestFirst = await pages(sbx, '');
    const newestFirst = await pages(sbx, '&order=desc');
    expect(newestFirst.total).toBe(oldestFirst.total);
    expect(newestFirst.total).toBeGreaterThan(14);
    expect(newestFirst.seqs[0]).toEqual(Array.from({ length: 7 }, (_, i) => newestFirst.total - i));
    expect(newestFirst.seqs.flat()).toEqual(oldestFirst.seqs.flat().reverse());
  });

  it('pages one platform newest first, as it pages it oldest first', async () => {
    const sbx = await withAYear();
    const oldestFirst = await pages(sbx, '&platform=registration');
    const newestFirst = await pages(sbx, '&platform=registration&order=desc');
    expect(newestFirst.seqs.flat()).toEqual(oldestFirst.seqs.flat().reverse());
  });

  it('refuses a cursor of the other order and an unknown order, naming the parameter, and reads as before', async () => {
    const sbx = await withAYear();
    const asc = (await sbx.sim('GET', '/events?limit=2')).body.nextCursor as string;
    const desc = (await sbx.sim('GET', '/events?limit=2&order=desc')).body.nextCursor as string;
    for (const path of [`/events?cursor=${desc}`, `/events?order=desc&cursor=${asc}`]) {
      const reply = await sbx.sim('GET', path);
      expect(reply.status).toBe(400);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(reply.body.code).toBe('INVALID_CURSOR');
      expect(reply.body.errors).toEqual([expect.objectContaining({ pointer: '/query/cursor', code: 'INVALID_CURSOR', message: { zh: expect.stringContaining('order'), en: expect.stringContaining('order') } })]);
    }
    const sideways = await sbx.sim('GET', '/events?order=sideways');
    expect(sideways.status).toBe(400);
    expect(sideways.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/query/order']);
    expect((await sbx.sim('GET', `/events?limit=2&cursor=${asc}`)).status).toBe(200);
    expect((await sbx.sim('GET', `/events?limit=2&order=desc&cursor=${desc}`)).status).toBe(200);
  });
});
