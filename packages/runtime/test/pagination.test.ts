import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, GdxError, Paginator } from '../src/index.js';
import { json, type Script } from './helpers/test-server.js';
import { useTestServer } from './helpers/use-test-server.js';

let client: ApiClient;
const list = { operationId: 'listApplications', method: 'GET', path: '/applications', query: { limit: 2, state: 'submitted' } } as const;

/** Serves ids 1..5 two per page; the cursor is the last id served. */
const pages: Script = (req, res) => {
  const url = new URL(req.url, 'http://x');
  const after = Number(url.searchParams.get('cursor') ?? 0);
  const limit = Number(url.searchParams.get('limit'));
  const items = [1, 2, 3, 4, 5].filter((id) => id > after).slice(0, limit).map((id) => ({ id: `rga_${id}` }));
  const last = items.at(-1)?.id.slice(4);
  json(200, { items, nextCursor: last !== undefined && Number(last) < 5 ? last : null, total: 5 })(req, res, undefined as never);
};

const server = useTestServer({ fallback: pages });
beforeAll(() => {
  client = new ApiClient({ baseUrl: `${server.origin}/registration/v1`, maxRetries: 0 });
});

describe('paginate', () => {
  it('iterates items across 3 pages, passing the cursor and keeping the query', async () => {
    const ids: string[] = [];
    for await (const item of client.paginate<{ id: string }>(list)) ids.push(item.id);
    expect(ids).toEqual(['rga_1', 'rga_2', 'rga_3', 'rga_4', 'rga_5']);
    expect(server.received.map((r) => r.url)).toEqual([
      '/registration/v1/applications?limit=2&state=submitted',
      '/registration/v1/applications?limit=2&state=submitted&cursor=2',
      '/registration/v1/applications?limit=2&state=submitted&cursor=4',
    ]);
  });

  it('gives whole pages with total', async () => {
    const got = [];
    for await (const page of client.paginate<{ id: string }>(list).pages()) got.push([page.items.length, page.nextCursor, page.total]);
    expect(got).toEqual([
      [2, '2', 5],
      [2, '4', 5],
      [1, null, 5],
    ]);
  });

  it('toArray(limit) stops loading pages once it has enough', async () => {
    await expect(client.paginate<{ id: string }>(list).toArray(3)).resolves.toHaveLength(3);
    expect(server.received).toHaveLength(2);
    await expect(client.paginate<{ id: string }>(list).toArray()).resolves.toHaveLength(5);
  });

  it('starts over when iterated again', async () => {
    const paginator = client.paginate<{ id: string }>(list);
    expect(await paginator.toArray()).toEqual(await paginator.toArray());
  });

  it('refuses a response without items and a cursor that repeats', async () => {
    server.fallback(json(200, { data: [] }));
    await expect(client.paginate(list).toArray()).rejects.toMatchObject({ code: 'INVALID_PAGE' });
    server.fallback(json(200, { items: [1], nextCursor: 'same' }));
    await expect(client.paginate(list).toArray()).rejects.toMatchObject({ code: 'INVALID_PAGE' });
  });

  it('names the operation in Chinese and English when a cursor repeats', async () => {
    server.fallback(json(200, { items: [1], nextCursor: 'same' }));
    const error = await client.paginate(list).toArray().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GdxError);
    expect((error as GdxError).message).toBe('[INVALID_PAGE] Not a valid page of listApplications: cursor same repeated');
    expect((error as GdxError).messageZh).toBe('[INVALID_PAGE] listApplications 的分页响应无效：分页游标 same 重复出现');
  });

  it('stops after 100 empty pages in a row that each name a fresh cursor', async () => {
    // Ends after 150 pages, so that a paginator without the bound fails here instead of hanging.
    let n = 0;
    server.fallback((req, res, raw) => json(200, { items: [], nextCursor: ++n < 150 ? `c${n}` : null })(req, res, raw));
    const error = await client.paginate(list).toArray(5).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_PAGE', message: '[INVALID_PAGE] Not a valid page of listApplications: 100 empty pages in a row, each naming a next cursor' });
    expect((error as GdxError).messageZh).toBe('[INVALID_PAGE] listApplications 的分页响应无效：连续 100 页为空却仍给出下一页游标');
    expect(server.received).toHaveLength(100);
  });

  it('counts only consecutive empty pages, up to maxEmptyPages', async () => {
    // Empty, empty, one item, empty, empty, end: never 3 empty pages in a row.
    const script: Array<{ items: number[]; nextCursor: string | null }> = [[], [], [1], [], []].map((items, i, all) => ({ items, nextCursor: i < all.length - 1 ? `c${i}` : null }));
    const load = async (cursor: string | undefined) => script[cursor === undefined ? 0 : Number(cursor.slice(1)) + 1]!;
    await expect(new Paginator<number>(load, { maxEmptyPages: 3 }).toArray()).resolves.toEqual([1]);
    await expect(new Paginator<number>(load, { maxEmptyPages: 2 }).toArray()).rejects.toMatchObject({
      code: 'INVALID_PAGE',
      message: '[INVALID_PAGE] Not a valid page of paginate: 2 empty pages in a row, each naming a next cursor',
    });
  });

  it('ends the listing when the server answers the cursor of the page before again', async () => {
    server.fallback((req, res, raw) => json(200, { items: [{ id: 'x' }], nextCursor: new URL(req.url, 'http://x').searchParams.get('cursor') ?? 'c1' })(req, res, raw));
    await expect(client.paginate(list).toArray()).rejects.toMatchObject({ code: 'INVALID_PAGE', message: '[INVALID_PAGE] Not a valid page of listApplications: cursor c1 repeated' });
    expect(server.received).toHaveLength(2);
  });
});

describe('maxPages', () => {
  /** Answers one item and a fresh cursor for 50 pages, then ends: unbounded, a listing loads all 50. */
  const endless = () => {
    let n = 0;
    server.fallback((req, res, raw) => json(200, { items: [{ id: `rga_${++n}` }], nextCursor: n < 50 ? `c${n}` : null })(req, res, raw));
  };

  it('ends a listing that still names a next page after 10 000 pages with TOO_MANY_PAGES (zh/en)', async () => {
    // Ends after 15 000 pages, so that a paginator without the bound fails here instead of hanging.
    let loads = 0;
    const forever = new Paginator<number>(async () => ({ items: [++loads], nextCursor: loads < 15_000 ? `c${loads}` : null }), { operationId: 'listEntries' });
    const error = await forever.toArray().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GdxError);
    expect(error).toMatchObject({
      code: 'TOO_MANY_PAGES',
      message: '[TOO_MANY_PAGES] listEntries still names a next page after 10000 pages (maxPages); raise maxPages, or narrow the query',
      messageZh: '[TOO_MANY_PAGES] listEntries 已加载 10000 页仍有下一页（maxPages）；请调大 maxPages 或缩小查询范围',
    });
    expect(loads).toBe(10_000);
  });

  it('bounds for await too, and Infinity removes the bound', async () => {
    let loads = 0;
    const load = async () => ({ items: [++loads], nextCursor: loads < 12_000 ? `c${loads}` : null });
    const seen: number[] = [];
    await expect((async () => {
      for await (const item of new Paginator<number>(load)) seen.push(item);
    })()).rejects.toMatchObject({ code: 'TOO_MANY_PAGES' });
    expect(seen).toHaveLength(10_000);
    loads = 0;
    await expect(new Paginator<number>(load, { maxPages: Number.POSITIVE_INFINITY }).toArray()).resolves.toHaveLength(12_000);
  });

  it('is settable per client, and per call over the client', async () => {
    const bounded = new ApiClient({ baseUrl: `${server.origin}/registration/v1`, maxRetries: 0, maxPages: 10 });
    endless();
    await expect(bounded.paginate(list).toArray()).rejects.toMatchObject({ code: 'TOO_MANY_PAGES', message: expect.stringContaining('after 10 pages') });
    expect(server.received).toHaveLength(10);
    server.reset();
    endless();
    await expect(bounded.paginate(list, { maxPages: 3 }).toArray()).rejects.toMatchObject({ message: expect.stringContaining('after 3 pages') });
    expect(server.received).toHaveLength(3);
    server.reset();
    endless();
    await expect(bounded.paginate(list, { maxPages: 50 }).toArray()).resolves.toHaveLength(50);
  });

  it('lets a listing of exactly maxPages pages end normally, and toArray(limit) stop before it', async () => {
    endless();
    await expect(client.paginate(list, { maxPages: 50 }).toArray()).resolves.toHaveLength(50);
    server.reset();
    endless();
    await expect(client.paginate(list, { maxPages: 5 }).toArray(5)).resolves.toHaveLength(5);
  });

  it('takes maxEmptyPages per client and per call', async () => {
    let n = 0;
    server.fallback((req, res, raw) => json(200, { items: [], nextCursor: ++n < 150 ? `c${n}` : null })(req, res, raw));
    const bounded = new ApiClient({ baseUrl: `${server.origin}/registration/v1`, maxRetries: 0, maxEmptyPages: 7 });
    await expect(bounded.paginate(list).toArray(1)).rejects.toMatchObject({ message: expect.stringContaining('7 empty pages in a row') });
    await expect(bounded.paginate(list, { maxEmptyPages: 4 }).toArray(1)).rejects.toMatchObject({ message: expect.stringContaining('4 empty pages in a row') });
    expect(server.received).toHaveLength(11);
  });
});
