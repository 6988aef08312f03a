import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../api/types.js';
import { followFeed, type FeedPage } from './feed-tail.js';

/** A feed as the mock pages it: oldest first, `limit` per page, a cursor naming the last seq read. */
function fakeFeed(limit: number) {
  const events: FeedEvent[] = [];
  const cursors: (string | null)[] = [];
  return {
    cursors,
    publish(count: number) {
      for (let i = 0; i < count; i++) events.push({ seq: events.length + 1 } as FeedEvent);
    },
    reset() {
      events.length = 0;
    },
    async load(cursor: string | null): Promise<FeedPage> {
      cursors.push(cursor);
      const after = cursor === null ? 0 : Number(cursor);
      const items = events.filter((e) => e.seq > after).slice(0, limit);
      const more = events.some((e) => e.seq > (items.at(-1)?.seq ?? after));
      return { items, nextCursor: more ? String(items.at(-1)!.seq) : null, total: events.length };
    },
  };
}

const seqs = (events: FeedEvent[]) => events.map((e) => e.seq);

describe('followFeed', () => {
  it('shows the newest events of a feed longer than it keeps, and counts the older ones', async () => {
    const feed = fakeFeed(200);
    feed.publish(1500);
    const next = followFeed((cursor) => feed.load(cursor), 1000);
    const tail = await next();
    expect(seqs(tail.newest).slice(0, 2)).toEqual([1500, 1499]);
    expect(tail.newest).toHaveLength(1000);
    expect(tail.older).toBe(500);
  });

  it('reads only from the last page on, and shows what was published since', async () => {
    const feed = fakeFeed(200);
    feed.publish(1500);
    const next = followFeed((cursor) => feed.load(cursor), 1000);
    await next();
    feed.cursors.length = 0;
    feed.publish(3);
    const tail = await next();
    expect(feed.cursors).toEqual(['1400']);
    expect(seqs(tail.newest).slice(0, 4)).toEqual([1503, 1502, 1501, 1500]);
    expect(new Set(seqs(tail.newest)).size).toBe(1000);
    expect(tail.older).toBe(503);
  });

  it('reads a feed that shrank (a reset sandbox) again from its start', async () => {
    const feed = fakeFeed(200);
    feed.publish(300);
    const next = followFeed((cursor) => feed.load(cursor), 1000);
    await next();
    feed.reset();
    feed.publish(2);
    expect(await next()).toEqual({ newest: [{ seq: 2 }, { seq: 1 }], older: 0 });
  });

  it('shares a read among the polls asked for while it runs', async () => {
    const feed = fakeFeed(200);
    feed.publish(450);
    const next = followFeed((cursor) => feed.load(cursor), 1000);
    const [a, b] = await Promise.all([next(), next()]);
    expect(a).toBe(b);
    expect(feed.cursors).toEqual([null, '200', '400']);
  });
});
