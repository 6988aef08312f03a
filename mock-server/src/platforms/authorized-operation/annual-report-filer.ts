import { ANNUAL_REPORT_FILERS } from '@gdx/procedures';
import type { OperationContext } from '../../app/platform-module.js';
import { requireOneOfRoles } from '../workflow-host/index.js';
import { isGrantor, isParty, visible } from './ao-access.js';
import type { AuthorizationRecord, AuthorizedOperationState, ReportFiler } from './ao-records.js';

type Ctx = OperationContext<AuthorizedOperationState>;

/**
 * The authorization of the path and who files its yearly report: a role of the profile's
 * `annualReportFiledBy` (65号 五: the grantor; Inner Mongolia's operator too, 101号 第十六条) that the
 * caller holds on this authorization. A caller with none of those roles gets 403 naming them; one
 * holding a role on another authorization 404. A report an older version took from the operator
 * replays as answered, whatever the profile now says.
 */
export function reportingAuthorization(ctx: Ctx): { authorization: AuthorizationRecord; filer: ReportFiler } {
  const allowed = ctx.replaying ? ANNUAL_REPORT_FILERS : ctx.state.host.procedures.profile.options.authorizedOperation.annualReportFiledBy;
  const caller = requireOneOfRoles(ctx, allowed as [ReportFiler['role'], ...ReportFiler['role'][]]);
  const roleOn = (a: AuthorizationRecord): ReportFiler['role'] | undefined =>
    allowed.find((role) => caller.roles.includes(role) && (role === 'grantor' ? a.grantorId : a.operatorId) === caller.id);
  const authorization = visible(ctx, ctx.state.authorizations, 'authorizationId', (a) => roleOn(a) !== undefined);
  return { authorization, filer: { role: roleOn(authorization)!, organizationId: caller.id } };
}

/** The authorization of the path for those who read its pricing and yearly reports: its parties and its grantor. */
export function pricingAuthorization(ctx: Ctx): AuthorizationRecord {
  return visible(ctx, ctx.state.authorizations, 'authorizationId', (a) => isParty(ctx, a) || isGrantor(ctx, a));
}
