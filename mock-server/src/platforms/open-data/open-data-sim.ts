import type { OperationResult, SimCommandContext } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { applyOfficialAction, dataObjectionView, illegalTransition, thirdPartyObjectionResult, type ActionTarget, type DataObjectionSubmission } from '../workflow-host/index.js';
import { fileOpenDataObjection } from './grant-operations.js';
import type { OpenDataState } from './open-data-state.js';
import { applicationView, demandView, grantView } from './wire-views.js';

type Sim = SimCommandContext<OpenDataState>;

function notFound(ctx: Sim): never {
  throw new PlatformProblem('NOT_FOUND', { detail: `no ${String(ctx.body.objectType)} ${String(ctx.body.objectId)} on the open-data platform` });
}

/** The kernel instance an action targets; a grant is suspended through its application. */
function target(ctx: Sim): ActionTarget {
  const { state, body } = ctx;
  const id = String(body.objectId);
  switch (body.objectType) {
    case 'application': {
      const a = state.applications.get(id) ?? notFound(ctx);
      return { instanceId: id, view: () => applicationView(state, a) };
    }
    case 'grant': {
      const g = state.grants.get(id) ?? notFound(ctx);
      // A grant only takes suspend (through its application).
      if (body.action !== 'suspend') throw illegalTransition(g.state, String(body.action), g.state === 'active' ? ['suspend'] : []);
      return { instanceId: g.applicationId, view: () => grantView(state, g) };
    }
    case 'demand': {
      const d = state.demands.get(id) ?? notFound(ctx);
      return { instanceId: id, view: () => demandView(state, d) };
    }
    case 'data_objection': {
      const o = state.objections.get(id) ?? notFound(ctx);
      return { instanceId: id, view: () => dataObjectionView(state.host, o) };
    }
    default:
      throw new PlatformProblem('VALIDATION_FAILED', {
        errors: [{ pointer: '/objectType', code: 'OBJECT_TYPE_UNKNOWN', message: { zh: '开放平台的对象类型为 application、grant、demand、data_objection', en: 'Open-data object types are application, grant, demand and data_objection' } }],
      });
  }
}

/**
 * Officials' actions on the open-data platform: pass_initial_review / return (operator),
 * approve / reject (authority with the provider), suspend, explain_overdue on applications
 * (suspend also on grants); answer / explain_overdue on demands and data objections.
 *
 * @example
 * ```ts
 * POST /_sim/v1/sandboxes/sbx/actions { platform: 'open-data', objectType: 'application', objectId, action: 'pass_initial_review' }
 * ```
 */
export function actOnOpenData(ctx: Sim): OperationResult {
  return applyOfficialAction(ctx as SimCommandContext<unknown>, ctx.state.host, target(ctx));
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
  const record = fileOpenDataObjection(ctx.state, ctx.sandbox, null, 'public', ctx.body.objection as DataObjectionSubmission);
  return thirdPartyObjectionResult('open-data', ctx.state.host, record);
}
