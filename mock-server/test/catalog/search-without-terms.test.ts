// A search whose q has nothing to search for — only emoji, symbols, punctuation or spaces, none of
// the Han characters, Latin letters and digits the index holds — matches nothing, as a q that
// matches no entry does; before (QA pass of December 2026) it answered the whole catalog, sorted
// as if there were no q. An empty q (`q=`) is still no q.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';

describe('catalog search with no search terms in q', () => {
  let app: App;
  beforeAll(() => {
    app = createApp({ seed: 5, startAt: '2025-09-26T10:00:00+08:00' });
  });
  afterAll(() => app.close());

  const search = async (query: string) => {
    const answer = await app.dispatch({ method: 'GET', path: '/catalog/v1/search', query, headers: {}, body: undefined });
    expect(answer.status).toBe(200);
    return JSON.parse(String(answer.body)) as { items: unknown[]; total: number; nextCursor: string | null; facets: Record<string, unknown[]> };
  };

  it.each(['q=%F0%9F%98%80', 'q=%E2%9C%85', 'q=%20', 'q=%20%20%2C%E3%80%82%21', 'q=%F0%9F%98%80&sharingType=unconditional'])('%s matches nothing', async (query) => {
    const page = await search(query);
    expect(page).toMatchObject({ items: [], total: 0, nextCursor: null });
    expect(Object.values(page.facets).every((buckets) => buckets.length === 0)).toBe(true);
  });

  it('an empty q is no q, and a q with a term still searches', async () => {
    const all = await search('');
    expect(all.total).toBeGreaterThan(0);
    expect((await search('q=')).total).toBe(all.total);
    const some = await search('q=%F0%9F%98%80%E6%95%B0%E6%8D%AE'); // 😀数据: the emoji is ignored, 数据 searched
    expect((await search('q=%E6%95%B0%E6%8D%AE')).total).toBe(some.total);
    expect(some.total).toBeGreaterThan(0);
    expect(some.total).toBeLessThan(all.total);
  });
});
