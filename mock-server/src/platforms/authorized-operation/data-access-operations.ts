import { shanghaiDay } from '@gdx/kernel';
import { permissionsOpen } from '@gdx/procedures';
import type { OperationContext, OperationHandler, OperationResult } from '../../app/platform-module.js';
import type { OrganizationRole } from '../../sandbox/seed/types.js';
import { illegalTransition, listEvents, listOwn, missingReference, requireRole } from '../workflow-host/index.js';
import { AUTHORIZATION, visible } from './ao-access.js';
import { checkSignedOn } from './agreement-report.js';
import { checkEligibility } from './eligibility-check.js';
import { orgRef, type AuthorizedOperationState, type DataAccessRecord } from './ao-records.js';
import { checkScope } from './scope-checks.js';
import { dataAccessView } from './wire-views.js';

type Ctx = OperationContext<AuthorizedOperationState>;
const MACHINE = 'authorized-operation.data-access';

/** The requester, the authorization's operator (Xiamen's 一级 reviews) and its implementing body see a request. */
function mayRead(ctx: Ctx) {
  return (request: DataAccessRecord) => {
    const authorization = ctx.state.authorizations.get(request.authorizationId);
    const id = ctx.caller?.id;
    return request.owner === id || authorization?.operatorId === id || authorization?.implementingBodyId === id;
  };
}

function submitDataAccessRequest(ctx: Ctx): OperationResult {
  const { state, sandbox } = ctx;
  const { dataAccessRequester, dataAccessScope } = state.host.procedures.profile.options.authorizedOperation;
  const caller = requireRole(ctx, dataAccessRequester as OrganizationRole);
  const body = ctx.body as DataAccessRecord['submission'];
  const authorization = state.authorizations.get(body.authorizationId);
  // An operator applies within its own authorization; Xiamen's 二级 apply to any 一级's.
  if (!authorization || (dataAccessRequester === 'operator' && authorization.operatorId !== caller.id)) {
    throw missingReference('/authorizationId', `no authorization ${body.authorizationId}`, AUTHORIZATION);
  }
  // Xiamen's 二级 meet the security conditions of 厦门办法 第十五条; checked live only (older journals replay as answered).
  if (!ctx.replaying) checkEligibility(body.eligibility, state.host.procedures.profile.options.authorizedOperation.dataAccessEligibilityStatements, '/eligibility', true);
  const authorizationState = state.host.get(authorization.id)?.state ?? 'active';
  if (!permissionsOpen(state.host.procedures.profile, authorizationState)) throw illegalTransition(authorizationState, 'submit_data_access', [], 'AUTHORIZATION_NOT_ACTIVE');
  // Nationally the agreement names the data it authorizes; Xiamen's 二级 apply from the published catalogs.
  const within = dataAccessScope === 'agreement' ? authorization : undefined;
  checkScope(state, sandbox, body.dataNeeds, '/dataNeeds', [caller.id, authorization.implementingBodyId, authorization.operatorId], within);
  const actor = { role: dataAccessRequester, organizationId: caller.id };
  // Who reviews is the machine's first reviewer role: the operator (Xiamen 一级) or the data authority.
  const reviewer = dataAccessRequester === 'data_user' ? 'operator' : 'data_authority';
  const data = { reviewer };
  state.host.check(MACHINE, { actor, data });
  const record: DataAccessRecord = { id: sandbox.ids.next('aoq'), owner: caller.id, authorizationId: authorization.id, requester: orgRef(caller), submission: structuredClone(body), agreementReportedOn: null, reasons: [] };
  state.requests.set(record.id, record);
  state.host.create(MACHINE, { id: record.id, actor, data });
  return { status: 201, location: `/data-access-requests/${record.id}`, body: dataAccessView(state, record) };
}

function reportDataAccessAgreement(ctx: Ctx): OperationResult {
  const { state } = ctx;
  requireRole(ctx, 'operator');
  const request = visible(ctx, state.requests, 'requestId', (r) => state.authorizations.get(r.authorizationId)?.operatorId === ctx.caller?.id);
  const instance = state.host.get(request.id)!;
  const { signedOn } = ctx.body as { signedOn: string };
  checkSignedOn(instance, signedOn, shanghaiDay(ctx.sandbox.now()));
  const input = { actor: { role: 'operator', organizationId: ctx.caller!.id }, payload: { report: structuredClone(ctx.body) } };
  state.host.dispatch(request.id, 'report_agreement', input);
  return { status: 200, body: dataAccessView(state, request) };
}

/** Handlers of the data-access operations (`submitDataAccessRequest` … `listDataAccessEvents`). */
export const dataAccessOperations: Record<string, OperationHandler<AuthorizedOperationState>> = {
  submitDataAccessRequest,
  listDataAccessRequests: (ctx) => ({ status: 200, body: listOwn(ctx, ctx.state.host, 'data-access', ctx.state.requests, (r) => dataAccessView(ctx.state, r)) }),
  getDataAccessRequest: (ctx) => ({ status: 200, body: dataAccessView(ctx.state, visible(ctx, ctx.state.requests, 'requestId', mayRead(ctx))) }),
  reportDataAccessAgreement,
  listDataAccessEvents: (ctx) => {
    const request = visible(ctx, ctx.state.requests, 'requestId', mayRead(ctx));
    return { status: 200, body: listEvents(ctx, ctx.state.host, ctx.state.host.get(request.id)!) };
  },
};
