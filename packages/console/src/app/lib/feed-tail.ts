import type { FeedEvent } from '../api/types.js';

/** A page of the event feed as `GET …/events?order=desc` answers it: newest first, `nextCursor` to older events. */
export interface FeedPage {
  items: FeedEvent[];
  nextCursor: string | null;
  total: number;
}

/**
 * What the feed view shows: the events held (newest first), how many older ones are not, whether
 * they can be loaded, and whether the oldest held were dropped to make room for new ones.
 */
export interface FeedTail {
  newest: FeedEvent[];
  older: number;
  canLoadOlder: boolean;
  /** True once a poll dropped the oldest events held (the view keeps at most `keep`, or what was loaded). */
  trimmed: boolean;
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
 * run of the feed without a gap, at most `keep` of them (or as many as `loadOlder` brought in):
 * new events go on top and the oldest leave at the bottom — cut where a page read ended, whose
 * cursor then loads them again —, so a console left open follows the feed for ever in bounded
 * memory. Only when more than `keep` were published between two reads does it start again at the
 * newest ones (older ones stay loadable, without a gap). A feed that shrank or was replaced (a
 * reset sandbox) starts again too. Polls asked for while one runs share it; every read waits for
 * the one before, so a poll and a `loadOlder` never interleave.
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
  let trimmed = false;
  /**
   * Where pages read ended: a seq held → the cursor of the events older than it (the page's
   * `nextCursor`). The bottom of the view can be cut only at one of them. Cursors name positions of
   * the feed, which only grows until a reset (which starts the view again).
   */
  let cuts = new Map<number, string | null>();
  const view = (): FeedTail => ({ newest: held, older: olderCursor === null ? 0 : Math.max(0, total - held.length), canLoadOlder: olderCursor !== null, trimmed });
  const ended = (page: FeedPage) => {
    const last = page.items.at(-1);
    if (last) cuts.set(last.seq, page.nextCursor);
  };
  const begin = (events: FeedEvent[], page: FeedPage, feedTotal: number): FeedTail => {
    [held, olderCursor, total, trimmed, cuts] = [events, page.nextCursor, feedTotal, false, new Map()];
    ended(page);
    return view();
  };
  /** Drops the oldest events held down to the deepest cut that leaves at most `most`. */
  const trim = (most: number) => {
    if (held.length <= most) return;
    let at = -1;
    for (let i = Math.min(most, held.length) - 1; i >= 0 && at < 0; i--) if (cuts.has(held[i]!.seq)) at = i;
    // No cut within reach (a keep smaller than a page): keep all rather than leave a gap.
    if (at < 0) return;
    const bottom = held[at]!.seq;
    olderCursor = cuts.get(bottom) ?? null;
    held = held.slice(0, at + 1);
    for (const seq of cuts.keys()) if (seq < bottom) cuts.delete(seq);
    trimmed = true;
  };

  const read = async (): Promise<FeedTail> => {
    const first = await load(null);
    const top = held[0];
    if (!top || first.total < total || !sameFeed(first.items, top)) return begin(first.items, first, first.total);
    const fresh: FeedEvent[] = [];
    for (let page = first; ; page = await load(page.nextCursor!)) {
      fresh.push(...page.items.filter((e) => e.seq > top.seq));
      if (page.nextCursor === null || page.items.some((e) => e.seq <= top.seq)) {
        ended(page);
        break;
      }
      if (fresh.length >= keep) return begin(fresh, page, first.total);
      ended(page);
    }
    const most = Math.max(keep, held.length);
    [held, total] = [[...fresh, ...held], first.total];
    trim(most);
    return view();
  };

  const older = async (): Promise<FeedTail> => {
    if (olderCursor === null) return view();
    const page = await load(olderCursor);
    if (page.total < total) {
      held = [];
      return read();
    }
    const oldest = held.at(-1)?.seq ?? Infinity;
    [held, olderCursor] = [[...held, ...page.items.filter((e) => e.seq < oldest)], page.nextCursor];
    ended(page);
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
