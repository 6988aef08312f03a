import type { Check, CheckContext, Platform } from '../runner/types.js';

/** What a group of checks shares: its area, its platform (if one) and whether it needs the simulation API. */
export type CheckGroup = Pick<Check, 'area' | 'platform' | 'needsSimulation'>;

/** Builds a check of a group from what differs between its checks. */
export type CheckMaker = (id: string, title: string, source: string, run: (ctx: CheckContext) => Promise<void>) => Check;

/**
 * A maker for the checks of one group, so each check states only its id, title, source and run.
 *
 * @example
 * ```ts
 * const check = checkMaker({ area: 'security', needsSimulation: false });
 * export const myChecks = [check('SEC-X-01', 'a title', 'docs/design.md §Signing', async (ctx) => { … })];
 * ```
 */
export function checkMaker(group: CheckGroup): CheckMaker {
  return (id, title, source, run) => ({ id, title, source, ...group, run });
}

/**
 * The maker of a platform's workflow checks: scenarios in sandboxes, so they need the simulation API.
 *
 * @example
 * ```ts
 * const check = workflowCheck('registration');
 * ```
 */
export function workflowCheck(platform: Platform): CheckMaker {
  return checkMaker({ area: 'workflow', platform, needsSimulation: true });
}
