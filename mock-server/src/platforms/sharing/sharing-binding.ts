import { shanghaiDate } from '@gdx/calendar';
import type { WorkflowEvent, WorkflowInstance } from '@gdx/kernel';
import type { SandboxContext } from '../../app/platform-module.js';
import { dataObjectionView, newestFirst, NEWEST_FIRST_KEY, objectionOfficial, officialOrganisation, OBJECTION_WIRE, ownListing, periodEndedRefusals, toReasons, type HostBinding, type Listing, type WireMapping } from '../workflow-host/index.js';
import { endGrant, issueGrant } from './grant-lifecycle.js';
import type { SharingState } from './sharing-state.js';
import { qualityIssueView, REQUEST_STEPS, requestView } from './wire-views.js';

const OBJECT_TYPES: Record<string, string> = {
  'sharing.request': 'request',
  'sharing.data-objection': 'data_objection',
  'sharing.quality-issue': 'quality_issue',
};

/**
 * A request as the contract shows it: the contract's step names, and a joint review started by the
 * compliance review's pass (inner-mongolia) says so — its clock runs from that day, not from the
 * receipt the profile's limit names.
 */
const REQUEST_WIRE: WireMapping = {
  steps: REQUEST_STEPS,
  startTrigger: (e) => (e.event === 'pass_compliance_review' && e.deadline?.step === 'review' ? 'compliance_review_passed' : undefined),
};

/** Events whose reasons the request shows (`reasons`): the written answer of a refusal. */
const REASONED = new Set(['fail_compliance_review', 'reject', 'uphold_rejection', 'revoke']);

function onRequestEvent(state: SharingState, sandbox: SandboxContext, instance: WorkflowInstance, event: WorkflowEvent): void {
  const request = state.requests.get(instance.id);
  if (!request) return;
  if (event.event && REASONED.has(event.event)) request.reasons = toReasons(event.data?.reasons);
  // State-based, so the grant exists before the first event of a create chain is published.
  if (instance.state === 'delivered' && request.grantId === null) issueGrant(state, sandbox, request, instance);
  const grant = request.grantId ? state.grants.get(request.grantId) : undefined;
  if (grant && event.from !== event.to && (event.to === 'revoked' || event.to === 'expired')) endGrant(state, sandbox, grant, event.to, event);
}

/** A request in its requester's list, and its grant (issued on delivery) in the grantee's. */
function requestListings(state: SharingState, instance: WorkflowInstance): Listing[] {
  const request = state.requests.get(instance.id);
  if (!request) return [];
  const listings = [ownListing('request', request.owner, instance)];
  const grant = request.grantId ? state.grants.get(request.grantId) : undefined;
  if (grant) listings.push({ list: 'grant', owner: grant.owner, key: newestFirst({ id: grant.id, createdAt: grant.deliveredAt }), id: grant.id });
  return listings;
}

/**
 * How the sharing platform's kernel instances map to its objects: object types, owners (the
 * requester, reporter or objector; the provider is notified of requests), wire views with the
 * contract's step names, the official organisation of each role, the grant lifecycle, and the
 * refusal of a grant after the period of use (pointing at the request's `periodOfUse`).
 *
 * @example
 * ```ts
 * const host = new WorkflowHost(sandbox, sharingBinding(state, sandbox));
 * ```
 */
export function sharingBinding(state: SharingState, sandbox: SandboxContext): HostBinding {
  return {
    platform: 'sharing',
    // Step names as the contract's x-gdx-limits gives them.
    wire: { 'sharing.request': REQUEST_WIRE, 'sharing.data-objection': OBJECTION_WIRE, 'sharing.quality-issue': { steps: { answer: 'quality_answer' } } },
    objectType: (i) => OBJECT_TYPES[i.machine] ?? i.machine,
    owner: (i) => state.requests.get(i.id)?.owner ?? state.issues.get(i.id)?.owner ?? state.objections.get(i.id)?.owner ?? null,
    alsoNotify: (i) => {
      const providerId = state.requests.get(i.id)?.providerId ?? state.issues.get(i.id)?.providerId ?? state.objections.get(i.id)?.providerId;
      return providerId ? [providerId] : [];
    },
    view: (i) => {
      const request = state.requests.get(i.id);
      if (request) return requestView(state, request);
      const issue = state.issues.get(i.id);
      if (issue) return qualityIssueView(state, issue);
      const objection = state.objections.get(i.id);
      return objection ? dataObjectionView(state.host, objection, i) : { id: i.id, state: i.state };
    },
    official: (i, role) => {
      const objection = state.objections.get(i.id);
      if (objection) return objectionOfficial(sandbox, objection, role);
      const providerId = state.requests.get(i.id)?.providerId ?? state.issues.get(i.id)?.providerId;
      if (role === 'data_provider' && providerId) return providerId;
      // 市人民政府 is not an organisation of the sandbox: its decisions carry no organisation id.
      return role === 'city_government' ? null : (officialOrganisation(sandbox, role)?.id ?? null);
    },
    onEvent: (i, e) => {
      if (i.machine === 'sharing.request') onRequestEvent(state, sandbox, i, e);
    },
    listings: (i) => requestListings(state, i),
    listKeys: { request: NEWEST_FIRST_KEY, grant: NEWEST_FIRST_KEY },
    // Approving or delivering after the period of use: the refusal points at the request's period.
    refusal: periodEndedRefusals(state.requests, () => shanghaiDate(sandbox.now())),
  };
}
