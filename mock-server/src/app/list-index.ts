import { SortedRows, type SortKey } from './sorted-rows.js';
import { bindCursor, encodeCursor, pageRequest, type KeyShape, type ListRequest, type Page } from './paging.js';

/** Where an item is listed: under one sort key, in every bucket named. */
export interface Placement {
  readonly key: SortKey;
  readonly buckets: readonly string[];
}

/**
 * Items (by id) kept in named buckets — e.g. "sharing requests of organisation X", "… in state
 * `under_review`" — each sorted by the item's list key, so a list page is read from its bucket in
 * O(log n + page) whatever else the sandbox holds. Derived state: rebuilt from the records, never
 * saved.
 *
 * @example
 * ```ts
 * const index = new ListIndex();
 * index.place('shr_1', { key: [-1758852000000, 'shr_1'], buckets: ['request/org_1', 'request/org_1/under_review'] });
 * index.bucket('request/org_1')?.size; // 1
 * ```
 */
export class ListIndex {
  readonly #buckets = new Map<string, SortedRows<string>>();
  readonly #placed = new Map<string, Placement>();

  /** Lists `id` under `placement` (moving it out of the buckets it no longer belongs to); `undefined` unlists it. */
  place(id: string, placement: Placement | undefined): void {
    const before = this.#placed.get(id);
    if (before && placement && sameKey(before.key, placement.key) && sameBuckets(before.buckets, placement.buckets)) return;
    if (before) {
      for (const name of before.buckets) {
        const rows = this.#buckets.get(name);
        rows?.remove(before.key);
        if (rows?.size === 0) this.#buckets.delete(name);
      }
      this.#placed.delete(id);
    }
    if (!placement) return;
    for (const name of placement.buckets) {
      let rows = this.#buckets.get(name);
      if (!rows) this.#buckets.set(name, (rows = new SortedRows<string>()));
      rows.insert(placement.key, id);
    }
    this.#placed.set(id, placement);
  }

  /** The bucket's rows (ids in key order), or `undefined` when nothing is listed in it. */
  bucket(name: string): SortedRows<string> | undefined {
    return this.#buckets.get(name);
  }

  /** Forgets everything (before a rebuild). */
  clear(): void {
    this.#buckets.clear();
    this.#placed.clear();
  }
}

function sameKey(a: SortKey, b: SortKey): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function sameBuckets(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/**
 * One page of a bucket for a list operation, exactly as `listPage` answers for the same rows
 * (`?limit=`, `?cursor=` holding the last key, bound to the list's query — refused unless it has
 * the list's key `shape` and was made for this query, also when the bucket is empty or missing —,
 * `total` the bucket's size).
 *
 * @example
 * ```ts
 * return { status: 200, body: indexPage(ctx, ['integer', 'string'], index.bucket(`request/${caller.id}`), (id) => requestView(state, id)) };
 * ```
 */
export function indexPage<V>(
  ctx: ListRequest,
  shape: KeyShape,
  rows: SortedRows<string> | undefined,
  view: (id: string) => V,
): Page<V> {
  const { after, limit } = pageRequest(ctx, shape);
  if (!rows) return { items: [], nextCursor: null, total: 0 };
  const page = rows.page(after, limit);
  const last = page.rows[page.rows.length - 1];
  return { items: page.rows.map((row) => view(row.value)), nextCursor: page.more && last ? bindCursor(encodeCursor(last.key), ctx) : null, total: rows.size };
}
