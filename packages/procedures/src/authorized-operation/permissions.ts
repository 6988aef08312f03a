import type { Profile } from '../profile-schema.js';

/**
 * Whether an authorization in `state` takes new data access requests and products, and lets
 * them be approved (data access) or listed (products): in `active` (authorized-operation.md §3,
 * "permissions open; §4–§9 run"), and in the states the profile's `permissionsOpenWhile` adds
 * (none by default). Permissions already granted are a separate matter: only a suspension
 * suspends them, and the end of the authorization ends them.
 *
 * @example
 * permissionsOpen(resolveProfile('national'), 'active'); // true
 * permissionsOpen(resolveProfile('national'), 'under_evaluation'); // false
 */
export function permissionsOpen(profile: Profile, state: string): boolean {
  return state === 'active' || (profile.options.authorizedOperation.permissionsOpenWhile as readonly string[]).includes(state);
}
