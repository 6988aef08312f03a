import { describe, expect, it } from 'vitest';
import type { Delivery } from '../api/types.js';
import { DELIVERY_PAGE, readNewestDeliveries } from './delivery-pages.js';

/** A delivery log as the mock pages it: `order=desc` newest first, a cursor naming the last position read; `?state=` filters. */
function fakeLog(count: number, failedEvery = 0) {
  const log = Array.from({ length: count }, (_, i) => ({ id: `dlv_1_${i + 1}`, state: failedEvery && (i + 1) % failedEvery === 0 ? 'failed' : 'delivered' }) as Delivery);
  const asked: Record<string, unknown>[] = [];
  return {
    asked,
    async load(params: { order: 'desc'; limit: number; state?: Delivery['state']; cursor?: string }) {
      asked.push(params);
      if (params.order !== 'desc') throw new Error('the console reads newest first');
      const positions = log.map((_, i) => i).filter((i) => !params.state || log[i]!.state === params.state);
      const before = params.cursor === undefined ? Infinity : Number(params.cursor);
      const page = positions.filter((p) => p < before).reverse().slice(0, params.limit);
      const more = positions.some((p) => p < (page.at(-1) ?? before));
      return { items: page.map((p) => log[p]!), nextCursor: more ? String(page.at(-1)) : null, total: positions.length };
    },
  };
}

const ids = (items: Delivery[]) => items.map((d) => Number(d.id.slice('dlv_1_'.length)));

describe('readNewestDeliveries', () => {
  it('shows the newest page first, not the oldest, and says older ones are left', async () => {
    const log = fakeLog(250);
    const window = await readNewestDeliveries(log.load, 1);
    expect(ids(window.items)).toEqual(Array.from({ length: DELIVERY_PAGE }, (_, i) => 250 - i));
    expect(window).toMatchObject({ total: 250, more: true });
  });

  it('loads older pages through the cursors, to the oldest, without gaps or repeats', async () => {
    const log = fakeLog(250);
    const window = await readNewestDeliveries(log.load, 5);
    expect(ids(window.items)).toEqual(Array.from({ length: 250 }, (_, i) => 250 - i));
    expect(window.more).toBe(false);
    // Three pages were enough: it stops at the oldest.
    expect(log.asked).toHaveLength(3);
  });

  it('reads only the failed ones when asked', async () => {
    const log = fakeLog(250, 10);
    const window = await readNewestDeliveries(log.load, 1, 'failed');
    expect(ids(window.items)).toEqual(Array.from({ length: 25 }, (_, i) => 250 - 10 * i));
    expect(window).toMatchObject({ total: 25, more: false });
    expect(log.asked[0]).toMatchObject({ state: 'failed' });
  });
});
