import type { OperationContext } from '../../app/platform-module.js';
import type { Page } from '../../app/paging.js';
import type { WorkflowHost } from '../workflow-host/index.js';

/**
 * A page of a public list of the host (`owner: null`), optionally filtered by the listing's
 * `state` value taken from the query parameter `filter` (e.g. `useCategory`).
 *
 * @example
 * ```ts
 * indexPageOf(ctx, host, 'listed-product', state.products, view, 'useCategory');
 * ```
 */
export function indexPageOf<R, V>(
  ctx: Pick<OperationContext<unknown>, 'query'>,
  host: WorkflowHost,
  list: string,
  records: ReadonlyMap<string, R>,
  view: (record: R) => V,
  filter?: string,
): Page<V> {
  const wanted = filter && typeof ctx.query[filter] === 'string' ? (ctx.query[filter] as string) : undefined;
  return host.listPage(ctx, list, null, wanted, (id) => view(records.get(id) as R));
}
