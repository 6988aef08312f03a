import { describe, expect, it } from 'vitest';
import { joinJson, pageJson } from './paging.js';

describe('pageJson', () => {
  it('is the JSON of the page with its items parsed', () => {
    const items = [{ id: 'ods_1', title: '人口 "基础" 信息\n', rows: [{ a: 1 }] }, { id: 'ods_2', title: '' }, { id: 'ods_3' }];
    for (const page of [
      { items, nextCursor: 'WyJvZHNfMiJd', total: 7 },
      { items: items.slice(0, 1), nextCursor: null, total: 1 },
      { items: [], nextCursor: null, total: 0 },
    ]) {
      expect(pageJson({ ...page, items: page.items.map((item) => JSON.stringify(item)) })).toBe(JSON.stringify(page));
    }
  });
});

describe('joinJson', () => {
  it('joins as join(",") does', () => {
    for (const texts of [[], ['1'], ['{"a":1}', '"数据"', 'null']]) expect(joinJson(texts)).toBe(texts.join(','));
  });
});
