import type { WorkflowInstance } from '@gdx/kernel';
import type { WireEvent } from '../workflow-host/index.js';
import type { AuthorizedOperationState, BidRecord, SelectionRecord } from './ao-records.js';

/** Methods whose bids are opened: a tender at its bid deadline (开标, 招标投标法 第三十四条), a call when its period ends. */
function bidsOpened(selection: SelectionRecord, instance: WorkflowInstance | undefined): boolean {
  if (instance === undefined) return false;
  if (selection.method === 'open_tender' || selection.method === 'invited_tender') return instance.data['tenderClosed'] === true;
  return selection.method === 'call_and_review' && instance.state !== 'selecting' && instance.state !== 'call_published';
}

/**
 * Whether `viewerId` sees every bid of the selection: the platform itself (`undefined`: the
 * simulation API, the feed, which tells the implementing body only) and the implementing body
 * always; a bidder only under the profile's `bidsShownToBidders: after_opening` once the bids are
 * opened. Anyone else sees its own bids only: bids are confidential (招标投标法 第二十二条, not even
 * the bidders' names or number), and the sources publish only the operator chosen (27号 第十八条).
 *
 * @example
 * ```ts
 * seesEveryBid(state, selection, ctx.caller?.id); // false for an operator while a tender is open
 * ```
 */
export function seesEveryBid(state: AuthorizedOperationState, selection: SelectionRecord, viewerId: string | undefined): boolean {
  if (viewerId === undefined || viewerId === selection.owner) return true;
  if (state.host.procedures.profile.options.authorizedOperation.bidsShownToBidders !== 'after_opening') return false;
  return selection.bids.some((b) => b.operatorId === viewerId) && bidsOpened(selection, state.host.get(selection.id));
}

/** The bids of the selection `viewerId` sees (`seesEveryBid`, else its own). */
export function bidsSeenBy(state: AuthorizedOperationState, selection: SelectionRecord, viewerId: string | undefined): readonly BidRecord[] {
  return seesEveryBid(state, selection, viewerId) ? selection.bids : selection.bids.filter((b) => b.operatorId === viewerId);
}

/**
 * The selection's log as `viewerId` sees it: without the `bid_submitted` events of bids it may not
 * see (`seesEveryBid`), numbered without them — a gap in `seq` would tell how many bids there are.
 * `events` is the whole log (`WorkflowHost.events`), returned as it is when nothing is hidden.
 *
 * @example
 * ```ts
 * eventsSeenBy(state, selection, ctx.caller?.id, state.host.events(instance));
 * ```
 */
export function eventsSeenBy(state: AuthorizedOperationState, selection: SelectionRecord, viewerId: string | undefined, events: readonly WireEvent[]): readonly WireEvent[] {
  if (seesEveryBid(state, selection, viewerId)) return events;
  const kept = events.filter((e) => e.type !== 'bid_submitted' || e.actor.organizationId === viewerId);
  return kept.length === events.length ? events : kept.map((e, i) => ({ ...e, seq: i + 1 }));
}
