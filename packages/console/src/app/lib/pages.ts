import { query } from '../api/client.js';
import type { Page } from '../api/types.js';

/**
 * Items of the first `count` pages of `params.limit` items of a cursor-paged list, and whether
 * more follow. With `maxLimit` (the most the API gives at once, above `params.limit`) they are
 * read in that many at a time, the last request asking only for what is left: a view polling
 * many loaded pages makes half the requests or fewer, one after the other.
 *
 * @example
 * ```ts
 * // 300 objects in two requests (200, then 100) instead of three.
 * await firstPages(load, { limit: 100 }, 3, 200);
 * ```
 */
export async function firstPages<P extends Page<unknown>>(
  load: (search: string) => Promise<P>,
  params: Record<string, string | number | undefined> & { limit: number },
  count: number,
  maxLimit = params.limit,
): Promise<{ items: P['items']; more: boolean; first: P }> {
  const items: P['items'] = [];
  const wanted = params.limit * count;
  let first: P | undefined;
  let cursor: string | null = null;
  do {
    const page: P = await load(query({ ...params, limit: Math.min(Math.max(maxLimit, params.limit), wanted - items.length), cursor }));
    first ??= page;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < wanted);
  return { items, more: cursor !== null, first: first! };
}
