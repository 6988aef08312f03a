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
  return requireOneOfRoles(ctx, [role]);
}

/**
 * The signed caller, provided it holds one of `roles` (an operation more than one role may do);
 * otherwise a 403 `FORBIDDEN` problem naming them all in `detail` (zh / en) and the first as
 * `requiredRole` (the contract's member holds one role). The same order of checks as
 * {@link requireRole}.
 *
 * @example
 * ```ts
 * const caller = requireOneOfRoles(ctx, ['grantor', 'operator']);
 * ```
 */
export function requireOneOfRoles(ctx: Pick<OperationContext<unknown>, 'caller'>, roles: readonly [OrganizationRole, ...OrganizationRole[]]): Organisation {
  const caller = ctx.caller;
  if (!caller) throw new PlatformProblem('SIGNATURE_MISSING');
  if (!roles.some((role) => caller.roles.includes(role))) {
    const zh = roles.map((role) => `${ROLE_NAMES_ZH[role]}（${role}）`).join('或');
    const en = roles.length === 1 ? `the ${roles[0]} role` : `the ${roles.slice(0, -1).join(', ')} or ${roles.at(-1)} role`;
    throw new PlatformProblem('FORBIDDEN', {
      detail: `该操作须由${zh}办理，${caller.name}不具备该角色 / This operation requires ${en}, which ${caller.name} does not hold`,
      extensions: { requiredRole: roles[0] },
    });
  }
  return caller;
}
