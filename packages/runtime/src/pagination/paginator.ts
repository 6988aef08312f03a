import { GdxError } from '../errors/gdx-error.js';

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

  constructor(load: PageLoader<T>) {
    this.#load = load;
  }

  /** The pages themselves (with `total` and any extra members such as `facets`). */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let cursor: string | undefined;
    const seen = new Set<string>();
    for (;;) {
      const page = checkPage(await this.#load(cursor));
      yield page;
      if (page.nextCursor === null || page.nextCursor === undefined || page.nextCursor === '') return;
      // A platform that hands out the same cursor twice would otherwise loop forever.
      if (seen.has(page.nextCursor)) throw pagingError(`cursor ${page.nextCursor} repeated`);
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
}

function checkPage<T>(page: Page<T>): Page<T> {
  if (typeof page !== 'object' || page === null || !Array.isArray(page.items)) {
    throw pagingError('the response has no "items" array');
  }
  return page;
}

function pagingError(why: string): GdxError {
  return new GdxError('INVALID_PAGE', { en: `Not a valid page: ${why}`, zh: `分页响应无效：${why}` });
}
