import { decodeCursor, pageByKey, type Page } from '../../app/paging.js';
import { PlatformProblem } from '../../app/platform-problem.js';

/**
 * A page of `sorted` (ascending by `key`) after the query's `cursor`, `limit` items (default 20).
 * A cursor that is not one of ours answers 400 `VALIDATION_FAILED` at `/query/cursor`.
 *
 * @example
 * ```ts
 * pageOf(apps, (a) => [-a.n], ctx.query); // newest first
 * ```
 */
export function pageOf<T>(sorted: readonly T[], key: (item: T) => readonly (string | number)[], query: Readonly<Record<string, unknown>>): Page<T> {
  const cursor = typeof query['cursor'] === 'string' ? query['cursor'] : undefined;
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  if (cursor !== undefined && after === undefined) {
    throw new PlatformProblem('VALIDATION_FAILED', {
      detail: 'the cursor is not valid',
      errors: [{ pointer: '/query/cursor', code: 'CURSOR_INVALID', message: { zh: '分页游标无效', en: 'The paging cursor is invalid' } }],
    });
  }
  const limit = typeof query['limit'] === 'number' ? query['limit'] : 20;
  return pageByKey(sorted, key, after, limit);
}

/**
 * Newest first by insertion number.
 *
 * @example
 * ```ts
 * newestFirst([...state.applications.values()]);
 * ```
 */
export function newestFirst<T extends { n: number }>(items: Iterable<T>): T[] {
  return [...items].sort((a, b) => b.n - a.n);
}

/** The sort key matching `newestFirst`. */
export const byNewest = (item: { n: number }): number[] => [-item.n];
