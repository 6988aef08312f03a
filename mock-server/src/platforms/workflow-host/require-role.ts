import type { OperationContext, Organisation } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import type { OrganizationRole } from '../../sandbox/seed/types.js';

/** The Chinese name of each role (the contract's `Role` descriptions), for the refusal's detail. */
const ROLE_NAMES: Readonly<Record<OrganizationRole, string>> = {
  data_provider: '数据提供单位',
  data_user: '数据使用单位',
  data_authority: '数据主管部门',
  platform_operator: '平台运营方',
  registry: '登记机构',
  registrant: '登记主体',
  applicant: '申请人',
  auditor: '审计机关',
  grantor: '授权主体',
  implementing_body: '实施机构',
  operator: '运营机构',
  price_authority: '价格主管部门',
};

/**
 * The signed caller, provided it holds `role`; otherwise a 403 `FORBIDDEN` problem naming the
 * role (in `detail`, zh / en, and as `requiredRole`). Call it first in a handler, before any id
 * is drawn or record stored, so a refusal changes nothing. The core has verified the signature
 * (401) before any handler runs; an unsigned caller here is still answered 401.
 *
 * @example
 * ```ts
 * const caller = requireRole(ctx, 'data_user'); // throws PlatformProblem('FORBIDDEN', …) otherwise
 * ```
 */
export function requireRole(ctx: Pick<OperationContext<unknown>, 'caller'>, role: OrganizationRole): Organisation {
  const caller = ctx.caller;
  if (!caller) throw new PlatformProblem('SIGNATURE_MISSING');
  if (!caller.roles.includes(role)) {
    throw new PlatformProblem('FORBIDDEN', {
      detail: `该操作须由${ROLE_NAMES[role]}（${role}）办理，${caller.name}不具备该角色 / This operation requires the ${role} role, which ${caller.name} does not hold`,
      extensions: { requiredRole: role },
    });
  }
  return caller;
}
