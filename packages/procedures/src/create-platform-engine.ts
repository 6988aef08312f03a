import { WorkflowEngine, type Calendar, type Clock } from '@gdx/kernel';
import { attachOfficials } from './officials/attach-officials.js';
import type { PlanOptions, ReviewerPolicy } from './officials/plan-official-actions.js';
import { buildProcedures, type Procedures } from './procedures.js';
import type { Profile } from './profile-schema.js';
import { resolveProfile } from './resolve-profile.js';

/**
 * Options of `createPlatformEngine`.
 *
 * @example
 * const o: PlatformEngineOptions = { profile: 'xiamen', calendar, clock: new VirtualClock(start), seed: 7, reviewerPolicy: 'auto' };
 */
export interface PlatformEngineOptions {
  profile: string | object | Profile;
  calendar: Calendar;
  clock: Clock;
  seed: number | string;
  reviewerPolicy: ReviewerPolicy;
  probabilities?: PlanOptions['probabilities'];
}

/**
 * An engine running every machine of a profile with simulated officials attached. The returned
 * `officials` options object is live: set `officials.policy` to switch the reviewer policy.
 *
 * @example
 * const { engine, officials } = createPlatformEngine({ profile: 'national', calendar: WorkingCalendar.official(),
 *   clock: new VirtualClock(Date.parse('2025-09-26T10:00:00+08:00')), seed: 1, reviewerPolicy: 'auto' });
 * officials.policy = 'late';
 */
export function createPlatformEngine(options: PlatformEngineOptions): { engine: WorkflowEngine; procedures: Procedures; officials: PlanOptions } {
  const procedures = buildProcedures(resolveProfile(options.profile));
  const engine = new WorkflowEngine({ machines: procedures.machines, guards: procedures.guards, calendar: options.calendar, clock: options.clock });
  const officials: PlanOptions = {
    policy: options.reviewerPolicy,
    seed: options.seed,
    calendar: options.calendar,
    ...(options.probabilities ? { probabilities: options.probabilities } : {}),
  };
  attachOfficials(engine, officials);
  return { engine, procedures, officials };
}
