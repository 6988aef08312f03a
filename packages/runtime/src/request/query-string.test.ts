import { describe, expect, it } from 'vitest';
import { buildQuery } from './query-string.js';

describe('buildQuery', () => {
  it.each([
    { query: undefined, want: '' },
    { query: {}, want: '' },
    { query: { cursor: undefined }, want: '' },
    { query: { limit: 20, cursor: 'abc==' }, want: 'limit=20&cursor=abc%3D%3D' },
    { query: { state: ['submitted', 'under_review'], q: '公共 数据' }, want: 'state=submitted&state=under_review&q=%E5%85%AC%E5%85%B1%20%E6%95%B0%E6%8D%AE' },
    { query: { open: false, 'a b': 'c&d' }, want: 'open=false&a%20b=c%26d' },
    { query: { tags: [] }, want: '' },
  ])('$query → $want', ({ query, want }) => {
    expect(buildQuery(query)).toBe(want);
  });
});
