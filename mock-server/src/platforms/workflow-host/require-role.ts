import { ROLE_NAMES_ZH } from '@gdx/protocol';
import type { OperationContext, Organisation } from '../../app/platform-module.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import type { OrganizationRole } from '../../sandbox/seed/types.js';


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
      detail: `该操作须由${ROLE_NAMES_ZH[role]}（${role}）办理，${caller.name}不具备该角色 / This operation requires the ${role} role, which ${caller.name} does not hold`,
      extensions: { requiredRole: role },
    });
  }
  return caller;
}
