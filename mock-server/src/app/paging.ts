import type { FieldError } from '@gdx/protocol';
import { fnv1a } from './fnv1a.js';
import { PlatformProblem } from './platform-problem.js';

/**
 * The field error of a `?cursor=` that is not one: every list answers it as 400 `INVALID_CURSOR`,
 * the code the contracts' `BadRequest` names; `message` may say more than the default.
 *
 * @example
 * ```ts
 * invalidCursorError().code; // 'INVALID_CURSOR'
 * ```
 */
export function invalidCursorError(message: FieldError['message'] = { zh: '分页游标无效', en: 'The cursor is invalid' }): FieldError {
  return { pointer: '/query/cursor', code: 'INVALID_CURSOR', message };
}

/**
 * The 400 `INVALID_CURSOR` problem of every list, with `invalidCursorError` (thrown by handlers)
 * and a `detail` saying what was wrong with `cursor` (`invalidCursorDetail`), or `message`'s when
 * one says more.
 *
 * @example
 * ```ts
 * throw invalidCursor(ctx.query.cursor);
 * ```
 */
export function invalidCursor(cursor: unknown, message?: FieldError['message']): PlatformProblem {
  return new PlatformProblem('INVALID_CURSOR', invalidCursorProblem(cursor, invalidCursorError(message), message?.en));
}

/** The longest part of a cursor a `detail` quotes (a cursor is opaque: its start is enough to recognise it). */
const SHOWN_CURSOR = 40;

/**
 * What was wrong with a `?cursor=` that `error` refuses (`INVALID_CURSOR` or `CURSOR_MISMATCH`),
 * for the `detail` of its problem: made for another list or query, or not one this list's pages
 * make (malformed, or decoding to no position of it: altered, or another list's).
 *
 * @example
 * ```ts
 * invalidCursorDetail('garbage', invalidCursorError()); // 'the cursor "garbage" is malformed: …'
 * ```
 */
export function invalidCursorDetail(cursor: unknown, error: FieldError): string {
  const text = String(cursor);
  const shown = JSON.stringify(text.length > SHOWN_CURSOR ? `${text.slice(0, SHOWN_CURSOR)}…` : text);
  if (error.code === 'CURSOR_MISMATCH') {
    return `the cursor ${shown} was made by a page of another list, or of this one with other filters, sort or path parameters (only limit may change): send it with the query that returned it, or leave it out to start from the first page`;
  }
  if (typeof cursor !== 'string' || decodeCursor(cursor) === undefined) {
    return `the cursor ${shown} is malformed: it is not the base64url JSON a page's nextCursor holds (cut short or changed in copying, or no cursor at all): pass nextCursor unchanged`;
  }
  return `the cursor ${shown} decodes to no position of this list: it was altered, or a page of another list made it; pass this list's nextCursor unchanged`;
}

/**
 * The options of an `INVALID_CURSOR` problem refusing `cursor` with `error`: the field error, and a
 * `detail` that is `detail` when given, else `invalidCursorDetail`'s.
 *
 * @example
 * ```ts
 * ctx.problem('INVALID_CURSOR', invalidCursorProblem(ctx.query.cursor, cursorMismatchError()));
 * ```
 */
export function invalidCursorProblem(cursor: unknown, error: FieldError, detail?: string): { detail: string; errors: FieldError[] } {
  return { detail: detail ?? invalidCursorDetail(cursor, error), errors: [error] };
}

/**
 * What a list request holds that names its list: the operation (which list: a sharing request's
 * cursor is no grant's), the query (filters, sort, order; `cursor` and `limit` aside) and the path
 * parameters (whose grant's reports, which sandbox's events).
 */
export interface ListRequest {
  readonly query: Readonly<Record<string, unknown>>;
  readonly params?: Readonly<Record<string, string>>;
  /** The list operation answering (`listGrants`); the core sets it on every operation's context. */
  readonly operationId?: string;
  /**
   * The platform whose operation it is (`undefined` on the simulation API): operation ids are
   * unique within a contract only (registration and open-data both have `listApplications`).
   */
  readonly platform?: string;
}

/** Parameters that say where a page of a list starts and how long it is, not which list it is. */
const PAGING_PARAMETERS: ReadonlySet<string> = new Set(['cursor', 'limit']);

/**
 * Separates a cursor's key from the fingerprint of the query it was made for: `.` is no base64url
 * character, so a cursor without one is a key alone (made before cursors were bound, or by
 * `clock/advance` for the whole feed) and is read with any query.
 */
const QUERY_MARK = '.';

/**
 * The fingerprint of the list a request reads: FNV-1a (base 36) of its platform and operation, of
 * its query parameters but `cursor` and `limit`, and of its path parameters, each sorted by name.
 * The query is the validated one, with defaults filled in, so `?order=asc` and no `order` are the
 * same list. The operation is in it because lists share key shapes (`[-createdAt, id]`): without
 * it a sharing request's cursor paged the caller's grants, or an open-data application's.
 *
 * @example
 * ```ts
 * listFingerprint({ query: { state: 'accepted', limit: 2 } }) === listFingerprint({ query: { state: 'accepted', limit: 50, cursor: 'x' } }); // true
 * ```
 */
function listFingerprint(request: ListRequest): string {
  const query = Object.keys(request.query)
    .filter((name) => !PAGING_PARAMETERS.has(name) && request.query[name] !== undefined)
    .sort()
    .map((name) => [name, request.query[name]]);
  const params = Object.keys(request.params ?? {})
    .sort()
    .map((name) => [name, request.params?.[name]]);
  return fnv1a(JSON.stringify([request.platform ?? null, request.operationId ?? null, query, params])).toString(36);
}

/**
 * A cursor made by a page of `request`'s list, bound to that list: the key cursor with the list's
 * fingerprint (`listFingerprint`) after a `.`, so that it pages on only with the same filters,
 * sort and path (`checkCursorQuery`), as Google's AIP-158 asks. `null` stays `null`.
 *
 * @example
 * ```ts
 * bindCursor(encodeCursor([3]), { query: { state: 'accepted' } }); // 'WzNd.1x2y3z'
 * ```
 */
export function bindCursor(cursor: string | null, request: ListRequest): string | null {
  return cursor === null ? null : `${cursor}${QUERY_MARK}${listFingerprint(request)}`;
}

/**
 * The field error of a `?cursor=` that a page of another list made (another operation, or other
 * filters, sort, order or path): a page of it would silently be one of some other listing.
 *
 * @example
 * ```ts
 * cursorMismatchError().code; // 'CURSOR_MISMATCH'
 * ```
 */
export function cursorMismatchError(): FieldError {
  return {
    pointer: '/query/cursor',
    code: 'CURSOR_MISMATCH',
    message: {
      zh: '分页游标 cursor 属于另一列表或另一查询：请向取得该游标的列表发送，并使用相同的筛选、排序和路径参数（limit 可变），或去掉 cursor 从第一页读起',
      en: 'The cursor belongs to another list or another query: send it to the list that returned it with the filters, sort and path of that request (limit may change), or leave out cursor to start from the first page',
    },
  };
}

/**
 * The field error when `request`'s `?cursor=` was bound to another list (`bindCursor`); `undefined`
 * when it was made for this one, when it is a key cursor alone (made before cursors were bound: a
 * running mock upgraded keeps paging the clients it served) and when there is none. What the key
 * holds is the list's to check.
 *
 * @example
 * ```ts
 * cursorQueryError({ query: { state: 'rejected', cursor: bindCursor('WzNd', { query: { state: 'accepted' } }) } })?.code; // 'CURSOR_MISMATCH'
 * ```
 */
export function cursorQueryError(request: ListRequest): FieldError | undefined {
  const cursor = request.query.cursor;
  if (typeof cursor !== 'string') return undefined;
  const mark = cursor.indexOf(QUERY_MARK);
  if (mark < 0 || cursor.slice(mark + 1) === listFingerprint(request)) return undefined;
  return cursorMismatchError();
}

/**
 * Throws 400 `INVALID_CURSOR` (field code `CURSOR_MISMATCH` at `/query/cursor`) when `request`'s
 * cursor was bound to another list (`cursorQueryError`).
 *
 * @example
 * ```ts
 * checkCursorQuery(ctx); // after the cursor's key was found to be one of the list's
 * ```
 */
export function checkCursorQuery(request: ListRequest): void {
  const error = cursorQueryError(request);
  if (error) throw new PlatformProblem('INVALID_CURSOR', invalidCursorProblem(request.query.cursor, error));
}

/** One page of a list operation, as every list answers (docs/design.md, Paging). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

/**
 * The JSON of a page whose items are JSON already: what `JSON.stringify` gives for the page with
 * each item parsed, for lists whose items keep their rendered JSON (an open dataset, a seeded
 * catalog entry) instead of building and serialising a view per item per request.
 *
 * @example
 * ```ts
 * pageJson({ items: ['{"id":"a"}'], nextCursor: null, total: 1 }); // '{"items":[{"id":"a"}],"nextCursor":null,"total":1}'
 * ```
 */
export function pageJson(page: Page<string>): string {
  return `{"items":[${joinJson(page.items)}],"nextCursor":${JSON.stringify(page.nextCursor)},"total":${page.total}}`;
}

/**
 * JSON texts separated by commas: `texts.join(',')`, concatenated instead. `join` copies every
 * text into one new string on the spot, slowly for Chinese (two-byte) text — 1.5 ms for a page of
 * 200 datasets, more than serialising their views afresh —, where `+` only links the texts and
 * the one copy is made when the answer is first read whole.
 *
 * @example
 * ```ts
 * joinJson(['{"a":1}', '{"b":2}']); // '{"a":1},{"b":2}'
 * ```
 */
export function joinJson(texts: readonly string[]): string {
  let joined = '';
  for (let i = 0; i < texts.length; i += 1) joined = i === 0 ? (texts[0] as string) : `${joined},${texts[i] as string}`;
  return joined;
}

// base64url JSON, with the Web APIs every runtime has (Buffer is Node's alone).
const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Encodes the last sort key of a page as an opaque cursor.
 *
 * @example
 * ```ts
 * encodeCursor(['2025-09-26T10:00:00+08:00', 'rga_01J']); // 'WyIyMDI1…'
 * ```
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  const bytes = utf8.encode(JSON.stringify(key));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/**
 * Decodes a cursor made by `encodeCursor`, or its key when `bindCursor` bound it to a list (whether
 * that is the list asked is `checkCursorQuery`'s to say); `undefined` when it is not one (answer 400): not
 * base64url JSON, not an array of strings and finite numbers (`1e999` parses to Infinity, which
 * no key holds). What the key must hold beyond that is the list's to check (its key shape, given to `pageRequest`; `isSeq`).
 *
 * @example
 * ```ts
 * decodeCursor(encodeCursor([42])); // [42]
 * decodeCursor('garbage');           // undefined
 * ```
 */
export function decodeCursor(cursor: string): (string | number)[] | undefined {
  const mark = cursor.indexOf(QUERY_MARK);
  const key = mark < 0 ? cursor : cursor.slice(0, mark);
  try {
    const binary = atob(key.replaceAll('-', '+').replaceAll('_', '/'));
    const parsed: unknown = JSON.parse(strictUtf8.decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    if (!Array.isArray(parsed) || !parsed.every((k) => typeof k === 'string' || (typeof k === 'number' && Number.isFinite(k)))) return undefined;
    return parsed as (string | number)[];
  } catch {
    return undefined;
  }
}

/**
 * Whether a cursor's number is a sequence number or position of a log: a safe integer of at
 * least `min` (a forged `-5` or `1.5` would name a place no page ends at, and page from there
 * silently).
 *
 * @example
 * ```ts
 * isSeq(3, 1);   // true
 * isSeq(1.5, 1); // false
 * ```
 */
export function isSeq(value: unknown, min: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= min;
}

/**
 * What each element of a list's sort key is — and so what a cursor of the list must hold: a
 * `string`, or an `integer` (a safe integer: times in ms, negated for newest first, and sequence
 * numbers). Every list states its shape, so that a cursor is checked also when the list is empty.
 *
 * @example
 * ```ts
 * const NEWEST_FIRST: KeyShape = ['integer', 'string']; // [-Date.parse(createdAt), id]
 * ```
 */
export type KeyShape = readonly ('string' | 'integer')[];

/** The sort key a list of `shape` holds: a string where the shape says `string`, a number where it says `integer`. */
export type KeyOf<S extends KeyShape> = { readonly [I in keyof S]: S[I] extends 'string' ? string : number };

/**
 * Whether a decoded cursor key has a list's key shape: as long, a string where the shape says
 * `string`, a safe integer where it says `integer`. A cursor of another list, or a forged one, is
 * refused instead of being read as a place in this one (it would silently skip or repeat items).
 *
 * @example
 * ```ts
 * fitsShape([-1758852000000, 'shr_1'], ['integer', 'string']); // true
 * fitsShape([1.5, 'shr_1'], ['integer', 'string']);            // false
 * ```
 */
function fitsShape(key: readonly (string | number)[], shape: KeyShape): boolean {
  return key.length === shape.length && key.every((k, i) => (shape[i] === 'string' ? typeof k === 'string' : Number.isSafeInteger(k)));
}

/**
 * Pages through items already sorted by `key`, strictly after the cursor's key; stable under
 * inserts because the cursor holds a key, not an offset.
 *
 * @example
 * ```ts
 * const first = pageByKey(rows, (r) => [r.createdAt, r.id], undefined, 20);
 * const second = pageByKey(rows, (r) => [r.createdAt, r.id], first.nextCursor ?? undefined, 20);
 * ```
 */
export function pageByKey<T>(
  sorted: readonly T[],
  key: (item: T) => readonly (string | number)[],
  after: readonly (string | number)[] | undefined,
  limit: number,
): Page<T> {
  let start = 0;
  if (after) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(key(sorted[mid] as T), after) <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const items = sorted.slice(start, start + limit);
  const last = items[items.length - 1];
  const more = start + limit < sorted.length;
  return { items, nextCursor: more && last !== undefined ? encodeCursor(key(last)) : null, total: sorted.length };
}

/**
 * Orders two sort keys element by element (a shorter key first when one is a prefix of the other).
 *
 * @example
 * ```ts
 * [...rows].sort((a, b) => compareKeys(key(a), key(b)));
 * ```
 */
export function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

const DEFAULT_LIMIT = 20;

/**
 * One page of `items` for a list operation: sorted by `key` ascending (use a negated time or
 * number for newest first), `?limit=` (validated by the core, default 20) and `?cursor=` (the
 * last key of the previous page, bound to the request's list by `bindCursor`; a cursor that is not
 * one, or not of the list's key `shape` (`fitsShape`) — also when the list is empty —, or one bound
 * to another query (`checkCursorQuery`), answers 400 `INVALID_CURSOR` with the pointer
 * `/query/cursor`).
 *
 * @example
 * ```ts
 * return { status: 200, body: listPage(ctx, mine, ['integer', 'string'], (r) => [-Date.parse(r.createdAt), r.id], view) };
 * ```
 */
export function listPage<T, V, const S extends KeyShape>(
  ctx: ListRequest,
  items: readonly T[],
  shape: S,
  key: (item: T) => KeyOf<S>,
  view: (item: T) => V,
): Page<V> {
  const { after, limit } = pageRequest(ctx, shape);
  const keyOf = key as (item: T) => readonly (string | number)[];
  const sorted = [...items].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  const page = pageByKey(sorted, keyOf, after, limit);
  return { items: page.items.map(view), nextCursor: bindCursor(page.nextCursor, ctx), total: page.total };
}

/**
 * The `?cursor=` (decoded) and `?limit=` (default 20) of a list request; a cursor that is not one,
 * or not of the list's key `shape` when one is given, or bound to another query
 * (`checkCursorQuery`), throws 400 `INVALID_CURSOR` with the pointer `/query/cursor`.
 *
 * @example
 * ```ts
 * const { after, limit } = pageRequest(ctx, ['integer', 'string']); // { after: [-1758852000000, 'shr_1'], limit: 20 }
 * ```
 */
export function pageRequest(
  ctx: ListRequest,
  shape?: KeyShape,
): { after: (string | number)[] | undefined; limit: number } {
  let after: (string | number)[] | undefined;
  if (typeof ctx.query.cursor === 'string') {
    after = decodeCursor(ctx.query.cursor);
    if (!after || (shape !== undefined && !fitsShape(after, shape))) {
      throw invalidCursor(ctx.query.cursor);
    }
    checkCursorQuery(ctx);
  }
  return { after, limit: typeof ctx.query.limit === 'number' ? ctx.query.limit : DEFAULT_LIMIT };
}

/**
 * One page of a list whose items are already in key order with their position as key (`[0]`,
 * `[1]`, …; e.g. an append-only log): answered exactly as `listPage` over the same items, reading
 * only the page (`?limit=`, `?cursor=`, 400 `INVALID_CURSOR` — also for a position below 0, which
 * `listPage`, not knowing its keys are positions, would read as the start).
 *
 * @example
 * ```ts
 * positionPage(ctx, log.length, (i) => view(log[i]!)); // { items, nextCursor: 'WzE5XQ' | null, total }
 * positionPage(ctx, failed.length, (i) => view(log[failed[i]!]!), (i) => failed[i]!); // a subset of the log, keyed by log position
 * ```
 *
 * For a subset of such a list, `positionAt(index)` gives the list position of the subset's
 * `index`-th item (rising): the cursor keeps naming a position of the whole list, so an item
 * that joins or leaves the subset between pages does not shift the next page. `order` `desc`
 * reads it newest first (`nextCursor` pages to older items; an oldest-first cursor is refused, and
 * the other way round).
 */
export function positionPage<V>(
  ctx: ListRequest,
  count: number,
  itemAt: (index: number) => V,
  positionAt: (index: number) => number = (index) => index,
  order: 'asc' | 'desc' = 'asc',
): Page<V> {
  if (order === 'desc') return positionPageNewestFirst(ctx, count, itemAt, positionAt);
  const { after, limit } = pageRequest(ctx);
  // A position is a whole number from 0: any other cursor was not made by a page of this list.
  if (after && (after.length !== 1 || !isSeq(after[0], 0))) throw invalidCursor(ctx.query.cursor);
  let start = 0;
  if (after) {
    let hi = count;
    while (start < hi) {
      const mid = (start + hi) >>> 1;
      if (compareKeys([positionAt(mid)], after) <= 0) start = mid + 1;
      else hi = mid;
    }
  }
  const end = Math.min(count, start + limit);
  const items: V[] = [];
  for (let i = start; i < end; i += 1) items.push(itemAt(i));
  const more = start + limit < count;
  return { items, nextCursor: more && end > start ? bindCursor(encodeCursor([positionAt(end - 1)]), ctx) : null, total: count };
}

/** The mark of a newest-first position cursor (`[position, 'desc']`), as the event feed's. */
const NEWEST_FIRST = 'desc';

/**
 * `positionPage` read from the end: the newest items first, `nextCursor` (`[position, 'desc']`,
 * the last position read) paging to older ones. An oldest-first cursor is refused, as a
 * newest-first one is by `positionPage` (it would silently skip or repeat items).
 */
function positionPageNewestFirst<V>(
  ctx: ListRequest,
  count: number,
  itemAt: (index: number) => V,
  positionAt: (index: number) => number,
): Page<V> {
  const { after, limit } = pageRequest(ctx);
  if (after && (after.length !== 2 || after[1] !== NEWEST_FIRST || !isSeq(after[0], 0))) throw invalidCursor(ctx.query.cursor);
  // The items read are those before the cursor's position: `end` is the first index at or after it.
  let end = count;
  if (after) {
    let lo = 0;
    while (lo < end) {
      const mid = (lo + end) >>> 1;
      if (compareKeys([positionAt(mid)], [after[0] as number]) < 0) lo = mid + 1;
      else end = mid;
    }
  }
  const start = Math.max(0, end - limit);
  const items: V[] = [];
  for (let i = end - 1; i >= start; i -= 1) items.push(itemAt(i));
  return { items, nextCursor: start > 0 && end > start ? bindCursor(encodeCursor([positionAt(start), NEWEST_FIRST]), ctx) : null, total: count };
}
