import { describe, expect, it } from 'vitest';
import type { EventWire, PlatformName, SandboxEventInput } from '../app/platform-module.js';
import { decodeCursor } from '../app/paging.js';
import { EventFeed, type FeedEvent } from './event-feed.js';
import { createIdGenerator } from './id-generator.js';
import { createRandom } from './random.js';

/** A feed's snapshot as a restore reads it: its JSON, parsed. */
const savedJson = (feed: EventFeed): FeedEvent[] => JSON.parse(JSON.stringify(feed.save())) as FeedEvent[];

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

  it('saves the entries of its instant, and restores from their JSON, taking the saved entries over as appended ones', () => {
    const feed = feedOf(['catalog', 'open-data']);
    feed.page(undefined, 1);
    // The first entry made, the second made when the snapshot is serialised: after a read that
    // makes it and an append, both as a feed of those two events saves them.
    const taken = feed.save();
    expect(feed.page(undefined, 20).items.map((e) => e.event['tags'])).toEqual([['a'], ['a']]);
    feed.append(input('sharing', 3), 'evt_3', AT);
    const text = JSON.stringify(taken);
    expect(text).toBe(JSON.stringify(feedOf(['catalog', 'open-data']).save()));
    const saved = JSON.parse(text) as FeedEvent[];
    expect(saved.map((e) => e.id)).toEqual(['evt_1', 'evt_2']);
    const restored = new EventFeed(saved);
    expect(restored.page(undefined, 20).items.map((e) => e.seq)).toEqual([1, 2]);
    expect(restored.page(undefined, 20, 'open-data').items.map((e) => e.id)).toEqual(['evt_2']);
    const [first] = restored.page(undefined, 1).items;
    expect(first).toBe(saved[0]);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('keeps an event given with its wire and renders it once, when first read, as an immediate rendering would', () => {
    const source = { type: 'state_changed', at: AT, event: 'accept', from: 'submitted', to: 'accepted', data: { items: ['a'] } };
    let renders = 0;
    const wire: EventWire = {
      type: (e) => (e['event'] === 'accept' ? 'accepted' : String(e['type'])),
      render: (e) => {
        renders += 1;
        return { seq: 1, type: 'accepted', at: e['at'], from: e['from'], to: e['to'], data: structuredClone(e['data']) };
      },
    };
    const feed = new EventFeed();
    const seq = feed.append({ ...input('registration', 1), event: source, wire }, 'evt_1', AT);
    expect(renders).toBe(0);
    // What the snapshot saves is made for it when serialised, not kept: a later read renders again, once.
    expect(savedJson(feed)[0]).toMatchObject({ seq: 1, type: 'accepted', recipients: ['org_1', 'org_2'], event: { type: 'accepted', to: 'accepted' } });
    const entry = feed.entry(seq);
    expect(renders).toBe(2);
    expect(entry).toEqual({ seq: 1, id: 'evt_1', type: 'accepted', at: AT, platform: 'registration', objectType: 'application', objectId: 'obj_1', organizationId: 'org_1', recipients: ['org_1', 'org_2'], event: wire.render(source) });
    renders = 0;
    expect(feed.page(undefined, 20, 'registration', 'org_2').items[0]).toBe(entry);
    expect(feed.ofObject('registration', 'application', 'obj_1')[0]).toBe(entry);
    expect(renders).toBe(0);
    expect(Object.isFrozen(entry)).toBe(true);
  });

  it('keeps the recipients an emitter named, whatever it does to its list afterwards', () => {
    const alsoNotify = ['org_2'];
    const feed = new EventFeed();
    feed.append({ ...input('sharing', 1), alsoNotify }, 'evt_1', AT);
    feed.append({ ...input('sharing', 2), organizationId: null, alsoNotify: [] }, 'evt_2', AT);
    alsoNotify.push('org_3');
    expect(feed.page(undefined, 20, undefined, 'org_3').items).toEqual([]);
    expect(feed.page(undefined, 20).items.map((e) => e.recipients)).toEqual([['org_1', 'org_2'], []]);
  });

  it('pages a restored feed by its own numbers, also when a snapshot left gaps', () => {
    const saved = savedJson(feedOf(['catalog', 'sharing', 'catalog'])).map((e, i) => ({ ...e, seq: (i + 1) * 10 }));
    const feed = new EventFeed(saved);
    expect(feed.page(10, 20).items.map((e) => e.id)).toEqual(['evt_2', 'evt_3']);
    expect(feed.page(15, 1, 'catalog')).toMatchObject({ items: [{ id: 'evt_3', seq: 30 }], nextCursor: null, total: 2 });
    expect(feed.pageNewestFirst(30, 20).items.map((e) => e.id)).toEqual(['evt_2', 'evt_1']);
    expect(feed.page(undefined, 20, 'catalog', 'org_2').items.map((e) => e.seq)).toEqual([10, 30]);
  });

  it('indexes the events appended after a restore with the restored ones', () => {
    const feed = new EventFeed(savedJson(feedOf(['catalog', 'sharing'])));
    expect(feed.ofObject('sharing', 'application', 'obj_2').map((e) => e.seq)).toEqual([2]);
    feed.append(input('sharing', 2), 'evt_3', AT);
    expect(feed.ofObject('sharing', 'application', 'obj_2').map((e) => e.id)).toEqual(['evt_2', 'evt_3']);
    expect(feed.page(1, 20, 'sharing').items.map((e) => e.seq)).toEqual([2, 3]);
    expect(feed.pageNewestFirst(undefined, 1, undefined, 'org_1')).toMatchObject({ items: [{ seq: 3 }], total: 3 });
  });

  it('spells an id drawn for it when the entry is first read, as the id generator would have, restored entries first', () => {
    let now = Date.parse('2025-09-26T10:00:00+08:00');
    const spelled = createIdGenerator(() => now, createRandom('3/platform'));
    const deferred = createIdGenerator(() => now, createRandom('3/platform'));
    const feed = new EventFeed(savedJson(feedOf(['catalog'])));
    const expected = ['evt_1'];
    for (let n = 2; n <= 4; n += 1) {
      now += 3_600_000;
      expected.push(spelled.next('evt'));
      feed.append(input('sharing', n), deferred.draw(feed.drawnIds), AT);
    }
    expect(feed.page(undefined, 20).items.map((e) => [e.seq, e.id])).toEqual(expected.map((id, i) => [i + 1, id]));
    expect(savedJson(feed).map((e) => e.id)).toEqual(expected);
  });
});
