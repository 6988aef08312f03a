// A cursor is opaque base64url JSON, so anyone can make one: a cursor no page of the list makes
// (a negative or fractional position, a number where the list keys hold a string) is refused with
// 400 INVALID_CURSOR at /query/cursor, never read as a place to page from (QA pass of December
// 2026: `[-5, 'desc']` gave an empty feed page, `[1.5, 'desc']` silently skipped seq 1).
import { describe, expect, it } from 'vitest';
import { defaultPlatforms } from '../../src/index.js';
import { decodeCursor, encodeCursor } from '../../src/app/paging.js';
import { initialSubmission } from '../registration/harness.js';
import { expectReply } from '../support/contract.js';
import { usePlatforms } from '../support/harness.js';
import { openSandbox, type TestSandbox } from '../support/sandbox.js';

const ctx = usePlatforms(() => defaultPlatforms({ catalogEntries: 20 }));

/** A sandbox with three registrations filed: a feed, a request journal and a list of the registrant's applications. */
async function withApplications(): Promise<{ sbx: TestSandbox; registrant: TestSandbox['organizations'][number] }> {
  const sbx = await openSandbox(ctx, { profile: 'national', seed: 3, reviewerPolicy: { mode: 'manual' } });
  const registrant = sbx.organizations.find((o) => o.roles.includes('registrant'))!;
  for (let i = 0; i < 3; i += 1) expect((await sbx.on('registration', 'POST', '/applications', { as: registrant, body: initialSubmission(registrant as never) })).status).toBe(201);
  return { sbx, registrant };
}

function expectInvalidCursor(reply: { status: number; body: any }, what: unknown): void {
  expect({ what, status: reply.status, code: reply.body.code, detail: reply.body.detail, errors: reply.body.errors }).toEqual({
    what,
    status: 400,
    code: 'INVALID_CURSOR',
    // What was wrong with this cursor, as other problems say of theirs.
    detail: expect.stringMatching(/^the cursor ".+" (decodes to no position of this list: it was altered, or a page of another list made it|is malformed: it is not the base64url JSON a page's nextCursor holds)/),
    errors: [{ pointer: '/query/cursor', code: 'INVALID_CURSOR', message: { zh: expect.any(String), en: expect.any(String) } }],
  });
}

describe('forged cursors', () => {
  it("the problem's detail tells a malformed cursor from one that decodes to no position of the list, quoting its start", async () => {
    const { sbx } = await withApplications();
    expect((await sbx.sim('GET', '/requests?cursor=not-a-cursor')).body.detail).toBe(
      `the cursor "not-a-cursor" is malformed: it is not the base64url JSON a page's nextCursor holds (cut short or changed in copying, or no cursor at all): pass nextCursor unchanged`,
    );
    const forged = encodeCursor([1.5]);
    expect((await sbx.sim('GET', `/requests?cursor=${forged}`)).body.detail).toBe(`the cursor "${forged}" decodes to no position of this list: it was altered, or a page of another list made it; pass this list's nextCursor unchanged`);
    const long = encodeCursor(['x'.repeat(60)]);
    expect((await sbx.sim('GET', `/objects?cursor=${long}`)).body.detail).toContain(`the cursor "${long.slice(0, 40)}…" decodes to no position of this list`);
  });

  it('the event feed takes only the seqs its pages end at: from 1 newest first, from 0 oldest first', async () => {
    const { sbx } = await withApplications();
    // 1e999 is Infinity once parsed: no key holds it.
    for (const key of [[-5, 'desc'], [0, 'desc'], [1.5, 'desc'], [2 ** 53, 'desc'], [-1], [1.5], ['1']]) {
      expectInvalidCursor(await sbx.sim('GET', `/events?${(key[1] === 'desc' ? 'order=desc&' : '')}cursor=${encodeCursor(key as (string | number)[])}`), key);
    }
    expectInvalidCursor(await sbx.sim('GET', `/events?cursor=${btoa('[1e999]')}`), '[1e999]');
    // What pages and the clock make still reads: [0] is an advance's eventsCursor before anything was published.
    const all = expectReply('simulation', await sbx.sim('GET', '/events?limit=200'), 'GET', '/sandboxes/{sandboxId}/events', 200);
    expect(expectReply('simulation', await sbx.sim('GET', `/events?cursor=${encodeCursor([0])}`), 'GET', '/sandboxes/{sandboxId}/events', 200).items).toEqual(all.items.slice(0, 20));
    const newest = expectReply('simulation', await sbx.sim('GET', `/events?order=desc&limit=200&cursor=${encodeCursor([2, 'desc'])}`), 'GET', '/sandboxes/{sandboxId}/events', 200);
    expect(newest.items.map((e: { seq: number }) => e.seq)).toEqual([1]);
  });

  it('the objects list, the request journal and the webhook delivery log refuse what none of their pages makes', async () => {
    const { sbx } = await withApplications();
    expectInvalidCursor(await sbx.sim('GET', `/objects?cursor=${encodeCursor([1.5, 'registration', 'application', 'rga_1'])}`), 'objects');
    for (const key of [[-3], [0], [1.5]]) expectInvalidCursor(await sbx.sim('GET', `/requests?cursor=${encodeCursor(key)}`), key);
    for (const key of [[-1], [0.5], ['0']]) expectInvalidCursor(await sbx.sim('GET', `/webhooks/deliveries?cursor=${encodeCursor(key)}`), key);
    expect((await sbx.sim('GET', `/requests?cursor=${encodeCursor([2])}`)).status).toBe(200);
    expect((await sbx.sim('GET', `/webhooks/deliveries?cursor=${encodeCursor([0])}`)).status).toBe(200);
  });

  it('a platform list refuses a key of another shape than its own, and pages by its own', async () => {
    const { sbx, registrant } = await withApplications();
    const list = (cursor: string) => sbx.on('registration', 'GET', `/applications?limit=1&cursor=${cursor}`, { as: registrant });
    const first = await sbx.on('registration', 'GET', '/applications?limit=1', { as: registrant });
    expect(first.status).toBe(200);
    const key = decodeCursor(first.body.nextCursor)!; // the key, without the query it is bound to
    expect(key.some((k) => typeof k === 'number')).toBe(true);
    const forged = [
      key.map((k) => (typeof k === 'number' ? k + 0.5 : k)), // between two places no page ends at
      key.map((k) => (typeof k === 'number' ? String(k) : 7)), // each member of the other type
      [...key, 'more'],
      key.slice(1),
    ];
    for (const k of forged) expectInvalidCursor(await list(encodeCursor(k)), k);
    expect((await list(first.body.nextCursor)).body.items).toHaveLength(1);
    // A sandbox id list (keys of one string): a number is not one of its keys.
    expectInvalidCursor(await ctx.call('GET', `/_sim/v1/sandboxes?cursor=${encodeCursor([5])}`), 'sandboxes');
  });
});
