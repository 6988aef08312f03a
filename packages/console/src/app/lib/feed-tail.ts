import type { FeedEvent } from '../api/types.js';

/** A page of the event feed as `GET …/events?order=desc` answers it: newest first, `nextCursor` to older events. */
export interface FeedPage {
  items: FeedEvent[];
  nextCursor: string | null;
  total: number;
}

/** What the feed view shows: the events held (newest first), how many older ones are not, and whether they can be loaded. */
export interface FeedTail {
  newest: FeedEvent[];
  older: number;
  canLoadOlder: boolean;
}

/** Reads of one feed, run one at a time. */
export interface FeedFollower {
  /** Reads what was published since the last read; the first read is the newest page alone. */
  poll(): Promise<FeedTail>;
  /** Adds the page of events just older than those held. */
  loadOlder(): Promise<FeedTail>;
}

/**
 * Follows a sandbox's event feed from its newest end, reading it newest first: the first read is
 * one page however long the feed is (a year of a busy sandbox holds tens of thousands of events),
 * and older pages are read only when asked for (`loadOlder`). A poll reads from the newest event
 * down to the newest one held, so it costs a page while little happens. The events held are one
 * run of the feed without a gap: when more than `keep` were published since the last read, or
 * more than `keep` were added since the run began, it starts again at the newest page (older
 * ones stay loadable). A feed that shrank or was replaced (a reset sandbox) starts again too.
 * Polls asked for while one runs share it; every read waits for the one before, so a poll and a
 * `loadOlder` never interleave.
 *
 * @example
 * ```ts
 * const feed = followFeed((cursor) => sim('GET', `/sandboxes/default/events${query({ order: 'desc', limit: 200, cursor })}`), 1000);
 * const { newest, older } = await feed.poll(); // then again on every poll
 * await feed.loadOlder();                      // the next 200 older ones
 * ```
 */
export function followFeed(load: (cursor: string | null) => Promise<FeedPage>, keep: number): FeedFollower {
  let held: FeedEvent[] = [];
  let olderCursor: string | null = null;
  let total = 0;
  let added = 0;
  const view = (): FeedTail => ({ newest: held, older: olderCursor === null ? 0 : Math.max(0, total - held.length), canLoadOlder: olderCursor !== null });
  const begin = (events: FeedEvent[], cursor: string | null, feedTotal: number): FeedTail => {
    [held, olderCursor, total, added] = [events, cursor, feedTotal, 0];
    return view();
  };

  const read = async (): Promise<FeedTail> => {
    const first = await load(null);
    const top = held[0];
    if (!top || first.total < total || !sameFeed(first.items, top)) return begin(first.items, first.nextCursor, first.total);
    const fresh: FeedEvent[] = [];
    for (let page = first; ; page = await load(page.nextCursor!)) {
      fresh.push(...page.items.filter((e) => e.seq > top.seq));
      if (page.nextCursor === null || page.items.some((e) => e.seq <= top.seq)) break;
      if (fresh.length >= keep) return begin(fresh, page.nextCursor, first.total);
    }
    if (added + fresh.length > keep) return begin(first.items, first.nextCursor, first.total);
    [held, total, added] = [[...fresh, ...held], first.total, added + fresh.length];
    return view();
  };

  const older = async (): Promise<FeedTail> => {
    if (olderCursor === null) return view();
    const page = await load(olderCursor);
    if (page.total < total) {
      begin([], null, 0);
      return read();
    }
    const oldest = held.at(-1)?.seq ?? Infinity;
    [held, olderCursor] = [[...held, ...page.items.filter((e) => e.seq < oldest)], page.nextCursor];
    return view();
  };

  let last: Promise<unknown> = Promise.resolve();
  const serial = <T>(op: () => Promise<T>): Promise<T> => {
    const run = last.then(op, op);
    last = run.catch(() => undefined);
    return run;
  };
  let polling: Promise<FeedTail> | undefined;
  return {
    poll: () => (polling ??= serial(read).finally(() => (polling = undefined))),
    loadOlder: () => serial(older),
  };
}

/**
 * Whether a newest-first page is of the feed the newest held event came from: where it holds that
 * event's position, it holds the same event (a reset sandbox numbers its new events from 1 again).
 */
function sameFeed(page: FeedEvent[], top: FeedEvent): boolean {
  const there = page.find((e) => e.seq === top.seq);
  return there === undefined ? (page[0]?.seq ?? 0) > top.seq : there.objectId === top.objectId && there.event.at === top.event.at && there.event.type === top.event.type;
}
