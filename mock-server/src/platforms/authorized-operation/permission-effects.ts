import { permissionsOpen } from '@gdx/procedures';
import type { WorkflowEvent } from '@gdx/kernel';
import { REVISIONS } from '../../app/platform-module.js';
import type { AuthorizationRecord, AuthorizedOperationState, ProductRecord } from './ao-records.js';

/** The states an authorization ends in. */
export const ENDED: ReadonlySet<string> = new Set(['expired', 'terminated']);
/** Requests whose permissions a suspension suspends: the pending (no approval) and the approved (101号 第三十二条). */
const OPEN = ['submitted', 'approved'];
const CLOCK = { role: 'clock' } as const;

/**
 * Why a pending data access request ends with its authorization, by the state the authorization
 * ended in (zh / en in one text, as the officials' reasons): its permissions are revoked.
 */
const REQUEST_ENDED: Readonly<Record<string, string>> = {
  expired: '授权运营期限届满，数据使用权限收回 / The authorization expired: its data access permissions are revoked',
  terminated: '授权运营已终止，数据使用权限收回 / The authorization was terminated: its data access permissions are revoked',
};

/** Why a product under review ends rejected with its authorization: it can no longer be listed. */
const PRODUCT_ENDED: Readonly<Record<string, string>> = {
  expired: '授权运营期限届满，审核中的产品不再上架 / The authorization expired: the product under review can no longer be listed',
  terminated: '授权运营已终止，审核中的产品不再上架 / The authorization was terminated: the product under review can no longer be listed',
};

/** Why a listed product is withdrawn with its authorization: the operator may no longer provide it. */
const LISTED_PRODUCT_ENDED: Readonly<Record<string, string>> = {
  expired: '授权运营期限届满，产品下架 / The authorization expired: the product is withdrawn from the list',
  terminated: '授权运营已终止，产品下架 / The authorization was terminated: the product is withdrawn from the list',
};

/** The reason an object ends with its authorization, coded as an approval refused for the same cause. */
function endedReasons(texts: Readonly<Record<string, string>>, to: string): { reasons: { code: string; text: string }[] } {
  return { reasons: [{ code: 'AUTHORIZATION_NOT_ACTIVE', text: texts[to] ?? `授权运营已结束（${to}） / The authorization ended (${to})` }] };
}

/** An authorization's data access requests and products, by id. */
interface Dependents {
  requests: readonly string[];
  products: readonly string[];
}

/** The authorization's requests and products: one pass over each map per change of its state. */
function dependentsOf(state: AuthorizedOperationState, authorization: AuthorizationRecord): Dependents {
  const of = (records: Iterable<{ id: string; authorizationId: string }>) => {
    const ids: string[] = [];
    for (const record of records) if (record.authorizationId === authorization.id) ids.push(record.id);
    return ids;
  };
  return { requests: of(state.requests.values()), products: of(state.products.values()) };
}

/** Those of `ids` whose workflow object is in one of `states`, with their kernel data (read now: an earlier `tell` may have moved one). */
function objectsIn(state: AuthorizedOperationState, ids: readonly string[], states: readonly string[]) {
  const found: { id: string; data: Readonly<Record<string, unknown>> }[] = [];
  for (const id of ids) {
    const instance = state.host.get(id);
    if (instance && states.includes(instance.state)) found.push({ id: instance.id, data: instance.data });
  }
  return found;
}

/** Whether the product's authorization takes products for review now (its permissions are open in its state). */
export function takesProducts(state: AuthorizedOperationState, product: ProductRecord): boolean {
  return permissionsOpen(state.host.procedures.profile, state.host.get(product.authorizationId)?.state ?? 'active');
}

/** Sends the clock's `event` to each object. */
function tell(state: AuthorizedOperationState, objects: readonly { id: string }[], event: string, payload?: Record<string, unknown>): void {
  for (const { id } of objects) state.host.engine.dispatch(id, event, payload ? { actor: CLOCK, payload } : { actor: CLOCK });
}

/**
 * Holds or reopens the approvals pending within the authorization as it enters `to`: open in the
 * states of `permissionsOpen` (`active`, and those the profile's `permissionsOpenWhile` adds),
 * closed elsewhere (`close_approval` / `reopen_approval`, each object told only when it changes).
 * A suspension holds a request's approval by suspending its access instead (`accessSuspended`).
 */
function holdOrReopen(state: AuthorizedOperationState, own: Dependents, to: string): void {
  const open = permissionsOpen(state.host.procedures.profile, to);
  const event = open ? 'reopen_approval' : 'close_approval';
  const changing = (o: { data: Readonly<Record<string, unknown>> }) => (o.data['approvalClosed'] === true) === open;
  const payload = { authorizationState: to };
  if (to !== 'suspended') tell(state, objectsIn(state, own.requests, ['submitted']).filter(changing), event, payload);
  tell(state, objectsIn(state, own.products, ['compliance_review']).filter(changing), event, payload);
}

/**
 * Ends what depends on an authorization that expired or terminated (`to`): an approved request by
 * `end_data_access`; a pending request, or a product under review, never to be approved now, and
 * a listed product, which the operator may no longer provide (permissions revoked at once, 101号
 * 第三十七条), by `authorization_ended` with the reason (coded `AUTHORIZATION_NOT_ACTIVE`, as an
 * approval refused for the same cause; worded for a request's revoked permissions, a product's
 * listing or its withdrawal). A command journaled before the withdrawal (revision 0) replays
 * without it (`REVISIONS.listedProductsEndWithAuthorization`).
 */
function endWith(state: AuthorizedOperationState, own: Dependents, to: string): void {
  tell(state, objectsIn(state, own.requests, ['approved']), 'end_data_access');
  tell(state, objectsIn(state, own.requests, ['submitted']), 'authorization_ended', endedReasons(REQUEST_ENDED, to));
  tell(state, objectsIn(state, own.products, ['compliance_review']), 'authorization_ended', endedReasons(PRODUCT_ENDED, to));
  // A command journaled by 0.1.0 ended the authorization and left its listed products listed: its
  // replay does too, or the fees acknowledged on them after would be refused at start.
  if (state.sandbox.revision() < REVISIONS.listedProductsEndWithAuthorization) return;
  tell(state, objectsIn(state, own.products, ['listed']), 'authorization_ended', endedReasons(LISTED_PRODUCT_ENDED, to));
}

/**
 * What an authorization's change of state means for its data access requests and products: a
 * suspension suspends the requests' access and a reinstatement resumes it (101号 第三十二条);
 * outside the states where permissions are open no request is approved and no product listed
 * (the domain opens them in `active`, §3); once it expired or terminated they end with it
 * (permissions revoked at once, 101号 第三十七条). Self-transitions change nothing.
 *
 * @example
 * ```ts
 * followAuthorization(state, authorization, event); // from onAuthorizationEvent
 * ```
 */
export function followAuthorization(state: AuthorizedOperationState, authorization: AuthorizationRecord, event: WorkflowEvent): void {
  const { from, to } = event;
  if (from === to || to === null) return;
  const own = dependentsOf(state, authorization);
  if (ENDED.has(to)) return endWith(state, own, to);
  if (event.event === 'suspend') tell(state, objectsIn(state, own.requests, OPEN), 'suspend_access');
  if (event.event === 'reinstate') tell(state, objectsIn(state, own.requests, OPEN), 'resume_access');
  holdOrReopen(state, own, to);
}
