import type { FeedEvent } from '../api/types.js';

/** A page of the event feed as `GET …/events` answers it (oldest first). */
export interface FeedPage {
  items: FeedEvent[];
  nextCursor: string | null;
  total: number;
}

/** The newest events of a feed, newest first, and how many older ones are not held. */
export interface FeedTail {
  newest: FeedEvent[];
  older: number;
}

/**
 * Follows a sandbox's event feed at its newest end. The feed pages only forward, from opaque
 * cursors, so the first read pages through it once and every later read starts again at the
 * cursor of the last page it read: a poll reads that page and what followed, not the whole feed.
 * Only the `keep` newest events are held. A feed that shrank (the sandbox was reset or replaced)
 * is read again from its start. Reads asked for while one runs share it: a long first read is not
 * started twice by the polls that come meanwhile.
 *
 * @example
 * ```ts
 * const next = followFeed((cursor) => sim('GET', `/sandboxes/default/events${query({ limit: 200, cursor })}`), 1000);
 * const { newest, older } = await next(); // then again on every poll
 * ```
 */
export function followFeed(load: (cursor: string | null) => Promise<FeedPage>, keep: number): () => Promise<FeedTail> {
  let resume: string | null = null;
  let held: FeedEvent[] = [];
  let total = 0;
  let reading: Promise<FeedTail> | undefined;
  const read = async (): Promise<FeedTail> => {
    for (let cursor = resume; ; ) {
      const page = await load(cursor);
      if (page.total < total) {
        [resume, held, total] = [null, [], 0];
        return read();
      }
      // The last page is read again on the next poll: keep only the events not held yet.
      const last = held.at(-1)?.seq ?? 0;
      held.push(...page.items.filter((e) => e.seq > last));
      if (held.length > keep) held = held.slice(-keep);
      total = page.total;
      if (!page.nextCursor) {
        resume = cursor;
        return { newest: [...held].reverse(), older: total - held.length };
      }
      cursor = page.nextCursor;
    }
  };
  return () => (reading ??= read().finally(() => (reading = undefined)));
}
