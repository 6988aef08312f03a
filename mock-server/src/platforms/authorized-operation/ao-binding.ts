import { shanghaiDay, type WorkflowEvent, type WorkflowInstance } from '@gdx/kernel';
import type { SandboxContext } from '../../app/platform-module.js';
import { newestFirst, NEWEST_FIRST_KEY, officialOrganisation, ownListing, toReasons, type HostBinding, type Listing, type WireMapping } from '../workflow-host/index.js';
import type { AuthorizedOperationState } from './ao-records.js';
import { onAuthorizationEvent } from './authorization-effects.js';
import { formalFeeRefusal } from './formal-fee-check.js';
import { takesProducts } from './permission-effects.js';
import { onSelectionEvent } from './selection-effects.js';
import { tenderPeriodRefusal } from './tender-period-refusal.js';
import { authorizationView, dataAccessView, planView, productView, selectionView } from './wire-views.js';

/** The simulation API's object type of each machine. */
export const OBJECT_TYPES: Readonly<Record<string, string>> = {
  'authorized-operation.plan': 'plan',
  'authorized-operation.selection': 'selection',
  'authorized-operation.authorization': 'authorization',
  'authorized-operation.data-access': 'data_access_request',
  'authorized-operation.product': 'product',
};

const today = (event: WorkflowEvent) => shanghaiDay(Date.parse(event.at));

function onPlanEvent(state: AuthorizedOperationState, instance: WorkflowInstance, event: WorkflowEvent): void {
  const plan = state.plans.get(instance.id);
  if (!plan) return;
  if (event.event === 'reject_plan' || event.event === 'reject_change') plan.reasons = toReasons(event.data?.['reasons']);
  if (event.event === 'propose_change') plan.pendingChange = structuredClone(event.data?.['change'] as typeof plan.content);
  if (event.event === 'reject_change') plan.pendingChange = null;
  // An approved change takes effect as the next version and must be filed again.
  if (event.event === 'approve_plan' && event.from === 'change_deliberation' && plan.pendingChange) {
    plan.content = plan.pendingChange;
    plan.pendingChange = null;
    plan.version += 1;
    plan.filedOn = null;
  }
  if (event.event === 'file_plan') plan.filedOn = today(event);
}

function onRequestEvent(state: AuthorizedOperationState, instance: WorkflowInstance, event: WorkflowEvent): void {
  const request = state.requests.get(instance.id);
  if (!request) return;
  if (event.event === 'reject_data_access' || event.event === 'authorization_ended') request.reasons = toReasons(event.data?.['reasons']);
  if (event.event === 'report_agreement') request.agreementReportedOn = today(event);
}

function onProductEvent(state: AuthorizedOperationState, instance: WorkflowInstance, event: WorkflowEvent): void {
  const product = state.products.get(instance.id);
  if (!product) return;
  if (event.event === 'pass_compliance_review') product.listedOn = today(event);
  if (event.event === 'set_fee') {
    const fee = event.data?.['fee'] as { actualFen: number; displayed: boolean; effectiveFrom: string };
    product.fee = { actualFen: fee.actualFen, displayed: fee.displayed, effectiveFrom: fee.effectiveFrom, changedAt: event.at };
  }
  if (event.event === 'fail_compliance_review' || event.event === 'withdraw' || event.event === 'authorization_ended') product.reasons = toReasons(event.data?.['reasons']);
}

/**
 * What started an authorization's evaluation clock, as the deadline says: the annual report on the
 * evaluated year (the profile limit's `annual_report_submitted`, also when it arrives during the
 * evaluation), else the evaluation's start (started before that report), the operator's
 * rectification report, or the end of the rectification period (re-evaluations, 101号 第三十六条).
 */
const AUTHORIZATION_WIRE: WireMapping = {
  startTrigger: (e) => {
    if (e.deadline?.step !== 'evaluation') return undefined;
    if (e.event === 'report_rectification') return 'rectification_reported';
    if (e.event === 'reevaluate') return 'rectification_period_ended';
    if (e.event === 'annual_report_filed') return 'annual_report_submitted';
    if (e.event === 'start_evaluation' && typeof e.data?.['annualReportOn'] !== 'string') return 'evaluation_started';
    return undefined;
  },
};

/**
 * The listing of one object in the list of several organisations, each once: one listing with
 * `alsoOwners` (a list index places an item once, so one listing per owner kept only the last
 * owner's — the operator listed none of its authorizations).
 */
function forEach(list: string, owners: readonly (string | null)[], instance: WorkflowInstance): Listing[] {
  const [first, ...others] = [...new Set(owners.filter((o): o is string => o !== null))];
  if (first === undefined) return [];
  return [{ ...ownListing(list, first, instance), alsoOwners: others }];
}

function listings(state: AuthorizedOperationState, instance: WorkflowInstance): Listing[] {
  const id = instance.id;
  const plan = state.plans.get(id);
  if (plan) {
    const own = ownListing('plan', plan.owner, instance);
    // Approved plans are not secret: every other organisation lists them.
    return instance.state === 'approved' || instance.state === 'change_deliberation' ? [own, { list: 'approved-plan', owner: null, state: instance.state, key: newestFirst(instance) }] : [own];
  }
  const selection = state.selections.get(id);
  if (selection) return forEach('selection', [selection.owner, selection.operatorId, ...selection.bids.map((b) => b.operatorId)], instance);
  const authorization = state.authorizations.get(id);
  if (authorization) {
    return [...forEach('authorization', [authorization.operatorId, authorization.implementingBodyId], instance), { list: 'disclosed-authorization', owner: null, key: newestFirst(instance) }];
  }
  const request = state.requests.get(id);
  if (request) return forEach('data-access', [request.owner, state.authorizations.get(request.authorizationId)?.operatorId ?? null], instance);
  const product = state.products.get(id);
  if (!product) return [];
  const own = ownListing('product', product.owner, instance);
  return instance.state === 'listed' ? [own, { list: 'listed-product', owner: null, state: product.content.useCategory, key: newestFirst(instance) }] : [own];
}

/** Who acts for an official role on this object: the parties named on it, else the sandbox's organisation of that role. */
function official(state: AuthorizedOperationState, sandbox: SandboxContext, instance: WorkflowInstance, role: string): string | null {
  const authorizationId = state.requests.get(instance.id)?.authorizationId ?? state.products.get(instance.id)?.authorizationId ?? instance.id;
  const authorization = state.authorizations.get(authorizationId);
  if (role === 'implementing_body') return state.plans.get(instance.id)?.owner ?? state.selections.get(instance.id)?.owner ?? authorization?.implementingBodyId ?? null;
  if (role === 'operator') return authorization?.operatorId ?? null;
  if (role === 'grantor' && authorization?.grantorId) return authorization.grantorId;
  return officialOrganisation(sandbox, role)?.id ?? null;
}

/**
 * Events the platform refuses for data its machines cannot see, so refusals and timelines do not
 * offer them: an application for formal fees before a complete operating year or beside one
 * pending or approved (`formalFeeRefusal`, from the term's first day and the application's
 * status), a product submitted while its authorization takes none (`submitProduct`: the
 * authorization's state is another object's).
 */
function withholds(state: AuthorizedOperationState, sandbox: SandboxContext, instance: WorkflowInstance, event: string): boolean {
  if (event === 'apply_formal_fees') {
    const authorization = state.authorizations.get(instance.id);
    return authorization !== undefined && formalFeeRefusal(authorization, shanghaiDay(sandbox.now())) !== undefined;
  }
  const product = event === 'submit' ? state.products.get(instance.id) : undefined;
  return product !== undefined && !takesProducts(state, product);
}

/**
 * How the authorized-operation platform's kernel instances map to its objects: object types,
 * owners (the implementing body, the operator, the requester; the other party is notified),
 * wire views, the officials of each role, the side effects of decisions (a signed agreement
 * creates the authorization, an approved change raises the plan's version, an ended
 * authorization ends its data access) and the lists each object appears in.
 *
 * @example
 * ```ts
 * const host = new WorkflowHost(sandbox, authorizedOperationBinding(state, sandbox));
 * ```
 */
export function authorizedOperationBinding(state: AuthorizedOperationState, sandbox: SandboxContext): HostBinding {
  return {
    platform: 'authorized-operation',
    wire: { 'authorized-operation.authorization': AUTHORIZATION_WIRE },
    objectType: (i) => OBJECT_TYPES[i.machine] ?? i.machine,
    owner: (i) =>
      state.plans.get(i.id)?.owner ?? state.selections.get(i.id)?.owner ?? state.authorizations.get(i.id)?.operatorId ?? state.requests.get(i.id)?.owner ?? state.products.get(i.id)?.owner ?? null,
    alsoNotify: (i) => {
      const authorization = state.authorizations.get(i.id);
      if (authorization) return [authorization.implementingBodyId];
      const request = state.requests.get(i.id);
      const operatorId = request ? state.authorizations.get(request.authorizationId)?.operatorId : undefined;
      return operatorId && operatorId !== request?.owner ? [operatorId] : [];
    },
    view: (i) => {
      const plan = state.plans.get(i.id);
      if (plan) return planView(state, plan);
      const selection = state.selections.get(i.id);
      if (selection) return selectionView(state, selection);
      const authorization = state.authorizations.get(i.id);
      if (authorization) return authorizationView(state, authorization);
      const request = state.requests.get(i.id);
      if (request) return dataAccessView(state, request);
      const product = state.products.get(i.id);
      return product ? productView(state, product) : { id: i.id, state: i.state };
    },
    official: (i, role) => official(state, sandbox, i, role),
    onEvent: (i, e) => {
      switch (i.machine) {
        case 'authorized-operation.plan':
          return onPlanEvent(state, i, e);
        case 'authorized-operation.selection':
          return onSelectionEvent(state, sandbox, i, e);
        case 'authorized-operation.authorization':
          return onAuthorizationEvent(state, i, e);
        case 'authorized-operation.data-access':
          return onRequestEvent(state, i, e);
        case 'authorized-operation.product':
          return onProductEvent(state, i, e);
      }
    },
    withholds: (i, event) => withholds(state, sandbox, i, event),
    refusal: tenderPeriodRefusal,
    listings: (i) => listings(state, i),
    listKeys: Object.fromEntries(
      ['plan', 'approved-plan', 'selection', 'authorization', 'disclosed-authorization', 'data-access', 'product', 'listed-product'].map((list) => [list, NEWEST_FIRST_KEY]),
    ),
  };
}
