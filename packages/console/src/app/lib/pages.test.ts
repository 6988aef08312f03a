import { describe, expect, it } from 'vitest';
import type { Page } from '../api/types.js';
import { firstPages } from './pages.js';

/** A list of `count` items as the mock pages it: `?limit=` (at most 200) and an opaque cursor. */
function fakeList(count: number) {
  const asked: URLSearchParams[] = [];
  return {
    asked,
    async load(search: string): Promise<Page<number>> {
      const params = new URLSearchParams(search);
      asked.push(params);
      const limit = Number(params.get('limit'));
      if (!(limit >= 1 && limit <= 200)) throw new Error(`limit ${limit} is outside 1–200`);
      const from = Number(params.get('cursor') ?? 0);
      const items = Array.from({ length: Math.max(0, Math.min(limit, count - from)) }, (_, i) => from + i);
      return { items, nextCursor: from + items.length < count ? String(from + items.length) : null };
    },
  };
}

describe('firstPages', () => {
  it('reads the first pages one page at a time by default', async () => {
    const list = fakeList(450);
    const read = await firstPages(list.load, { limit: 100, platform: 'sharing' }, 3);
    expect(read.items).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(read.more).toBe(true);
    expect(list.asked.map((p) => p.get('limit'))).toEqual(['100', '100', '100']);
    expect(list.asked.every((p) => p.get('platform') === 'sharing')).toBe(true);
  });

  it('reads them in fewer, larger requests up to the API’s most, the last asking only for what is left', async () => {
    const list = fakeList(4_408);
    const read = await firstPages(list.load, { limit: 100 }, 34, 200);
    expect(read.items).toEqual(Array.from({ length: 3_400 }, (_, i) => i));
    expect(read.more).toBe(true);
    expect(list.asked).toHaveLength(17);
    const odd = await firstPages(fakeList(4_408).load, { limit: 100 }, 3, 200);
    expect([odd.items.length, odd.more]).toEqual([300, true]);
  });

  it('stops at the end of the list and says nothing more follows', async () => {
    const list = fakeList(250);
    const read = await firstPages(list.load, { limit: 100 }, 5, 200);
    expect([read.items.length, read.more, list.asked.length]).toEqual([250, false, 2]);
    const exact = await firstPages(fakeList(200).load, { limit: 100 }, 2, 200);
    expect([exact.items.length, exact.more]).toEqual([200, false]);
  });
});
