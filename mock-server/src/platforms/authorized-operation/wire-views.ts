import { shanghaiDay, type Deadline, type WorkflowInstance } from '@gdx/kernel';
import { rulesWarnings } from '@gdx/procedures';
import { lastLiveDayOf, workflowFields } from '../workflow-host/index.js';
import type { AuthorizationRecord, AuthorizedOperationState, BidRecord, DataAccessRecord, PlanRecord, ProductRecord, SelectionRecord } from './ao-records.js';
import { agreementReportDutyOf } from './agreement-report.js';
import { bidsSeenBy, eventsSeenBy } from './bid-visibility.js';
import { disclosureView, operatorDisclosureView, statusReportView } from './disclosure-duty.js';
import { feeStatusOf } from './pricing-view.js';
import { productFee, productPriceFlags, productRegistration } from './product-fees.js';

/**
 * The contract's `warnings` of a one-off filing made at `filedAt` (an annual report): `RULES_EXPIRED`
 * when the profile's local rules had expired that day (厦门办法 after 2025-12-27). A filing has no
 * life after its day, so that day decides. Derived on read: snapshots and replays store nothing.
 */
export function warningsAt(state: AuthorizedOperationState, filedAt: string | number) {
  return rulesWarnings(state.host.procedures.profile, shanghaiDay(typeof filedAt === 'number' ? filedAt : Date.parse(filedAt)));
}

/**
 * The contract's `warnings` of a plan, selection, authorization, data access request or product:
 * `RULES_EXPIRED` when it was live on a day after the profile's local rules expired (厦门办法 after
 * 2025-12-27, ambiguity 11 "warn after it"; `lastLiveDayOf`) — created after that day, or signed,
 * approved or submitted before it and still running later (it operates under the lapsed rules,
 * what its operator must be told), kept once it ends. The sharing and open-data platforms judge
 * their objects the same way. Derived on read: snapshots and replays store nothing.
 */
function liveObjectWarnings(state: AuthorizedOperationState, instance: WorkflowInstance, deadline: Deadline | null) {
  return rulesWarnings(state.host.procedures.profile, lastLiveDayOf(state.host, instance, deadline?.startedOn));
}

/**
 * An authorization's term check as the contract shows it: one recorded before `measuredFrom`
 * existed (a snapshot, a replayed journal) counted the cap from the term's first day.
 */
function termCheckView(check: AuthorizationRecord['termCheck']) {
  const { from, to, measuredFrom, ...rest } = check;
  return { from, to, measuredFrom: measuredFrom ?? from, ...rest };
}

function instanceOf(state: AuthorizedOperationState, id: string): WorkflowInstance {
  const instance = state.host.get(id);
  if (!instance) throw new Error(`authorized-operation: no instance ${id}`);
  return instance;
}

/**
 * The contract's `Plan`.
 *
 * @example
 * ```ts
 * planView(state, state.plans.get('aop_1')!).version; // 1
 * ```
 */
export function planView(state: AuthorizedOperationState, plan: PlanRecord) {
  const instance = instanceOf(state, plan.id);
  const { state: current, createdAt, updatedAt, deadline, events } = workflowFields(state.host, instance);
  return {
    id: plan.id,
    state: current,
    version: plan.version,
    content: plan.content,
    pendingChange: plan.pendingChange,
    implementingBody: plan.implementingBody,
    filedOn: plan.filedOn,
    reasons: plan.reasons,
    warnings: liveObjectWarnings(state, instance, deadline),
    createdAt,
    updatedAt,
    deadline,
    events,
  };
}

/** The contract's `Bid`. */
export function bidView(bid: BidRecord) {
  return { id: bid.id, selectionId: bid.selectionId, operator: bid.operator, proposal: bid.proposal, eligibility: bid.eligibility, submittedAt: bid.submittedAt };
}

/**
 * The contract's `Selection` as `viewerId` sees it (`bid-visibility.ts`): the implementing body and
 * the platform itself (`undefined`) every bid, an operator its own (and their events) unless the
 * profile opens them to bidders; `updatedAt` then is its last visible event's.
 */
export function selectionView(state: AuthorizedOperationState, selection: SelectionRecord, viewerId?: string) {
  const instance = instanceOf(state, selection.id);
  const fields = workflowFields(state.host, instance);
  const { state: current, createdAt, deadline } = fields;
  const events = eventsSeenBy(state, selection, viewerId, fields.events);
  const updatedAt = events === fields.events ? fields.updatedAt : (events.at(-1)?.at ?? createdAt);
  return {
    id: selection.id,
    state: current,
    planId: selection.planId,
    method: selection.method,
    conditions: selection.conditions,
    implementingBody: selection.implementingBody,
    bids: bidsSeenBy(state, selection, viewerId).map(bidView),
    operator: selection.operator,
    agreement: selection.agreement,
    authorizationId: selection.authorizationId,
    reasons: selection.reasons,
    warnings: liveObjectWarnings(state, instance, deadline),
    createdAt,
    updatedAt,
    deadline,
    events,
  };
}

/** The contract's `Authorization`. */
export function authorizationView(state: AuthorizedOperationState, authorization: AuthorizationRecord) {
  const instance = instanceOf(state, authorization.id);
  const { state: current, createdAt, updatedAt, deadline, events } = workflowFields(state.host, instance);
  return {
    id: authorization.id,
    state: current,
    selectionId: authorization.selectionId,
    planId: authorization.planId,
    grantor: authorization.grantor,
    implementingBody: authorization.implementingBody,
    operator: authorization.operator,
    authorizationMode: authorization.authorizationMode,
    agreement: authorization.agreement,
    termCheck: termCheckView(authorization.termCheck),
    evaluations: authorization.evaluations,
    // The machine counts the rectification of the running evaluation (a second one fails it).
    rectifications: instance.data['rectified'] === true ? 1 : 0,
    feeStatus: feeStatusOf(authorization),
    disclosure: disclosureView(state, instance),
    operatorDisclosure: operatorDisclosureView(state, instance),
    statusReport: statusReportView(state, instance),
    reasons: authorization.reasons,
    warnings: liveObjectWarnings(state, instance, deadline),
    createdAt,
    updatedAt,
    deadline,
    events,
  };
}

/** The contract's `DataAccessRequest`, `accessSuspended` while its authorization is suspended, with its agreement report's duty once reported. */
export function dataAccessView(state: AuthorizedOperationState, request: DataAccessRecord) {
  const instance = instanceOf(state, request.id);
  const { state: current, createdAt, updatedAt, deadline, events } = workflowFields(state.host, instance);
  return {
    id: request.id,
    authorizationId: request.authorizationId,
    state: current,
    accessSuspended: instance.data['accessSuspended'] === true,
    requester: request.requester,
    submission: request.submission,
    agreementReportedOn: request.agreementReportedOn,
    agreementReportDuty: agreementReportDutyOf(state, instance),
    reasons: request.reasons,
    warnings: liveObjectWarnings(state, instance, deadline),
    createdAt,
    updatedAt,
    deadline,
    events,
  };
}

/** The contract's `Product`: its fee with the ceiling in force, its registration duty and price flags, as of now. */
export function productView(state: AuthorizedOperationState, product: ProductRecord) {
  const instance = instanceOf(state, product.id);
  const { state: current, createdAt, updatedAt, deadline, events } = workflowFields(state.host, instance);
  const duty = productRegistration(state, product);
  return {
    id: product.id,
    authorizationId: product.authorizationId,
    state: current,
    operator: product.operator,
    content: product.content,
    fee: productFee(state, product),
    registration: duty.registration,
    priceFlags: productPriceFlags(state, product),
    listedOn: product.listedOn,
    reasons: product.reasons,
    warnings: [...liveObjectWarnings(state, instance, deadline), ...duty.warnings],
    createdAt,
    updatedAt,
    deadline,
    events,
  };
}
