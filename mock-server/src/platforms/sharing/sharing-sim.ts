import type { OperationResult, SimCommandContext } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { shanghaiDate } from '@gdx/calendar';
import { accepts, actingRole, applyOfficialAction, dataObjectionView, illegalTransition, thirdPartyObjectionResult, unknownActionObject, type ActionTarget, type DataObjectionSubmission } from '../workflow-host/index.js';
import { fileSharingObjection } from './feedback-operations.js';
import { checkGrantFields, type GrantFields } from './grant-fields.js';
import type { RequestRecord, SharingState } from './sharing-state.js';
import { grantView, qualityIssueView, requestView } from './wire-views.js';

type Sim = SimCommandContext<SharingState>;


/**
 * A `deliver` the machine would take now: its `grant` fields must fit the request (`checkGrantFields`).
 * Not a delivery the machine refuses anyway (its 409 / 422 says why), nor one a journal holds: a
 * delivery an older version acknowledged replays as it was answered.
 */
function checkDelivery(ctx: Sim, request: RequestRecord): void {
  const { state, body } = ctx;
  const instance = state.host.get(request.id);
  if (ctx.replaying === true || body.grant === undefined || !instance) return;
  if (!accepts(state.host, instance, 'deliver', actingRole(state.host, instance, 'deliver'))) return;
  const offered = state.entry(request.entryId)?.sharing.deliveryMethods;
  checkGrantFields(request, body.grant as GrantFields, offered, shanghaiDate(ctx.sandbox.now()));
}

/** The kernel instance an action targets; a grant is acted on through its request (only `revoke`). */
function target(ctx: Sim): ActionTarget {
  const { state, body } = ctx;
  const id = String(body.objectId);
  switch (body.objectType) {
    case 'request': {
      const r = state.requests.get(id) ?? unknownActionObject(ctx.body);
      if (body.action === 'deliver') checkDelivery(ctx, r);
      return { instanceId: id, view: () => requestView(state, r) };
    }
    case 'grant': {
      const g = state.grants.get(id) ?? unknownActionObject(ctx.body);
      // A grant only takes revoke (through its request).
      if (body.action !== 'revoke') throw illegalTransition(g.state, String(body.action), g.state === 'active' ? ['revoke'] : []);
      return { instanceId: g.requestId, view: () => grantView(state.host, g) };
    }
    case 'data_objection': {
      const o = state.objections.get(id) ?? unknownActionObject(ctx.body);
      return { instanceId: id, view: () => dataObjectionView(state.host, o) };
    }
    case 'quality_issue': {
      const q = state.issues.get(id) ?? unknownActionObject(ctx.body);
      return { instanceId: id, view: () => qualityIssueView(state, q) };
    }
    default:
      throw new PlatformProblem('VALIDATION_FAILED', {
        errors: [{ pointer: '/objectType', code: 'OBJECT_TYPE_UNKNOWN', message: { zh: '共享平台的对象类型为 request、grant、data_objection、quality_issue', en: 'Sharing object types are request, grant, data_objection and quality_issue' } }],
      });
  }
}

/**
 * Officials' actions on the sharing platform: pass_compliance_review / fail_compliance_review
 * (profiles with the compliance review) / approve / reject / deliver / coordinate /
 * escalate / uphold_rejection / revoke / explain_overdue on requests (revoke also on grants),
 * answer / explain_overdue on data objections and quality issues.
 *
 * @example
 * ```ts
 * POST /_sim/v1/sandboxes/sbx/actions { platform: 'sharing', objectType: 'request', objectId, action: 'approve' }
 * ```
 */
export function actOnSharing(ctx: Sim): OperationResult {
  return applyOfficialAction(ctx as SimCommandContext<unknown>, ctx.state.host, target(ctx));
}

/**
 * A third party's data objection (`kind: data`, `platform: sharing`), owned by no organisation.
 *
 * @example
 * ```ts
 * POST /_sim/v1/sandboxes/sbx/objections { kind: 'data', platform: 'sharing', objection: {...} }
 * ```
 */
export function objectOnSharing(ctx: Sim): OperationResult {
  const record = fileSharingObjection(ctx.state, ctx.sandbox, null, 'public', ctx.body.objection as DataObjectionSubmission, '/objection');
  return thirdPartyObjectionResult('sharing', ctx.state.host, record);
}
