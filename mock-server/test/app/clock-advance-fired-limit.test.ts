// `POST …/clock/advance` with `firedLimit`: counts plus a capped list, the rest paged from the
// event feed — through the HTTP server as a vendor reaches it.
import { describe, expect, it } from 'vitest';
import { defaultPlatforms } from '../../src/index.js';
import { initialSubmission } from '../registration/harness.js';
import { expectReply } from '../support/contract.js';
import { START_AT, usePlatforms } from '../support/harness.js';
import { openSandbox, type TestSandbox } from '../support/sandbox.js';
import { TRANSPORTS } from '../support/transports.js';

const ctx = usePlatforms(() => defaultPlatforms({ catalogEntries: 50 }), TRANSPORTS['node:http server']!, { startAt: START_AT });

/** A sandbox with three registration applications filed and nothing fired yet. */
async function withApplications(): Promise<TestSandbox> {
  const sbx = await openSandbox(ctx, { profile: 'national', reviewerPolicy: { mode: 'auto' } });
  const registrant = sbx.organizations.find((o) => o.roles.includes('registrant'))!;
  for (let i = 0; i < 3; i += 1) expect((await sbx.on('registration', 'POST', '/applications', { as: registrant, body: initialSubmission(registrant) })).status).toBe(201);
  return sbx;
}

/** Every feed event after `cursor`, paged as a client would. */
async function feedAfter(sbx: TestSandbox, cursor: string): Promise<{ type: string; objectId: string; at: string }[]> {
  const out: { type: string; objectId: string; at: string }[] = [];
  for (let next: string | null = cursor; next !== null; ) {
    const page = await sbx.sim('GET', `/events?limit=7&cursor=${next}`);
    expect(page.status).toBe(200);
    out.push(...page.body.items);
    next = page.body.nextCursor;
  }
  return out;
}

describe('clock advance: firedLimit', () => {
  it('lists every transition by default, with the count, and a feed cursor whose events are the transitions fired', async () => {
    const sbx = await withApplications();
    const reply = await sbx.advance({ duration: 'P1Y' });
    const body = expectReply('simulation', reply, 'POST', '/sandboxes/{sandboxId}/clock/advance', 200);
    expect(body.fired.length).toBeGreaterThan(6);
    expect(body.firedCount).toBe(body.fired.length);
    expect(body.firedTruncated).toBe(false);
    const events = await feedAfter(sbx, body.eventsCursor);
    expect(events.map((e) => [e.at, e.objectId, e.type])).toEqual(body.fired.map((f: { at: string; objectId: string; type: string }) => [f.at, f.objectId, f.type]));
  });

  it('lists only the first firedLimit transitions, still counting all of them; the feed from the cursor has them all', async () => {
    const sbx = await withApplications();
    const reply = await sbx.advance({ duration: 'P1Y', firedLimit: 2 });
    const body = expectReply('simulation', reply, 'POST', '/sandboxes/{sandboxId}/clock/advance', 200);
    expect(body.fired).toHaveLength(2);
    expect(body.firedCount).toBeGreaterThan(6);
    expect(body.firedTruncated).toBe(true);
    const events = await feedAfter(sbx, body.eventsCursor);
    expect(events).toHaveLength(body.firedCount);
    expect(body.fired.map((f: { at: string; objectId: string; type: string }) => [f.at, f.objectId, f.type])).toEqual(events.slice(0, 2).map((e) => [e.at, e.objectId, e.type]));
    const none = (await (await withApplications()).advance({ workingDays: 3, firedLimit: 0 })).body;
    expect(none.fired).toEqual([]);
    expect(none.firedCount).toBeGreaterThan(0);
    expect(none.firedTruncated).toBe(true);
  });

  it('refuses a firedLimit out of bounds or not an integer, naming the field, and leaves the clock where it was', async () => {
    const sbx = await withApplications();
    const before = (await sbx.sim('GET', '/clock')).body;
    for (const firedLimit of [-1, 10_001, 1.5, '3']) {
      const reply = await sbx.advance({ duration: 'P1Y', firedLimit });
      expect(reply.status).toBe(400);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(reply.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/firedLimit');
    }
    expect((await sbx.sim('GET', '/clock')).body).toEqual(before);
  });
});
