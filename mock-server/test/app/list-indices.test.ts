import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareKeys } from '../../src/app/paging.js';
import { requestBody } from '../sharing/fixtures.js';
import type { SeededOrg } from '../support/sandbox.js';
import { openWorld, useWorld, type World } from '../support/world.js';

// Lists read per-owner (and per-state) indices kept in list order. These tests hold them to the
// rule the lists answered by before: the caller's objects filtered by state, sorted newest first
// by (createdAt, id), paged by a cursor holding the last key.

const ctx = useWorld();

type Command =
  | { kind: 'submit'; org: number; conditional: boolean }
  | { kind: 'advance'; minutes: number }
  | { kind: 'approve' | 'deliver'; pick: number }
  | { kind: 'check' };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('submit' as const), org: fc.nat(2), conditional: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 90 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('approve' as const, 'deliver' as const), pick: fc.nat(40) }) },
  // Reading the lists between changes makes the indices place objects before they change state.
  { weight: 1, arbitrary: fc.constant({ kind: 'check' as const }) },
);

/** The data users of the sandbox (those that may submit requests), first three. */
function dataUsers(world: World): SeededOrg[] {
  return world.organizations.filter((o) => o.roles.includes('data_user')).slice(0, 3);
}

function entryFor(world: World, org: SeededOrg, conditional: boolean) {
  const type = conditional ? 'conditional' : 'unconditional';
  const entry = world.seed.catalogEntries.find((e) => e.state === 'published' && e.sharing.type === type && e.provider.organizationId !== org.id && e.items.length > 1);
  if (!entry) throw new Error(`no ${type} entry for ${org.id}`);
  return entry;
}

/** Every page of a list (limit 3), with the totals each page answered. */
async function walk(world: World, path: string, org: SeededOrg): Promise<{ ids: string[]; totals: number[] }> {
  const ids: string[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const reply = await world.sharing('GET', `${path}${sep}limit=3${cursor ? `&cursor=${cursor}` : ''}`, { as: org });
    expect(reply.status).toBe(200);
    ids.push(...reply.body.items.map((i: { id: string }) => i.id));
    totals.push(reply.body.total);
    cursor = reply.body.nextCursor;
  } while (cursor);
  return { ids, totals };
}

function newestFirst(rows: { id: string; at: string }[]): string[] {
  return rows.sort((a, b) => compareKeys([-Date.parse(a.at), a.id], [-Date.parse(b.at), b.id])).map((r) => r.id);
}

/** Every request and grant list of each user, page by page, against filtering and sorting all of its objects. */
async function checkLists(world: World, users: readonly SeededOrg[], made: readonly { id: string; owner: SeededOrg }[]): Promise<void> {
  for (const org of users) {
    const mine = [];
    const grants = [];
    for (const m of made.filter((x) => x.owner.id === org.id)) {
      const request = (await world.sharing('GET', `/requests/${m.id}`, { as: org })).body;
      mine.push({ id: request.id, at: request.createdAt, state: request.state });
      if (request.grantId) grants.push({ id: request.grantId, at: (await world.sharing('GET', `/grants/${request.grantId}`, { as: org })).body.deliveredAt });
    }
    const all = await walk(world, '/requests', org);
    expect(all.ids).toEqual(newestFirst([...mine]));
    expect(new Set(all.totals)).toEqual(new Set([mine.length]));
    for (const state of ['under_review', 'approved', 'delivered', 'rejected']) {
      const some = await walk(world, `/requests?state=${state}`, org);
      const expected = newestFirst(mine.filter((r) => r.state === state));
      expect(some.ids).toEqual(expected);
      expect(new Set(some.totals)).toEqual(new Set([expected.length]));
    }
    expect((await walk(world, '/grants', org)).ids).toEqual(newestFirst(grants));
  }
}

describe('list indices', () => {
  it('answer every request and grant list exactly as filtering and sorting all objects would, after random creates and state changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 25 }), async (commands) => {
        const world = await openWorld(ctx);
        const users = dataUsers(world);
        const made: { id: string; owner: SeededOrg; conditional: boolean }[] = [];
        for (const c of commands) {
          if (c.kind === 'submit') {
            const owner = users[c.org % users.length] as SeededOrg;
            const reply = await world.sharing('POST', '/requests', { as: owner, body: requestBody(entryFor(world, owner, c.conditional)) });
            expect(reply.status).toBe(201);
            made.push({ id: reply.body.id, owner, conditional: c.conditional });
            // A list read places the new object in the indices before anything changes its state.
            expect((await world.sharing('GET', '/requests?limit=1', { as: owner })).body.total).toBe(made.filter((m) => m.owner.id === owner.id).length);
          } else if (c.kind === 'advance') {
            expect((await world.advance({ duration: `PT${c.minutes}M` })).status).toBe(200);
          } else if (c.kind === 'check') {
            await checkLists(world, users, made);
          } else {
            const conditionals = made.filter((m) => m.conditional);
            const target = conditionals[c.pick % Math.max(1, conditionals.length)];
            // Refusals (e.g. delivering before approval) change nothing and are part of the test.
            if (target) await world.act({ platform: 'sharing', objectType: 'request', objectId: target.id, action: c.kind });
          }
        }
        await checkLists(world, users, made);
      }),
      { numRuns: 6 },
    );
  });

  it('page on by a cursor past objects created meanwhile: no item twice, none left out, total counts the new ones', async () => {
    const world = await openWorld(ctx);
    const [owner] = dataUsers(world) as [SeededOrg];
    const submit = async () => (await world.sharing('POST', '/requests', { as: owner, body: requestBody(entryFor(world, owner, true)) })).body.id as string;
    const first: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      first.push(await submit());
      expect((await world.advance({ duration: 'PT1M' })).status).toBe(200);
    }
    const page1 = await world.sharing('GET', '/requests?limit=2', { as: owner });
    expect(page1.body.items.map((r: { id: string }) => r.id)).toEqual([first[4], first[3]]);
    const later = [await submit(), await submit()];
    const page2 = await world.sharing('GET', `/requests?limit=2&cursor=${page1.body.nextCursor}`, { as: owner });
    expect(page2.body.items.map((r: { id: string }) => r.id)).toEqual([first[2], first[1]]);
    expect(page2.body.total).toBe(7);
    const page3 = await world.sharing('GET', `/requests?limit=2&cursor=${page2.body.nextCursor}`, { as: owner });
    expect(page3.body).toMatchObject({ items: [{ id: first[0] }], nextCursor: null, total: 7 });
    const fresh = await world.sharing('GET', '/requests?limit=2', { as: owner });
    expect(fresh.body.items.map((r: { id: string }) => r.id)).toEqual(newestFirst(later.map((id) => ({ id, at: '2025-09-26T10:05:00+08:00' }))));
  });

  it('are rebuilt for a sandbox restored from its snapshot (never saved in it)', async () => {
    const world = await openWorld(ctx);
    const [owner] = dataUsers(world) as [SeededOrg];
    for (const conditional of [true, false, true]) await world.sharing('POST', '/requests', { as: owner, body: requestBody(entryFor(world, owner, conditional)) });
    const snapshot = await world.sim('GET', '/snapshot');
    expect(JSON.stringify(snapshot.body)).not.toMatch(/bucket|listIndex/i);
    const imported = await ctx.call('POST', '/_sim/v1/sandboxes/import', { body: { snapshot: snapshot.body, id: `${world.id}_copy` } });
    expect(imported.status).toBe(201);
    const before = await world.sharing('GET', '/requests?state=under_review', { as: owner });
    const after = await ctx.call('GET', `/sandboxes/${world.id}_copy/sharing/v1/requests?state=under_review`, { as: owner });
    expect(after.body).toEqual(before.body);
    expect(after.body.total).toBe(2);
  });
});
