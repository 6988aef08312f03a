import type { OperationResult, SimCommandContext } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import type { Reason } from '@gdx/kernel';
import { applyOfficialAction, dataObjectionView, illegalTransition, namedOrganisation, officialOrganisation, thirdPartyObjectionResult, unknownActionObject, wireEvent, type ActionTarget, type DataObjectionSubmission } from '../workflow-host/index.js';
import { fileOpenDataObjection } from './grant-operations.js';
import { openDataObjects } from './open-data-objects.js';
import type { GrantRecord, OpenDataState, SpotCheckRecord } from './open-data-state.js';
import { applicationView, demandView, grantView, spotCheckView } from './wire-views.js';

type Sim = SimCommandContext<OpenDataState>;


/** The actions a grant's timeline offers now (`suspend`, `reinstate`, `start_spot_check`). */
function grantActions(state: OpenDataState, grant: GrantRecord): string[] {
  return (openDataObjects.get(state, 'grant', grant.id)?.actions() ?? []).map((a) => a.action);
}

/** The kernel instance an action targets; a grant is suspended and reinstated through its application. */
function target(ctx: Sim): ActionTarget {
  const { state, body } = ctx;
  const id = String(body.objectId);
  switch (body.objectType) {
    case 'application': {
      const a = state.applications.get(id) ?? unknownActionObject(ctx.body);
      return { instanceId: id, view: () => applicationView(state, a) };
    }
    case 'grant': {
      const g = state.grants.get(id) ?? unknownActionObject(ctx.body);
      // Suspended and reinstated through its application, which it follows: what its object offers now.
      const offered = grantActions(state, g);
      if (!offered.includes(String(body.action))) throw illegalTransition(g.state, String(body.action), offered);
      return { instanceId: g.applicationId, view: () => grantView(state, g) };
    }
    case 'demand': {
      const d = state.demands.get(id) ?? unknownActionObject(ctx.body);
      return { instanceId: id, view: () => demandView(state, d) };
    }
    case 'data_objection': {
      const o = state.objections.get(id) ?? unknownActionObject(ctx.body);
      return { instanceId: id, view: () => dataObjectionView(state.host, o) };
    }
    case 'spot_check': {
      const c = state.spotChecks.get(id) ?? unknownActionObject(ctx.body);
      return { instanceId: id, view: () => spotCheckView(state, c) };
    }
    default:
      throw new PlatformProblem('VALIDATION_FAILED', {
        errors: [{ pointer: '/objectType', code: 'OBJECT_TYPE_UNKNOWN', message: { zh: '开放平台的对象类型为 application、grant、demand、data_objection、spot_check', en: 'Open-data object types are application, grant, demand, data_objection and spot_check' } }],
      });
  }
}

/**
 * Officials' actions on the open-data platform: pass_initial_review / return (operator),
 * approve / reject (authority with the provider), suspend, reinstate, explain_overdue on
 * applications (suspend and reinstate also on grants, and start_spot_check, which creates a spot check); answer /
 * explain_overdue on demands and data objections.
 *
 * @example
 * ```ts
 * POST /_sim/v1/sandboxes/sbx/actions { platform: 'open-data', objectType: 'application', objectId, action: 'pass_initial_review' }
 * ```
 */
export function actOnOpenData(ctx: Sim): OperationResult {
  if (ctx.body.objectType === 'grant' && ctx.body.action === 'start_spot_check') return startSpotCheck(ctx);
  return applyOfficialAction(ctx as SimCommandContext<unknown>, ctx.state.host, target(ctx));
}

/**
 * The data authority starts a spot check (抽查) of an active grant with a usage-feedback
 * condition (接受抽查, 第二十四条); its holder answers on the platform. Any other grant answers
 * 409 and nothing is created.
 */
function startSpotCheck(ctx: Sim): OperationResult {
  const { state, sandbox, body } = ctx;
  const grant = state.grants.get(String(body.objectId)) ?? unknownActionObject(ctx.body);
  // The reason code says which of the two is missing: a suspended or expired grant with usage
  // feedback is refused for its state, not for a condition it has.
  const feedback = grant.conditions.includes('usage_feedback');
  if (!feedback || grant.state !== 'active') throw illegalTransition(grant.state, 'start_spot_check', grantActions(state, grant), feedback ? 'ILLEGAL_TRANSITION' : 'NO_USAGE_FEEDBACK');
  const organizationId = namedOrganisation(ctx as SimCommandContext<unknown>, 'data_authority') ?? officialOrganisation(sandbox, 'data_authority')?.id;
  const actor = { role: 'data_authority', ...(organizationId ? { organizationId } : {}) };
  state.host.check('open-data.spot-check', { actor });
  const check: SpotCheckRecord = { id: sandbox.ids.next('osc'), grantId: grant.id, owner: grant.owner, request: body.request as Reason };
  state.spotChecks.set(check.id, check);
  const created = state.host.create('open-data.spot-check', { id: check.id, actor });
  const first = created.events[0];
  return {
    status: 200,
    body: { platform: 'open-data', objectType: 'spot_check', objectId: check.id, from: null, to: created.state, event: first ? wireEvent(first, state.host.wireOf(created)) : null, object: spotCheckView(state, check) },
  };
}

/**
 * A third party's data objection (`kind: data`, `platform: open-data`), owned by no organisation.
 *
 * @example
 * ```ts
 * POST /_sim/v1/sandboxes/sbx/objections { kind: 'data', platform: 'open-data', objection: {...} }
 * ```
 */
export function objectOnOpenData(ctx: Sim): OperationResult {
  const record = fileOpenDataObjection(ctx.state, ctx.sandbox, null, 'public', ctx.body.objection as DataObjectionSubmission, '/objection');
  return thirdPartyObjectionResult('open-data', ctx.state.host, record);
}
