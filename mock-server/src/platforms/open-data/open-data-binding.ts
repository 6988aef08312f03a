import { shanghaiDate } from '@gdx/calendar';
import type { WorkflowEvent, WorkflowInstance } from '@gdx/kernel';
import type { SandboxContext } from '../../app/platform-module.js';
import { dataObjectionView, NEWEST_FIRST_KEY, objectionOfficial, officialOrganisation, OBJECTION_WIRE, ownListing, periodEndedRefusals, toReasons, type HostBinding, type Listing } from '../workflow-host/index.js';
import { followGrant, issueGrant } from './grant-lifecycle.js';
import type { OpenDataState } from './open-data-state.js';
import { applicationView, demandView, grantView, spotCheckView } from './wire-views.js';

const OBJECT_TYPES: Record<string, string> = {
  'open-data.application': 'application',
  'open-data.usage-reporting': 'grant',
  'open-data.demand': 'demand',
  'open-data.data-objection': 'data_objection',
  'open-data.spot-check': 'spot_check',
};

/** Events whose reasons the application shows: return, rejection (published), suspension. */
const REASONED = new Set(['return', 'reject', 'suspend']);

function onApplicationEvent(state: OpenDataState, sandbox: SandboxContext, instance: WorkflowInstance, event: WorkflowEvent): void {
  const app = state.applications.get(instance.id);
  if (!app) return;
  if (event.event && REASONED.has(event.event)) app.reasons = toReasons(event.data?.reasons);
  if (event.event === 'reject') app.rejectedOn = event.at.slice(0, 10);
  if (instance.state === 'approved' && app.grantId === null) {
    issueGrant(state, sandbox, app, instance);
    return;
  }
  const grant = app.grantId ? state.grants.get(app.grantId) : undefined;
  if (grant && event.from !== event.to) followGrant(state, sandbox, grant, event);
}

/**
 * An application in its applicant's list and, once rejected, in the public list of rejections; a
 * spot check in its grant's list.
 */
function listings(state: OpenDataState, instance: WorkflowInstance): Listing[] {
  const check = state.spotChecks.get(instance.id);
  if (check) return [ownListing('spot_check', check.grantId, instance)];
  const app = state.applications.get(instance.id);
  if (!app) return [];
  const listings = [ownListing('application', app.owner, instance)];
  if (app.rejectedOn !== null) listings.push({ list: 'rejection', owner: null, key: [app.rejectedOn, app.id] });
  return listings;
}

/**
 * How the open-data platform's kernel instances map to its objects: object types (a grant's
 * usage reporting is shown as the grant), owners, wire views, the official organisation of each
 * role (operator, authority, the dataset's provider), and the grant lifecycle.
 *
 * @example
 * ```ts
 * const host = new WorkflowHost(sandbox, openDataBinding(state, sandbox));
 * ```
 */
export function openDataBinding(state: OpenDataState, sandbox: SandboxContext): HostBinding {
  const ownerOf = (id: string) =>
    state.applications.get(id)?.owner ?? state.grants.get(id)?.owner ?? state.demands.get(id)?.owner ?? state.objections.get(id)?.owner ?? state.spotChecks.get(id)?.owner ?? null;
  return {
    platform: 'open-data',
    // Step names as the contract's x-gdx-limits gives them.
    wire: { 'open-data.data-objection': OBJECTION_WIRE, 'open-data.demand': { steps: { answer: 'demand_answer' } }, 'open-data.spot-check': { steps: { answer: 'spot_check_answer' } } },
    objectType: (i) => OBJECT_TYPES[i.machine] ?? i.machine,
    owner: (i) => ownerOf(i.id),
    view: (i) => {
      const app = state.applications.get(i.id);
      if (app) return applicationView(state, app);
      const grant = state.grants.get(i.id);
      if (grant) return grantView(state, grant);
      const demand = state.demands.get(i.id);
      if (demand) return demandView(state, demand);
      const objection = state.objections.get(i.id);
      if (objection) return dataObjectionView(state.host, objection, i);
      const check = state.spotChecks.get(i.id);
      return check ? spotCheckView(state, check) : { id: i.id, state: i.state };
    },
    official: (i, role) => {
      const objection = state.objections.get(i.id);
      if (objection) return objectionOfficial(sandbox, objection, role);
      const providerId = state.applications.get(i.id)?.providerId;
      if (role === 'data_provider' && providerId) return providerId;
      return officialOrganisation(sandbox, role)?.id ?? null;
    },
    onEvent: (i, e) => {
      if (i.machine === 'open-data.application') onApplicationEvent(state, sandbox, i, e);
    },
    listings: (i) => listings(state, i),
    // Rejections by the day they were rejected (an ISO date), then id.
    listKeys: { application: NEWEST_FIRST_KEY, spot_check: NEWEST_FIRST_KEY, rejection: ['string', 'string'] },
    // Approving after the period of use: the refusal points at the application's period.
    refusal: periodEndedRefusals(state.applications, () => shanghaiDate(sandbox.now())),
  };
}
