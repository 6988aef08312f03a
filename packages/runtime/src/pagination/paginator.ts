import { GdxError, type Bilingual } from '../errors/gdx-error.js';

/**
 * One page of a list operation (docs/design.md, "Paging").
 *
 * @example
 * ```ts
 * const page: Page<{ id: string }> = { items: [{ id: 'rga_1' }], nextCursor: null, total: 1 };
 * ```
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
  [extra: string]: unknown;
}

/** Loads the page after `cursor` (`undefined` = the first page). */
export type PageLoader<T> = (cursor: string | undefined) => Promise<Page<T>>;

/**
 * How far one listing may go before it is given up with a typed error: without bounds, a platform
 * that keeps handing out a fresh `nextCursor` would be paged forever (and `toArray()` would grow
 * until the process runs out of memory). Settable per client (`ClientOptions`), per list
 * call (`ListOptions`) and on a {@link Paginator} of your own.
 *
 * @example
 * ```ts
 * const bounds: ListBounds = { maxPages: 5_000, maxEmptyPages: 20 };
 * ```
 */
export interface ListBounds {
  /**
   * Pages one listing loads (iteration, `pages()`, `toArray()`) before a `GdxError`
   * `TOO_MANY_PAGES` instead of the next one (default 10 000: 200 000 items at the platforms' default page of 20).
   * `Infinity` removes the bound; anything else below 1 means the default.
   */
  maxPages?: number;
  /**
   * Consecutive empty pages that still name a next cursor before `INVALID_PAGE` (default 100):
   * a platform handing out a fresh cursor with every empty page would otherwise be paged forever.
   * `Infinity` removes the bound; anything else below 1 means the default.
   */
  maxEmptyPages?: number;
}

/**
 * Options of a {@link Paginator}.
 *
 * @example
 * ```ts
 * const options: PaginatorOptions = { operationId: 'listApplications', maxPages: 50, maxEmptyPages: 20 };
 * ```
 */
export interface PaginatorOptions extends ListBounds {
  /** Named in `INVALID_PAGE` and `TOO_MANY_PAGES` errors (`ApiClient.paginate` passes the request's). */
  operationId?: string;
}

const DEFAULT_MAX_PAGES = 10_000;
const DEFAULT_MAX_EMPTY_PAGES = 100;

/**
 * Items of a list operation across pages, fetched lazily one page at a time. Iterating again
 * starts again from the first page.
 *
 * @example
 * ```ts
 * for await (const app of client.paginate<Application>({ operationId: 'listApplications', method: 'GET', path: '/applications', query: { limit: 100 } })) {
 *   console.log(app.id);
 * }
 * const firstTen = await client.paginate<Application>(req).toArray(10);
 * ```
 */
export class Paginator<T> implements AsyncIterable<T> {
  readonly #load: PageLoader<T>;
  readonly #operation: string;
  readonly #maxPages: number;
  readonly #maxEmptyPages: number;

  constructor(load: PageLoader<T>, options: PaginatorOptions = {}) {
    this.#load = load;
    this.#operation = options.operationId ?? 'paginate';
    this.#maxPages = bound(options.maxPages, DEFAULT_MAX_PAGES);
    this.#maxEmptyPages = bound(options.maxEmptyPages, DEFAULT_MAX_EMPTY_PAGES);
  }

  /** The pages themselves (with `total` and any extra members such as `facets`). */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let cursor: string | undefined;
    const seen = new Set<string>();
    let emptyInARow = 0;
    for (let loaded = 1; ; loaded++) {
      const page = this.#checked(await this.#load(cursor));
      yield page;
      if (page.nextCursor === null || page.nextCursor === undefined || page.nextCursor === '') return;
      // A platform that hands out the same cursor twice would otherwise loop forever.
      if (seen.has(page.nextCursor)) {
        throw this.#error({ en: `cursor ${page.nextCursor} repeated`, zh: `分页游标 ${page.nextCursor} 重复出现` });
      }
      // So would one that hands out a fresh cursor with every empty page: no item ever arrives
      // to stop `toArray(limit)` or a `for await` that breaks on one.
      emptyInARow = page.items.length === 0 ? emptyInARow + 1 : 0;
      if (emptyInARow >= this.#maxEmptyPages) {
        throw this.#error({
          en: `${emptyInARow} empty pages in a row, each naming a next cursor`,
          zh: `连续 ${emptyInARow} 页为空却仍给出下一页游标`,
        });
      }
      // And one that hands out fresh cursors with items forever: a bound on the whole listing.
      if (loaded >= this.#maxPages) throw this.#tooManyPages(loaded);
      seen.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }

  /** Collects the items, stopping (without loading further pages) once `limit` are collected. */
  async toArray(limit = Number.POSITIVE_INFINITY): Promise<T[]> {
    const out: T[] = [];
    if (limit <= 0) return out;
    for await (const item of this) {
      out.push(item);
      if (out.length >= limit) break;
    }
    return out;
  }

  #checked(page: Page<T>): Page<T> {
    if (typeof page !== 'object' || page === null || !Array.isArray(page.items)) {
      throw this.#error({ en: 'the response has no "items" array', zh: '响应中没有 items 数组' });
    }
    return page;
  }

  #tooManyPages(loaded: number): GdxError {
    return new GdxError('TOO_MANY_PAGES', {
      en: `${this.#operation} still names a next page after ${loaded} pages (maxPages); raise maxPages, or narrow the query`,
      zh: `${this.#operation} 已加载 ${loaded} 页仍有下一页（maxPages）；请调大 maxPages 或缩小查询范围`,
    });
  }

  #error(why: Bilingual): GdxError {
    return new GdxError('INVALID_PAGE', {
      en: `Not a valid page of ${this.#operation}: ${why.en}`,
      zh: `${this.#operation} 的分页响应无效：${why.zh}`,
    });
  }
}

/** A bound as given (`Infinity` kept, fractions floored), or the default for none or one below 1. */
function bound(given: number | undefined, fallback: number): number {
  return given !== undefined && given >= 1 ? Math.floor(given) : fallback;
}
