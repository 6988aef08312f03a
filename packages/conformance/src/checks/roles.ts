import type { Organization } from '../http/signer.js';

/**
 * Whether an organisation holds a role: `true` or `false` when its roles are known (a simulation
 * API listed them), `undefined` when they are not (organisations given with `--org`).
 *
 * @example
 * ```ts
 * holdsRole({ appKey: 'k', secret: 's', creditCode: '', roles: ['registrant'] }, 'registrant'); // true
 * ```
 */
export function holdsRole(org: Organization, role: string): boolean | undefined {
  return org.roles === undefined ? undefined : org.roles.includes(role);
}

/**
 * Index of the first organisation that holds `role`, for a check that must act in that role (the
 * platforms answer 403 `FORBIDDEN` otherwise). When no organisation's roles are known the first
 * one is used, as before roles were checked; when they are known and none holds it, `undefined`.
 *
 * @example
 * ```ts
 * const a = indexWithRole(ctx.organizations, 'registrant') ?? ctx.skip('no registrant');
 * ```
 */
export function indexWithRole(orgs: readonly Organization[], role: string): number | undefined {
  if (orgs.every((o) => o.roles === undefined)) return orgs.length > 0 ? 0 : undefined;
  const index = orgs.findIndex((o) => holdsRole(o, role) === true);
  return index >= 0 ? index : undefined;
}

/**
 * The organisations reordered so those known to hold `role` come first (a stable partition), so
 * organisation #0 of a scenario may act in that role and #1 is the next such one where there is.
 *
 * @example
 * ```ts
 * leadingWithRole(sbx.organizations, 'applicant')[0]; // the first applicant
 * ```
 */
export function leadingWithRole<T extends Organization>(orgs: readonly T[], role: string): T[] {
  return [...orgs.filter((o) => holdsRole(o, role) === true), ...orgs.filter((o) => holdsRole(o, role) !== true)];
}
