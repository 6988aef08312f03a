import type { OperationContext } from '../../app/platform-module.js';
import { listPage, type Page } from '../../app/paging.js';
import type { WorkflowInstance } from '@gdx/kernel';
import type { WireEvent } from './wire.js';
import type { WorkflowHost } from './workflow-host.js';

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
