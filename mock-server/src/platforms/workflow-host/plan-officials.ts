import { planOfficialActions } from '@gdx/procedures';
import type { Calendar, PlannedDispatch, WorkflowInstance } from '@gdx/kernel';
import type { ReviewerPolicy } from '../../app/platform-module.js';

/**
 * What simulated officials plan for an instance that just entered a state, under the sandbox's
 * reviewer policy exactly as the simulation API defines it (`@gdx/procedures` reads the policy
 * object and decides outcome, reasons and answers from the seed):
 * - `auto`: within the step's limit on the first working day (or the last, `decideOn`);
 *   `approvalRate` (default 1) weighs approval against supplements / rejection;
 * - `late`: `overdueByWorkingDays` (default 1) working days after the due date, so the overdue
 *   flag fires first (with the explanation where the rule asks for one) — never an approval by the clock;
 * - `manual`: nothing (tests act through `POST /_sim/v1/sandboxes/{id}/actions`).
 *
 * @example
 * ```ts
 * for (const plan of planOfficials(instance, sandbox.reviewerPolicy, { seed: sandbox.seed, calendar })) engine.plan(plan);
 * ```
 */
export function planOfficials(instance: WorkflowInstance, policy: ReviewerPolicy, opts: { seed: number; calendar: Calendar }): PlannedDispatch[] {
  return planOfficialActions(instance, { policy, seed: opts.seed, calendar: opts.calendar });
}
