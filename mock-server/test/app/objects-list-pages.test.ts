// GET /_sim/v1/sandboxes/{id}/objects keeps only a page's items (a bounded heap) instead of
// sorting every object: walking it page by page, at any page size, must read exactly the one
// sorted list — also where objects of several platforms and types share one instant (ties broken
// by platform, type and id) and where the last page ends exactly at the end of the list.
import { describe, expect, it } from 'vitest';
import { apply } from '../open-data/fixtures.js';
import { entryOf, REQUESTER, requestBody } from '../sharing/fixtures.js';
import { openWorld, useWorld, type World } from '../support/world.js';

const ctx = useWorld();

interface Row {
  platform: string;
  objectType: string;
  objectId: string;
  createdAt: string;
  overdue: boolean;
}

/** Every page of `query` at `limit`, each page's `total`, and whether the last one ended with `nextCursor: null`. */
async function walk(world: World, query: string, limit: number): Promise<{ rows: Row[]; totals: number[]; pages: number }> {
  const rows: Row[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const params = [query, `limit=${limit}`, cursor === null ? '' : `cursor=${cursor}`].filter((p) => p !== '');
    const page = await world.sim('GET', `/objects?${params.join('&')}`);
    expect(page.status).toBe(200);
    rows.push(...(page.body.items as Row[]));
    totals.push(page.body.total as number);
    cursor = page.body.nextCursor as string | null;
    pages += 1;
  } while (cursor !== null && pages < 100);
  return { rows, totals, pages };
}

describe('GET /objects, page by page', () => {
  it('reads the one sorted list at every page size, across platforms tied at one instant', async () => {
    const world = await openWorld(ctx);
    for (let i = 0; i < 3; i += 1) {
      await world.sharing('POST', '/requests', { as: world.org(REQUESTER), body: requestBody(entryOf(world, 'unconditional')) });
      await apply(world);
    }
    const all = (await world.sim('GET', '/objects?limit=200')).body;
    expect(all.nextCursor).toBeNull();
    const rows = all.items as Row[];
    expect(all.total).toBe(rows.length);
    // The precondition: requests, grants and applications of two platforms created at one instant.
    const now = rows[0]!.createdAt;
    const tied = rows.filter((r) => r.createdAt === now);
    expect(new Set(tied.map((r) => r.platform))).toEqual(new Set(['sharing', 'open-data']));
    expect(new Set(tied.map((r) => r.objectType))).toEqual(new Set(['request', 'grant', 'application']));
    // Newest first; at one instant by platform, then type, then id.
    const place = (r: Row) => [String(9e15 - Date.parse(r.createdAt)).padStart(20, '0'), r.platform, r.objectType, r.objectId].join('\u0000');
    expect(rows.map(place)).toEqual(rows.map(place).sort());

    for (const limit of [1, 2, 3, 5, rows.length - 1, rows.length]) {
      const walked = await walk(world, '', limit);
      expect(walked.rows).toEqual(rows);
      expect(new Set(walked.totals)).toEqual(new Set([rows.length]));
      expect(walked.pages).toBe(Math.ceil(rows.length / limit));
    }
  });

  it('pages a filtered list as the filter of the whole list, and ends with the last item where one page fewer than all stops', async () => {
    const world = await openWorld(ctx);
    for (let i = 0; i < 2; i += 1) await apply(world);
    const rows = (await world.sim('GET', '/objects?limit=200')).body.items as Row[];
    const applications = rows.filter((r) => r.objectType === 'application');
    const walked = await walk(world, 'objectType=application', 1);
    expect(walked.rows).toEqual(applications);
    expect(walked.totals).toEqual(applications.map(() => applications.length));
    const notOverdue = await walk(world, 'overdue=false', 2);
    expect(notOverdue.rows).toEqual(rows.filter((r) => !r.overdue));

    const last = await world.sim('GET', `/objects?limit=${rows.length - 1}`);
    const past = await world.sim('GET', `/objects?limit=1&cursor=${last.body.nextCursor}`);
    expect(past.body.items).toEqual([rows.at(-1)]);
    expect(past.body.nextCursor).toBeNull();
    expect(past.body.total).toBe(rows.length);
  });
});
