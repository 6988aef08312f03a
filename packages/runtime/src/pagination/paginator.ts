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
 * Options of a {@link Paginator}.
 *
 * @example
 * ```ts
 * const options: PaginatorOptions = { operationId: 'listApplications', maxEmptyPages: 20 };
 * ```
 */
export interface PaginatorOptions {
  /** Named in `INVALID_PAGE` errors (`ApiClient.paginate` passes the request's). */
  operationId?: string;
  /**
   * Consecutive empty pages that still name a next cursor before `INVALID_PAGE` (default 100):
   * a platform handing out a fresh cursor with every empty page would otherwise be paged forever.
   * `Infinity` removes the bound; anything else below 1 means the default.
   */
  maxEmptyPages?: number;
}

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
  readonly #maxEmptyPages: number;

  constructor(load: PageLoader<T>, options: PaginatorOptions = {}) {
    this.#load = load;
    this.#operation = options.operationId ?? 'paginate';
    const max = options.maxEmptyPages ?? DEFAULT_MAX_EMPTY_PAGES;
    this.#maxEmptyPages = max >= 1 ? Math.floor(max) : DEFAULT_MAX_EMPTY_PAGES;
  }

  /** The pages themselves (with `total` and any extra members such as `facets`). */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let cursor: string | undefined;
    const seen = new Set<string>();
    let emptyInARow = 0;
    for (;;) {
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

  #error(why: Bilingual): GdxError {
    return new GdxError('INVALID_PAGE', {
      en: `Not a valid page of ${this.#operation}: ${why.en}`,
      zh: `${this.#operation} 的分页响应无效：${why.zh}`,
    });
  }
}
