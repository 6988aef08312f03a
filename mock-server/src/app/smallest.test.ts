import { describe, expect, it } from 'vitest';
import { Smallest } from './smallest.js';

describe('Smallest', () => {
  const byNumber = (a: number, b: number) => a - b;
  const offered = (k: number, items: readonly number[]) => {
    const first = new Smallest<number>(k, byNumber);
    for (const item of items) first.offer(item);
    return first.sorted();
  };

  it('keeps the k smallest, smallest first, whatever order they are offered in', () => {
    const items = Array.from({ length: 500 }, (_, i) => (i * 7919) % 500);
    for (const order of [items, [...items].sort(byNumber), [...items].sort(byNumber).reverse()]) {
      expect(offered(20, order)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    }
  });

  it('keeps every item when fewer than k are offered, and none when k is 0', () => {
    expect(offered(5, [3, 1, 2])).toEqual([1, 2, 3]);
    expect(offered(0, [3, 1, 2])).toEqual([]);
  });
});
