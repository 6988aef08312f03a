import { decodeCursor, pageByKey, type Page } from '../../../app/paging.js';
import { PlatformProblem } from '../../../app/platform-problem.js';

const DEFAULT_LIMIT = 20;

/**
 * One page of `rows` (already sorted by `key`) for the request's `limit` and `cursor`; a cursor
 * that is not one of ours answers 400 with the pointer `/query/cursor`.
 *
 * @example
 * ```ts
 * const page = pageOf(entries, (e) => [e.createdAt, e.id], ctx.query);
 * ```
 */
export function pageOf<T>(rows: readonly T[], key: (row: T) => readonly (string | number)[], query: Readonly<Record<string, unknown>>): Page<T> {
  let after: (string | number)[] | undefined;
  if (typeof query.cursor === 'string') {
    after = decodeCursor(query.cursor);
    if (!after) {
      throw new PlatformProblem('VALIDATION_FAILED', {
        detail: 'the cursor is not one this list issued',
        errors: [{ pointer: '/query/cursor', code: 'CURSOR_INVALID', message: { zh: '分页游标无效', en: 'The cursor is invalid' } }],
      });
    }
  }
  return pageByKey(rows, key, after, typeof query.limit === 'number' ? query.limit : DEFAULT_LIMIT);
}
