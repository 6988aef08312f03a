import { decodeCursor, encodeCursor } from '../../../app/paging.js';
import { CatalogSearchError } from './search-error.js';

/** [primary, secondary, id]: the full sort key of the last item on a page. */
export type SortKey = [number, number, string];

/**
 * Encodes the last item's sort key with the fingerprint of the query that produced it, as
 * base64url JSON. The fingerprint lets a cursor used with another query fail loudly instead of
 * silently skipping rows.
 *
 * @example
 * ```ts
 * const cursor = encodeSearchCursor(123, [4200, 1727316000000, 'cte_01J']);
 * decodeSearchCursor(cursor, 123); // [4200, 1727316000000, 'cte_01J']
 * ```
 */
export function encodeSearchCursor(fingerprint: number, key: SortKey): string {
  return encodeCursor([fingerprint, ...key]);
}

/**
 * Decodes a cursor of `encodeSearchCursor`; throws `CURSOR_INVALID` when it is malformed,
 * `CURSOR_MISMATCH` when another query (`q`, sort, filters) made it.
 *
 * @example
 * ```ts
 * decodeSearchCursor('garbage', 123); // throws CatalogSearchError('CURSOR_INVALID')
 * ```
 */
export function decodeSearchCursor(cursor: string, fingerprint: number): SortKey {
  const parsed = decodeCursor(cursor);
  if (parsed === undefined || parsed.length !== 4) throw new CatalogSearchError('CURSOR_INVALID');
  const [fp, primary, secondary, id] = parsed;
  if (typeof fp !== 'number' || typeof primary !== 'number' || typeof secondary !== 'number' || typeof id !== 'string') {
    throw new CatalogSearchError('CURSOR_INVALID');
  }
  if (fp !== fingerprint) throw new CatalogSearchError('CURSOR_MISMATCH');
  return [primary, secondary, id];
}
