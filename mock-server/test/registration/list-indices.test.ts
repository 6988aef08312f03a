import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { TRANSPORTS } from '../support/transports.js';
import { Harness, idem, initialSubmission, type Org } from './harness.js';

// The registration lists read per-owner / per-state indices (applications, registrations) and a
// public index by notice status, which follows each notice's application. After random
// submissions, registry actions and clock moves, every list must hold exactly what filtering all
// objects would give, newest first where the order is known (applications: creation order).

const inProcess = TRANSPORTS['in-process fetch']!;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Command = { kind: 'submit'; org: number } | { kind: 'progress'; pick: number } | { kind: 'advance'; days: number } | { kind: 'check' };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('submit' as const), org: fc.nat(1) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('progress' as const), pick: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'check' as const }) },
);

/** Every page (limit 2) of a list, as ids, checking each page's total. */
async function walk(x: Harness, org: Org | null, path: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let total: number | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const reply = await x.call(org, 'GET', `${path}${sep}limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    expect(reply.status).toBe(200);
    total ??= reply.body.total;
    expect(reply.body.total).toBe(total);
    ids.push(...reply.body.items.map((i: { id: string }) => i.id));
    cursor = reply.body.nextCursor;
  } while (cursor);
  expect(ids.length).toBe(total);
  return ids;
}

async function checkLists(x: Harness, made: readonly { id: string; org: Org }[]): Promise<void> {
  const notices = new Map<string, string>();
  for (const org of [x.org(0), x.org(1)]) {
    const apps = [];
    for (const m of made.filter((a) => a.org.id === org.id)) apps.push((await x.call(org, 'GET', '/applications/{applicationId}', { applicationId: m.id })).body);
    // Newest first: the reverse of creation order.
    const newest = [...apps].reverse();
    expect(await walk(x, org, '/applications')).toEqual(newest.map((a) => a.id));
    for (const state of new Set(['submitted', 'under_review', 'in_public_notice', 'registered', ...apps.map((a) => a.state as string)])) {
      expect(await walk(x, org, `/applications?state=${state}`)).toEqual(newest.filter((a) => a.state === state).map((a) => a.id));
    }
    const registrations = apps.filter((a) => a.registrationId).map((a) => a.registrationId as string);
    expect((await walk(x, org, '/registrations')).sort()).toEqual([...registrations].sort());
    expect((await walk(x, org, '/registrations?state=registered')).sort()).toEqual([...registrations].sort());
    // The public lookup reads the code index: each registration is found by its code.
    for (const a of apps.filter((app) => app.registrationCode)) {
      const found = await x.call(null, 'GET', '/lookup/{registrationCode}', { registrationCode: a.registrationCode });
      expect(found.status).toBe(200);
      expect(found.body.registrationCode).toBe(a.registrationCode);
    }
    for (const a of apps) if (a.noticeId) notices.set(a.noticeId, (await x.call(null, 'GET', '/public-notices/{noticeId}', { noticeId: a.noticeId })).body.status);
  }
  expect((await walk(x, null, '/public-notices')).sort()).toEqual([...notices.keys()].sort());
  for (const status of ['running', 'under_objection', 'closed']) {
    expect((await walk(x, null, `/public-notices?status=${status}`)).sort()).toEqual([...notices].filter(([, s]) => s === status).map(([id]) => id).sort());
  }
}

describe('registration list indices', () => {
  it('hold every application, registration and public notice list to filtering all objects, after random steps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 18 }), async (commands) => {
        await h?.close();
        h = await Harness.start(inProcess, { profile: 'national', startAt: '2025-09-26T10:00:00+08:00' });
        const x = h;
        const made: { id: string; org: Org }[] = [];
        // Every run first takes one application through its notice to registration, with a check on the way.
        const opening: Command[] = [{ kind: 'submit', org: 0 }, { kind: 'progress', pick: 0 }, { kind: 'progress', pick: 0 }, { kind: 'check' }, { kind: 'advance', days: 20 }];
        for (const c of [...opening, ...commands]) {
          if (c.kind === 'submit') {
            const org = x.org(c.org);
            const r = await x.call(org, 'POST', '/applications', {}, initialSubmission(org), idem());
            expect(r.status).toBe(201);
            made.push({ id: r.body.id, org });
            // A list read places the new application before anything moves it.
            await x.call(org, 'GET', '/applications?limit=1');
          } else if (c.kind === 'advance') {
            expect((await x.sim('POST', `/sandboxes/${x.sandboxId}/clock/advance`, { duration: `P${c.days}D` })).status).toBe(200);
          } else if (c.kind === 'check') {
            await checkLists(x, made);
          } else if (made.length > 0) {
            // The registry moves the application one step: accept, then pass review (the notice opens).
            const { id, org } = made[c.pick % made.length] as { id: string; org: Org };
            const state = (await x.call(org, 'GET', '/applications/{applicationId}', { applicationId: id })).body.state;
            if (state === 'submitted') await x.act('application', id, 'accept');
            else if (state === 'under_review') await x.act('application', id, 'approve_review');
          }
        }
        await checkLists(x, made);
      }),
      { numRuns: 6 },
    );
  });

  it('list the registrations a clock advance made while no list had been read since the applications were filed', async () => {
    // With every object already marked as changed, the index skips marking again: the records the
    // advance creates (new ids, not yet known) must still be counted and placed.
    h = await Harness.start(inProcess, { profile: 'national', startAt: '2025-09-26T10:00:00+08:00', reviewerPolicy: { mode: 'auto' } });
    const x = h;
    const made: { id: string; org: Org }[] = [];
    for (const org of [x.org(0), x.org(1), x.org(0)]) {
      const r = await x.call(org, 'POST', '/applications', {}, initialSubmission(org), idem());
      expect(r.status).toBe(201);
      made.push({ id: r.body.id, org });
    }
    expect((await x.sim('POST', `/sandboxes/${x.sandboxId}/clock/advance`, { duration: 'P90D', firedLimit: 0 })).status).toBe(200);
    const coded = await Promise.all(made.map(async ({ id, org }) => (await x.call(org, 'GET', '/applications/{applicationId}', { applicationId: id })).body.registrationId));
    expect(coded.every((id) => typeof id === 'string')).toBe(true);
    await checkLists(x, made);
    // And once more after the lists were read (nothing marked): a later advance's changes are placed too.
    expect((await x.sim('POST', `/sandboxes/${x.sandboxId}/clock/advance`, { duration: 'P30D' })).status).toBe(200);
    await checkLists(x, made);
  });
});
