import type { OperationContext } from '../../app/platform-module.js';
import { listPage, type KeyShape, type Page } from '../../app/paging.js';
import type { Listing } from './host-index.js';
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

/** The key shape of a list sorted by `newestFirst` (and of every `ownListing`), for `HostBinding.listKeys`. */
export const NEWEST_FIRST_KEY: KeyShape = ['integer', 'string'];

/**
 * The caller's own workflow objects of a list the host indexes (`HostBinding.listings`), newest
 * first, optionally only those in `?state=`: read from the host's per-owner (and per-state)
 * index, so a page costs the same whatever else the sandbox holds.
 *
 * @example
 * ```ts
 * listRequests: (ctx) => ({ status: 200, body: listOwn(ctx, ctx.state.host, 'request', ctx.state.requests, (r) => requestView(ctx.state, r)) }),
 * ```
 */
export function listOwn<R, V>(
  ctx: Pick<OperationContext<unknown>, 'query' | 'caller'>,
  host: WorkflowHost,
  list: string,
  records: ReadonlyMap<string, R>,
  view: (record: R) => V,
): Page<V> {
  const wanted = typeof ctx.query.state === 'string' ? ctx.query.state : undefined;
  const read = (id: string) => view(records.get(id) as R);
  // Every list of own objects is signed; without a caller there is nothing to list.
  return host.listPage(ctx, list, ctx.caller?.id, wanted, read);
}

/**
 * The listing of a workflow object in its owner's newest-first list, in every state bucket of
 * `?state=` (for `HostBinding.listings`).
 *
 * @example
 * ```ts
 * listings: (i) => (state.requests.has(i.id) ? [ownListing('request', state.requests.get(i.id)!.owner, i)] : []),
 * ```
 */
export function ownListing(list: string, owner: string, instance: WorkflowInstance): Listing {
  return { list, owner, state: instance.state, key: newestFirst(instance) };
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
  return listEventPage(ctx, host.events(instance));
}

/**
 * One page of `events`, a log in the wire form as the caller may see it (`listEvents` pages the
 * whole log): a selection's, without the bids an operator may not see.
 *
 * @example
 * ```ts
 * listSelectionEvents: (ctx) => ({ status: 200, body: listEventPage(ctx, eventsSeenBy(state, selection, ctx.caller?.id, host.events(instance))) }),
 * ```
 */
export function listEventPage(ctx: Pick<OperationContext<unknown>, 'query'>, events: readonly WireEvent[]): Page<WireEvent> {
  return listPage(ctx, events, ['integer'], (e) => [e.seq], (e) => e);
}
