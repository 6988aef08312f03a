import { describe, expect, it } from 'vitest';
import type { FeedEvent } from '../api/types.js';
import { followFeed, type FeedPage } from './feed-tail.js';

/**
 * A feed as the mock pages it with `order=desc`: newest first, `limit` per page, a cursor naming
 * the last seq read (the next page holds the older ones). A reset starts a new feed from seq 1,
 * whose events differ from the old ones at the same positions.
 */
function fakeFeed(limit: number) {
  const events: FeedEvent[] = [];
  const cursors: (string | null)[] = [];
  let generation = 0;
  return {
    cursors,
    publish(count: number) {
      for (let i = 0; i < count; i++) {
        const seq = events.length + 1;
        events.push({ seq, objectId: `obj_${generation}_${seq}`, event: { type: 'state_changed', at: `2025-09-26T10:00:00+08:00` } } as FeedEvent);
      }
    },
    reset() {
      events.length = 0;
      generation += 1;
    },
    async load(cursor: string | null): Promise<FeedPage> {
      cursors.push(cursor);
      const before = cursor === null ? Infinity : Number(cursor);
      const items = events.filter((e) => e.seq < before).reverse().slice(0, limit);
      const more = events.some((e) => e.seq < (items.at(-1)?.seq ?? before));
      return { items, nextCursor: more ? String(items.at(-1)!.seq) : null, total: events.length };
    },
  };
}

const seqs = (events: FeedEvent[]) => events.map((e) => e.seq);
/** The seqs `from` down to `to`. */
const down = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => from - i);

describe('followFeed', () => {
  it('opens a long feed at its newest end with one read, and counts the older events', async () => {
    const feed = fakeFeed(200);
    feed.publish(40_000);
    const tail = await followFeed((cursor) => feed.load(cursor), 1000).poll();
    expect(feed.cursors).toEqual([null]);
    expect(seqs(tail.newest)).toEqual(down(40_000, 39_801));
    expect(tail).toMatchObject({ older: 39_800, canLoadOlder: true });
  });

  it('shows what was published since, reading only the newest page', async () => {
    const feed = fakeFeed(200);
    feed.publish(1500);
    const follow = followFeed((cursor) => feed.load(cursor), 1000);
    await follow.poll();
    feed.publish(3);
    feed.cursors.length = 0;
    const tail = await follow.poll();
    expect(feed.cursors).toEqual([null]);
    expect(seqs(tail.newest)).toEqual(down(1503, 1301));
    expect(tail.older).toBe(1300);
  });

  it('loads older pages on demand, each event once and none skipped, down to the first', async () => {
    const feed = fakeFeed(200);
    feed.publish(450);
    const follow = followFeed((cursor) => feed.load(cursor), 1000);
    await follow.poll();
    expect(await follow.loadOlder()).toMatchObject({ older: 50, canLoadOlder: true });
    const tail = await follow.loadOlder();
    expect(seqs(tail.newest)).toEqual(down(450, 1));
    expect(tail).toMatchObject({ older: 0, canLoadOlder: false });
    feed.cursors.length = 0;
    await follow.loadOlder();
    expect(feed.cursors).toEqual([]);
  });

  it('starts again at the newest events when more were published than it keeps, older ones still loadable without a gap', async () => {
    const feed = fakeFeed(200);
    feed.publish(300);
    const follow = followFeed((cursor) => feed.load(cursor), 1000);
    await follow.poll();
    feed.publish(40_000);
    feed.cursors.length = 0;
    const tail = await follow.poll();
    expect(feed.cursors).toHaveLength(5);
    expect(seqs(tail.newest)).toEqual(down(40_300, 39_301));
    expect(tail.older).toBe(39_300);
    expect(seqs((await follow.loadOlder()).newest).slice(1000, 1002)).toEqual([39_300, 39_299]);
  });

  it('keeps following a feed that runs on: new events on top, the oldest dropped at a page end, never a restart or a gap', async () => {
    const feed = fakeFeed(200);
    feed.publish(1000);
    const follow = followFeed((cursor) => feed.load(cursor), 1000);
    await follow.poll();
    for (let i = 0; i < 3; i++) await follow.loadOlder();
    let latest = 1000;
    for (let i = 0; i < 60; i++) {
      feed.publish(50);
      latest += 50;
      const tail = await follow.poll();
      // The newest event on top, one run of the feed below it, no fewer than were loaded minus a page, no more than kept.
      expect(seqs(tail.newest)).toEqual(down(latest, latest - tail.newest.length + 1));
      expect(tail.newest.length).toBeGreaterThanOrEqual(800);
      expect(tail.newest.length).toBeLessThanOrEqual(1000);
      expect(tail).toMatchObject({ older: latest - tail.newest.length, canLoadOlder: true });
    }
    const before = await follow.poll();
    expect(before.trimmed).toBe(true);
    // The dropped events load again, just below those held.
    const bottom = before.newest.at(-1)!.seq;
    const after = await follow.loadOlder();
    expect(seqs(after.newest)).toEqual(down(latest, bottom - 200));
  });

  it('keeps at most what it keeps (or what was loaded), not growing with every poll', async () => {
    const feed = fakeFeed(200);
    feed.publish(1000);
    const follow = followFeed((cursor) => feed.load(cursor), 300);
    expect((await follow.poll()).trimmed).toBe(false);
    feed.publish(150);
    const tail = await follow.poll();
    // 350 would be held: cut where the newest page ended (seq 951), which loads what was cut again.
    expect(seqs(tail.newest)).toEqual(down(1150, 951));
    expect(tail).toMatchObject({ older: 950, canLoadOlder: true, trimmed: true });
    expect(seqs((await follow.loadOlder()).newest).slice(199, 201)).toEqual([951, 950]);
  });

  it.each([
    { name: 'shrank', after: 2 },
    { name: 'was replaced by a longer one', after: 310 },
  ])('reads a feed that $name (a reset sandbox) again from its newest end', async ({ after }) => {
    const feed = fakeFeed(200);
    feed.publish(300);
    const follow = followFeed((cursor) => feed.load(cursor), 1000);
    await follow.poll();
    feed.reset();
    feed.publish(after);
    const tail = await follow.poll();
    expect(seqs(tail.newest)).toEqual(down(after, Math.max(1, after - 199)));
    expect(tail.newest.every((e) => e.objectId.startsWith('obj_1_'))).toBe(true);
  });

  it('shares a poll among the polls asked for while it runs, and loads older events only after it', async () => {
    const feed = fakeFeed(200);
    feed.publish(450);
    const follow = followFeed((cursor) => feed.load(cursor), 1000);
    const [a, b, older] = await Promise.all([follow.poll(), follow.poll(), follow.loadOlder()]);
    expect(a).toBe(b);
    expect(feed.cursors).toEqual([null, '251']);
    expect(seqs(older.newest)).toEqual(down(450, 51));
  });
});
