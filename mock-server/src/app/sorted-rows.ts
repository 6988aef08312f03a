import { compareKeys } from './paging.js';

/** A list sort key, as `listPage` and the cursors hold it. */
export type SortKey = readonly (string | number)[];

/** One row of a `SortedRows`: its key and the value listed under it. */
export interface SortedRow<T> {
  readonly key: SortKey;
  readonly value: T;
}

// Rows live in chunks of at most MAX_CHUNK, so an insert or a removal moves at most one chunk's
// rows and the chunk array (n / 256 entries), never the whole list: a newest-first list inserts
// every new object at its front, which would be a full memmove in one flat array.
const MAX_CHUNK = 512;

/**
 * Rows kept sorted by key (ascending, `compareKeys`), with no two rows under the same key. Finding
 * where a key falls costs O(log n); reading a page from there costs its length.
 *
 * @example
 * ```ts
 * const rows = new SortedRows<string>();
 * rows.insert([-2, 'b'], 'b');
 * rows.insert([-1, 'a'], 'a');
 * rows.page(undefined, 1); // { rows: [{ key: [-2, 'b'], value: 'b' }], more: true }
 * ```
 */
export class SortedRows<T> {
  readonly #chunks: SortedRow<T>[][] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds a row; a row already under `key` is replaced. */
  insert(key: SortKey, value: T): void {
    const row: SortedRow<T> = { key, value };
    if (this.#chunks.length === 0) {
      this.#chunks.push([row]);
      this.#size = 1;
      return;
    }
    const c = Math.min(this.#chunkAfter(key, true), this.#chunks.length - 1);
    const chunk = this.#chunks[c] as SortedRow<T>[];
    const at = firstIndex(chunk, key, true);
    if (at < chunk.length && compareKeys((chunk[at] as SortedRow<T>).key, key) === 0) {
      chunk[at] = row;
      return;
    }
    chunk.splice(at, 0, row);
    this.#size += 1;
    if (chunk.length > MAX_CHUNK) this.#chunks.splice(c + 1, 0, chunk.splice(MAX_CHUNK >>> 1));
  }

  /** Removes the row under `key`; `false` when there is none. */
  remove(key: SortKey): boolean {
    const c = this.#chunkAfter(key, true);
    const chunk = this.#chunks[c];
    if (!chunk) return false;
    const at = firstIndex(chunk, key, true);
    if (at >= chunk.length || compareKeys((chunk[at] as SortedRow<T>).key, key) !== 0) return false;
    chunk.splice(at, 1);
    this.#size -= 1;
    if (chunk.length === 0) this.#chunks.splice(c, 1);
    return true;
  }

  /** Up to `limit` rows with a key strictly after `after` (from the start without one), and whether more follow. */
  page(after: SortKey | undefined, limit: number): { rows: SortedRow<T>[]; more: boolean } {
    let c = 0;
    let at = 0;
    if (after) {
      c = this.#chunkAfter(after, false);
      const chunk = this.#chunks[c];
      at = chunk ? firstIndex(chunk, after, false) : 0;
    }
    const rows: SortedRow<T>[] = [];
    for (; c < this.#chunks.length; c += 1, at = 0) {
      const chunk = this.#chunks[c] as SortedRow<T>[];
      for (; at < chunk.length; at += 1) {
        if (rows.length === limit) return { rows, more: true };
        rows.push(chunk[at] as SortedRow<T>);
      }
    }
    return { rows, more: false };
  }

  /** Every row in key order. */
  *[Symbol.iterator](): IterableIterator<SortedRow<T>> {
    for (const chunk of this.#chunks) yield* chunk;
  }

  /** The first chunk whose last key is ≥ `key` (`inclusive`) or > `key`; the chunk count when none is. */
  #chunkAfter(key: SortKey, inclusive: boolean): number {
    let lo = 0;
    let hi = this.#chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.#chunks[mid] as SortedRow<T>[];
      const order = compareKeys((chunk[chunk.length - 1] as SortedRow<T>).key, key);
      if (order < 0 || (order === 0 && !inclusive)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The first row of a chunk with a key ≥ `key` (`inclusive`) or > `key`. */
function firstIndex<T>(chunk: readonly SortedRow<T>[], key: SortKey, inclusive: boolean): number {
  let lo = 0;
  let hi = chunk.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const order = compareKeys((chunk[mid] as SortedRow<T>).key, key);
    if (order < 0 || (order === 0 && !inclusive)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
