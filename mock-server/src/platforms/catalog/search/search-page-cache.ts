/**
 * The bounds of one index's kept pages: how many, the UTF-16 units they hold together (≤ 1 MiB),
 * and how many queries seen once are remembered.
 */
const SEARCH_PAGE_CACHE_LIMITS = { pages: 32, chars: 512 * 1024, seen: 1024 } as const;

/**
 * Search answers of one index (or of the unchanged indices of one seed: `CatalogSearchIndex.answerScope`)
 * as rendered, by query, for one generation of the index (`CatalogSearchIndex.generation`). A search is a pure function of the query and the indexed
 * entries, so a query repeated on an unchanged catalog (a vendor's test polling the same page, the
 * bench) is answered with the very string rendered before. Any publish, new version or withdrawal
 * changes the generation and forgets every page.
 *
 * A page is kept when its query comes a second time, and kept pages stay until the generation
 * changes; once the bounds are reached, other queries are rendered each time. Nothing is evicted
 * because keeping answers only briefly is what costs: an answer that outlives a few young-generation
 * collections is promoted and later collected from the old generation, which made a search that
 * missed a rotating cache three times as expensive as no cache at all (bench/HISTORY.md).
 *
 * @example
 * ```ts
 * const cache = new SearchPageCache();
 * cache.offer('["数据",20]', index.generation, json); // seen once: not kept
 * cache.offer('["数据",20]', index.generation, json); // kept
 * cache.get('["数据",20]', index.generation);         // json, until the index changes
 * ```
 */
export class SearchPageCache {
  readonly #pages = new Map<string, string>();
  readonly #seen = new Set<string>();
  #generation = -1;
  #chars = 0;

  /** The page kept for `key` on `generation`, or `undefined`. */
  get(key: string, generation: number): string | undefined {
    return generation === this.#generation ? this.#pages.get(key) : undefined;
  }

  /** Keeps `page` for `key` on `generation` if its query was seen before and the bounds allow. */
  offer(key: string, generation: number, page: string): void {
    if (generation !== this.#generation) {
      this.#pages.clear();
      this.#seen.clear();
      this.#chars = 0;
      this.#generation = generation;
    }
    if (this.#pages.size >= SEARCH_PAGE_CACHE_LIMITS.pages || this.#chars + page.length > SEARCH_PAGE_CACHE_LIMITS.chars) return;
    if (this.#seen.delete(key)) {
      this.#pages.set(key, page);
      this.#chars += page.length;
      return;
    }
    // Remembering queries is bounded too: past the bound, counting starts again.
    if (this.#seen.size >= SEARCH_PAGE_CACHE_LIMITS.seen) this.#seen.clear();
    this.#seen.add(key);
  }
}
