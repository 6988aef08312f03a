import type { OperationContext } from '../../app/platform-module.js';
import { compareKeys, decodeCursor, pageByKey, type Page } from '../../app/paging.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import type { WorkflowInstance } from '@gdx/kernel';
import type { WireEvent } from './wire.js';
import type { WorkflowHost } from './workflow-host.js';

const DEFAULT_LIMIT = 20;

/**
 * One page of `items` for a list operation: sorted by `key` ascending (use a negated time or
 * number for newest first), `?limit=` (validated by the core, default 20) and `?cursor=` (the
 * last key of the previous page; a cursor that is not one answers 400 `INVALID_CURSOR` with the
 * pointer `/query/cursor`).
 *
 * @example
 * ```ts
 * return { status: 200, body: listPage(ctx, mine, (r) => [-Date.parse(r.createdAt), r.id], view) };
 * ```
 */
export function listPage<T, V>(
  ctx: Pick<OperationContext<unknown>, 'query'>,
  items: readonly T[],
  key: (item: T) => readonly (string | number)[],
  view: (item: T) => V,
): Page<V> {
  let after: (string | number)[] | undefined;
  if (typeof ctx.query.cursor === 'string') {
    after = decodeCursor(ctx.query.cursor);
    if (!after) {
      throw new PlatformProblem('INVALID_CURSOR', { errors: [{ pointer: '/query/cursor', code: 'INVALID_CURSOR', message: { zh: '分页游标无效', en: 'The cursor is invalid' } }] });
    }
  }
  const sorted = [...items].sort((a, b) => compareKeys(key(a), key(b)));
  const limit = typeof ctx.query.limit === 'number' ? ctx.query.limit : DEFAULT_LIMIT;
  const page = pageByKey(sorted, key, after, limit);
  return { ...page, items: page.items.map(view) };
}

/**
 * Newest-first sort key of a workflow object: negated creation time, then id.
 *
 * @example
 * ```ts
 * newestFirst({ createdAt: '2025-09-26T10:00:00+08:00', id: 'shr_1' }); // [-1758852000000, 'shr_1']
 * ```
 */
export function newestFirst(item: { createdAt: string; id: string }): [number, string] {
  return [-Date.parse(item.createdAt), item.id];
}

/**
 * The caller's own workflow objects, newest first, optionally only those in `?state=`.
 *
 * @example
 * ```ts
 * listRequests: (ctx) => ({ status: 200, body: listOwn(ctx, ctx.state.host, ctx.state.requests.values(), (r) => requestView(ctx.state, r)) }),
 * ```
 */
export function listOwn<R extends { id: string; owner: string | null }, V>(
  ctx: Pick<OperationContext<unknown>, 'query' | 'caller'>,
  host: WorkflowHost,
  records: Iterable<R>,
  view: (record: R) => V,
): Page<V> {
  const wanted = typeof ctx.query.state === 'string' ? ctx.query.state : undefined;
  const rows = [...records].filter((r) => r.owner === ctx.caller?.id && (wanted === undefined || host.get(r.id)?.state === wanted));
  return listPage(ctx, rows, (r) => newestFirst({ id: r.id, createdAt: host.get(r.id)?.createdAt ?? '' }), view);
}

/**
 * One page of an instance's events in the wire form, in order (`GET …/{id}/events`).
 *
 * @example
 * ```ts
 * listRequestEvents: (ctx) => ({ status: 200, body: listEvents(ctx, ctx.state.host, instance) }),
 * ```
 */
export function listEvents(ctx: Pick<OperationContext<unknown>, 'query'>, host: WorkflowHost, instance: WorkflowInstance): Page<WireEvent> {
  return listPage(ctx, host.events(instance), (e) => [e.seq], (e) => e);
}
