import { describe, expect, it } from 'vitest';
import type { PlatformName, SandboxEventInput } from '../app/platform-module.js';
import { decodeCursor } from '../app/paging.js';
import { EventFeed } from './event-feed.js';

const AT = '2025-09-26T10:00:00+08:00';

function input(platform: PlatformName, n: number): SandboxEventInput {
  return {
    platform,
    objectType: 'application',
    objectId: `obj_${n}`,
    organizationId: 'org_1',
    alsoNotify: ['org_2', 'org_1'],
    event: { type: 'state_changed', seq: n, to: 'submitted', tags: ['a'] },
    object: () => {
      throw new Error('the feed must not build the object');
    },
  };
}

/** A feed of `platforms[i]` events, in order. */
function feedOf(platforms: PlatformName[]): EventFeed {
  const feed = new EventFeed();
  platforms.forEach((p, i) => feed.append(input(p, i + 1), `evt_${i + 1}`, AT));
  return feed;
}

describe('EventFeed', () => {
  it('numbers events from 1 and names each recipient once, owner first', () => {
    const event = feedOf(['catalog']).page(undefined, 20).items[0];
    expect(event).toMatchObject({ seq: 1, id: 'evt_1', type: 'state_changed', at: AT, recipients: ['org_1', 'org_2'] });
  });

  it.each([
    { name: 'all platforms', platform: undefined, pages: [['evt_1', 'evt_2'], ['evt_3', 'evt_4'], ['evt_5']], total: 5 },
    { name: 'one platform', platform: 'sharing' as const, pages: [['evt_2', 'evt_4'], ['evt_5']], total: 3 },
  ])('pages $name by cursor: every event once, in order', ({ platform, pages, total }) => {
    const feed = feedOf(['catalog', 'sharing', 'catalog', 'sharing', 'sharing']);
    const seen: string[][] = [];
    let after: number | undefined;
    for (;;) {
      const page = feed.page(after, 2, platform);
      expect(page.total).toBe(total);
      seen.push(page.items.map((e) => e.id));
      if (page.nextCursor === null) break;
      after = decodeCursor(page.nextCursor)?.[0] as number;
    }
    expect(seen).toEqual(pages);
  });

  it.each([
    { name: 'all platforms', platform: undefined, pages: [['evt_5', 'evt_4'], ['evt_3', 'evt_2'], ['evt_1']], total: 5 },
    { name: 'one platform', platform: 'sharing' as const, pages: [['evt_5', 'evt_4'], ['evt_2']], total: 3 },
  ])('pages $name newest first by cursor: every event once, the newest on the first page', ({ platform, pages, total }) => {
    const feed = feedOf(['catalog', 'sharing', 'catalog', 'sharing', 'sharing']);
    const seen: string[][] = [];
    let before: number | undefined;
    for (;;) {
      const page = feed.pageNewestFirst(before, 2, platform);
      expect(page.total).toBe(total);
      seen.push(page.items.map((e) => e.id));
      if (page.nextCursor === null) break;
      const key = decodeCursor(page.nextCursor)!;
      expect(key[1]).toBe('desc');
      before = key[0] as number;
    }
    expect(seen).toEqual(pages);
  });

  it('answers an empty newest-first page before the first event and for a platform without events', () => {
    const feed = feedOf(['catalog', 'catalog']);
    expect(feed.pageNewestFirst(1, 20)).toEqual({ items: [], nextCursor: null, total: 2 });
    expect(feed.pageNewestFirst(undefined, 20, 'registration')).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('answers an empty page after the last event and for a platform without events', () => {
    const feed = feedOf(['catalog', 'catalog']);
    expect(feed.page(2, 20)).toEqual({ items: [], nextCursor: null, total: 2 });
    expect(feed.page(undefined, 20, 'registration')).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('hands every reader the same frozen entry, without copying the emitted event or building the object', () => {
    const emitted = input('catalog', 1);
    const feed = new EventFeed();
    const stored = feed.entry(feed.append(emitted, 'evt_1', AT));
    expect(feed.page(undefined, 1).items[0]).toBe(stored);
    expect(feed.page(undefined, 1, 'catalog').items[0]).toBe(stored);
    expect(stored.event).toBe(emitted.event);
    expect(stored).not.toHaveProperty('object');
    expect(Object.isFrozen(stored)).toBe(true);
    expect(() => Object.assign(stored, { type: 'changed' })).toThrow(TypeError);
  });

  it('saves deep copies and restores from them, taking the saved entries over as appended ones', () => {
    const feed = feedOf(['catalog', 'open-data']);
    const saved = feed.save();
    (saved[0]!.event['tags'] as string[]).push('changed');
    expect(feed.page(undefined, 1).items[0]!.event['tags']).toEqual(['a']);
    const restored = new EventFeed(saved);
    expect(restored.page(undefined, 20).items.map((e) => e.seq)).toEqual([1, 2]);
    expect(restored.page(undefined, 20, 'open-data').items.map((e) => e.id)).toEqual(['evt_2']);
    const [first] = restored.page(undefined, 1).items;
    expect(first).toBe(saved[0]);
    expect(Object.isFrozen(first)).toBe(true);
  });
});
