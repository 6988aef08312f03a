import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import { startServer } from '../../src/server/index.js';
import { act, createDraft, search, submit, useCatalogMock } from './workflow-harness.js';

// A repeated search on an unchanged catalog is answered from the page rendered before
// (search-page-cache.ts): these tests hold the answers to what a fresh mock renders, byte for
// byte, and the kept pages to the catalog they were rendered on.

const SEARCHES = [
  'q=%E6%95%B0%E6%8D%AE&limit=20',
  'q=%E4%BA%BA%E5%8F%A3&limit=3&sharingType=unconditional',
  'q=%E4%BF%A1%E6%81%AF&limit=7&grade=general&openingType=open',
  'limit=50&region=350200',
  'q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E8%AF%8D',
];

async function serve(): Promise<{ url: string; get(query: string): Promise<string>; close(): Promise<void> }> {
  const app = createApp({ seed: 1, startAt: '2025-09-26T10:00:00+08:00' });
  const server = await startServer(app, { port: 0 });
  return {
    url: server.url,
    async get(query) {
      const response = await fetch(`${server.url}/catalog/v1/search?${query}`);
      expect(response.status).toBe(200);
      return response.text();
    },
    close: async () => {
      await server.close();
      await app.close();
    },
  };
}

/** The query and the queries of its next pages (at most four). */
async function pages(get: (query: string) => Promise<string>, first: string): Promise<string[]> {
  const queries = [first];
  for (let query = first; queries.length < 5; ) {
    const { nextCursor } = JSON.parse(await get(query)) as { nextCursor: string | null };
    if (nextCursor === null) break;
    query = `${first}&cursor=${nextCursor}`;
    queries.push(query);
  }
  return queries;
}

describe('catalog search answers over HTTP', () => {
  let warm: Awaited<ReturnType<typeof serve>>;
  let fresh: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    [warm, fresh] = await Promise.all([serve(), serve()]);
  });
  afterAll(async () => {
    await Promise.all([warm.close(), fresh.close()]);
  });

  it('answers a repeated query, with its facets and next pages, with the bytes a fresh mock renders', async () => {
    let compared = 0;
    for (const first of SEARCHES) {
      for (const query of await pages(warm.get, first)) {
        const answers = [await warm.get(query), await warm.get(query), await warm.get(query)];
        const rendered = await fresh.get(query);
        expect(answers).toEqual([rendered, rendered, rendered]);
        // The page assembled from rendered fragments is exactly what JSON.stringify makes of it.
        expect(JSON.stringify(JSON.parse(rendered))).toBe(rendered);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(SEARCHES.length);
  });

  it('journals each repeat with the answer cut at the body bound', async () => {
    const query = SEARCHES[0] as string;
    const answer = await warm.get(query);
    await warm.get(query);
    const response = await fetch(`${warm.url}/_sim/v1/sandboxes/default/requests?operation=searchEntries&limit=2`);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { responseBody: unknown; responseBodyTruncated: boolean }[] };
    const cut = new TextDecoder().decode(new TextEncoder().encode(answer).subarray(0, 16 * 1024));
    expect(items).toEqual([expect.objectContaining({ responseBody: cut, responseBodyTruncated: true }), expect.objectContaining({ responseBody: cut, responseBodyTruncated: true })]);
  });
});

describe('catalog search answers follow the catalog', () => {
  const ctx = useCatalogMock();

  it('a publish and a withdrawal change the next answer of a query repeated before them', async () => {
    const sbx = await ctx.sandbox();
    const me = sbx.providers[0]!;
    const name = '检索缓存失效测试目录';
    for (let i = 0; i < 3; i += 1) expect((await search(ctx, sbx, name)).total).toBe(0);

    const draft = await createDraft(ctx, sbx, me, name);
    await submit(ctx, sbx, me, draft.id);
    expect((await act(ctx, sbx, draft.id, 'publish')).status).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await search(ctx, sbx, name)).items).toEqual([expect.objectContaining({ id: draft.id, version: 1 })]);

    const withdrawal = await ctx.call('POST', `${sbx.catalog}/entries/${draft.id}/withdrawal`, { as: me, body: { reason: { text: '测试撤销' } } });
    expect(withdrawal.status).toBe(200);
    expect((await search(ctx, sbx, name)).total).toBe(0);
  });
});
