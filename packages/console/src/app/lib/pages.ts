import { query } from '../api/client.js';
import type { Page } from '../api/types.js';

/** Items of the first `count` pages of a cursor-paged list, and whether more follow. */
export async function firstPages<P extends Page<unknown>>(load: (search: string) => Promise<P>, params: Record<string, string | number | undefined>, count: number): Promise<{ items: P['items']; more: boolean; first: P }> {
  const items: P['items'] = [];
  let first: P | undefined;
  let cursor: string | null = null;
  for (let i = 0; i < count; i++) {
    const page: P = await load(query({ ...params, cursor }));
    first ??= page;
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return { items, more: cursor !== null, first: first! };
}
