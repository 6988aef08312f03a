import type { OperationContext, OperationHandler, OperationResult } from '../../app/platform-module.js';
import { listEvents, listOwn, requireRole } from '../workflow-host/index.js';
import { isParty, visible } from './ao-access.js';
import type { AuthorizationRecord, AuthorizedOperationState } from './ao-records.js';
import { authorizationView } from './wire-views.js';

type Ctx = OperationContext<AuthorizedOperationState>;

/** The authorization of the path, for its parties only. */
export function partyAuthorization(ctx: Ctx): AuthorizationRecord {
  return visible(ctx, ctx.state.authorizations, 'authorizationId', (a) => isParty(ctx, a));
}

/** The authorization of the path for its operator (403 without the role, 404 for another's). */
export function operatedAuthorization(ctx: Ctx): AuthorizationRecord {
  requireRole(ctx, 'operator');
  return visible(ctx, ctx.state.authorizations, 'authorizationId', (a) => a.operatorId === ctx.caller?.id);
}

/**
 * A handler of what an operator files on its authorization (its validated body), sent as
 * `payload[key]` of `event`: the rectification report (101号 第三十六条), the feedback during a
 * suspension (第三十二条 反馈改正情况, which reinstatement needs), its periodic disclosure (27号
 * 第十九条) and Xiamen's status report (厦门办法 第二十四条).
 */
function operatorFiling(event: string, key: string): OperationHandler<AuthorizedOperationState> {
  return (ctx) => {
    const authorization = operatedAuthorization(ctx);
    ctx.state.host.dispatch(authorization.id, event, { actor: { role: 'operator', organizationId: authorization.operatorId }, payload: { [key]: structuredClone(ctx.body) } });
    return { status: 200, body: authorizationView(ctx.state, authorization) };
  };
}

function requestTermination(ctx: Ctx): OperationResult {
  const authorization = operatedAuthorization(ctx);
  const body = ctx.body as { reason: string };
  ctx.state.host.dispatch(authorization.id, 'request_termination', { actor: { role: 'operator', organizationId: authorization.operatorId }, payload: { reasons: [{ text: body.reason }] } });
  return { status: 200, body: authorizationView(ctx.state, authorization) };
}

/**
 * `POST /authorizations/{authorizationId}/disclosures`: the implementing body (实施机构, 27号 第十八条
 * "实施机构应…定期向社会披露") records where it disclosed the authorization, meeting the running
 * period (`Authorization.disclosure`); another role 403, another body's authorization 404.
 */
function discloseAuthorization(ctx: Ctx): OperationResult {
  requireRole(ctx, 'implementing_body');
  const authorization = visible(ctx, ctx.state.authorizations, 'authorizationId', (a) => a.implementingBodyId === ctx.caller?.id);
  ctx.state.host.dispatch(authorization.id, 'disclose', {
    actor: { role: 'implementing_body', organizationId: authorization.implementingBodyId },
    payload: { disclosure: structuredClone(ctx.body) },
  });
  return { status: 200, body: authorizationView(ctx.state, authorization) };
}

/**
 * `POST /authorizations/{authorizationId}/operator-disclosures`: the operator (27号 第十九条
 * "运营机构应…定期向社会披露") records where it disclosed its product list and its use of public
 * data, meeting the running period (`Authorization.operatorDisclosure`); another role 403,
 * another operator's authorization 404.
 */
const discloseOperation = operatorFiling('disclose_operation', 'operationDisclosure');

/**
 * `POST /authorizations/{authorizationId}/status-reports`: Xiamen's 一级开发主体 (the operator,
 * 厦门办法 第二十四条 "定期向市大数据主管部门报告公共数据授权运营情况") reports on its operation to the
 * city data authority, meeting the running period (`Authorization.statusReport`); another role 403,
 * another operator's authorization 404, a profile without the duty 409 (the machine has no
 * `report_status` there).
 */
const reportStatus = operatorFiling('report_status', 'statusReport');

/** Handlers of the authorization operations. */
export const authorizationOperations: Record<string, OperationHandler<AuthorizedOperationState>> = {
  getAuthorization: (ctx) => ({ status: 200, body: authorizationView(ctx.state, partyAuthorization(ctx)) }),
  listAuthorizations: (ctx) => ({ status: 200, body: listOwn(ctx, ctx.state.host, 'authorization', ctx.state.authorizations, (a) => authorizationView(ctx.state, a)) }),
  listAuthorizationEvents: (ctx) => ({ status: 200, body: listEvents(ctx, ctx.state.host, ctx.state.host.get(partyAuthorization(ctx).id)!) }),
  reportRectification: operatorFiling('report_rectification', 'report'),
  fileSuspensionFeedback: operatorFiling('file_feedback', 'feedback'),
  requestTermination,
  discloseAuthorization,
  discloseOperation,
  reportStatus,
};
