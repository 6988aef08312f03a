import { describe, expect, it } from 'vitest';
import { pageJson } from './paging.js';

describe('pageJson', () => {
  it('is the JSON of the page with its items parsed', () => {
    const items = [{ id: 'ods_1', title: '人口 "基础" 信息\n', rows: [{ a: 1 }] }, { id: 'ods_2', title: '' }];
    for (const page of [
      { items, nextCursor: 'WyJvZHNfMiJd', total: 7 },
      { items, nextCursor: null, total: 2 },
      { items: [], nextCursor: null, total: 0 },
    ]) {
      expect(pageJson({ ...page, items: page.items.map((item) => JSON.stringify(item)) })).toBe(JSON.stringify(page));
    }
  });
});
