import { ANNUAL_REPORT_FILERS } from '@gdx/procedures';
import type { OperationContext } from '../../app/platform-module.js';
import { requireOneOfRoles } from '../workflow-host/index.js';
import { isGrantor, isParty, visible } from './ao-access.js';
import type { AuthorizationRecord, AuthorizedOperationState, PricingActor } from './ao-records.js';

type Ctx = OperationContext<AuthorizedOperationState>;
type PricingRole = PricingActor['role'];

/** The authorization of the path and the role its caller acts in there. */
interface Acting {
  authorization: AuthorizationRecord;
  actor: PricingActor;
}

/**
 * The authorization of the path and the role of `allowed` its caller holds on it (`grantorId`,
 * `operatorId`). A caller with none of those roles gets 403 naming them; one holding a role on
 * another authorization 404.
 */
function actingAuthorization(ctx: Ctx, allowed: readonly [PricingRole, ...PricingRole[]]): Acting {
  const caller = requireOneOfRoles(ctx, allowed);
  const roleOn = (a: AuthorizationRecord): PricingRole | undefined =>
    allowed.find((role) => caller.roles.includes(role) && (role === 'grantor' ? a.grantorId : a.operatorId) === caller.id);
  const authorization = visible(ctx, ctx.state.authorizations, 'authorizationId', (a) => roleOn(a) !== undefined);
  return { authorization, actor: { role: roleOn(authorization)!, organizationId: caller.id } };
}

/**
 * The authorization of the path and who files its yearly report: a role of the profile's
 * `annualReportFiledBy` (65号 五: the grantor; Inner Mongolia's operator too, 101号 第十六条) that the
 * caller holds on this authorization. A report an older version took from the operator replays as
 * answered, whatever the profile now says.
 */
export function reportingAuthorization(ctx: Ctx): Acting {
  const allowed = ctx.replaying ? ANNUAL_REPORT_FILERS : ctx.state.host.procedures.profile.options.authorizedOperation.annualReportFiledBy;
  return actingAuthorization(ctx, allowed as readonly [PricingRole, ...PricingRole[]]);
}

/**
 * The authorization of the path and who applies for its formal fees: its grantor (65号 二
 * "授权主体应…提出书面申请"). An application an older version took from the operator (only it
 * could apply then) replays as answered.
 */
export function applyingAuthorization(ctx: Ctx): Acting {
  return actingAuthorization(ctx, ctx.replaying ? ['grantor', 'operator'] : ['grantor']);
}

/**
 * The authorization of the path and its grantor, who reports the ceilings it set in writing to
 * the 发展改革 and data authorities (65号 二 "由授权主体制定…并书面报告"); another role 403, the
 * grantor of another authorization 404.
 */
export function ceilingReportingAuthorization(ctx: Ctx): Acting {
  return actingAuthorization(ctx, ['grantor']);
}

/** The authorization of the path for those who read its pricing and yearly reports: its parties and its grantor. */
export function pricingAuthorization(ctx: Ctx): AuthorizationRecord {
  return visible(ctx, ctx.state.authorizations, 'authorizationId', (a) => isParty(ctx, a) || isGrantor(ctx, a));
}
