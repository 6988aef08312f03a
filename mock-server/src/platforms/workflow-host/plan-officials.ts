import { planOfficialActions, type OutcomeProbabilities } from '@gdx/procedures';
import type { Calendar, PlannedDispatch, WorkflowInstance } from '@gdx/kernel';
import type { ReviewerPolicy } from '../../app/platform-module.js';

const ESTIMATE = { estimate: true } as const; // plans are simulations; deadlines themselves never estimate
const DEFAULT_LATE_DAYS = 1;

function probabilities(rate: number | undefined): OutcomeProbabilities | undefined {
  return rate === undefined ? undefined : { accept: rate, supplement: 0, reject: 1 - rate };
}

/** Same time of day as `at`, moved to `day` (Asia/Shanghai). */
function onDay(day: string, at: number): number {
  const time = new Date(at + 8 * 3_600_000).toISOString().slice(11, 19);
  return Date.parse(`${day}T${time}+08:00`);
}

/**
 * What simulated officials plan for an instance that just entered a state, under the sandbox's
 * reviewer policy (`@gdx/procedures` decides the outcome, reasons and answers from the seed):
 * - `auto`: within the step's limit; `approvalRate` weighs approval against rejection,
 *   `decideOn: 'first_day' | 'last_day'` pins the day (the next working day, or the due date);
 * - `late`: the same seeded decision, taken `overdueByWorkingDays` (default 1) working days
 *   after the due date, so the overdue flag fires first — never an approval by the clock;
 * - `manual`: nothing (tests act through `POST /_sim/v1/sandboxes/{id}/actions`).
 *
 * @example
 * ```ts
 * for (const plan of planOfficials(instance, sandbox.reviewerPolicy, { seed: sandbox.seed, calendar })) engine.plan(plan);
 * ```
 */
export function planOfficials(instance: WorkflowInstance, policy: ReviewerPolicy, opts: { seed: number; calendar: Calendar }): PlannedDispatch[] {
  if (policy.mode === 'manual') return [];
  const plans = planOfficialActions(instance, {
    policy: 'auto',
    seed: opts.seed,
    calendar: opts.calendar,
    ...(probabilities(policy.approvalRate) ? { probabilities: probabilities(policy.approvalRate)! } : {}),
  });
  const entered = instance.events.at(-1);
  if (!entered) return plans;
  const today = entered.at.slice(0, 10);
  // Steps without a limit (disputes, coordination) count from an open-ended 5 WD window.
  const dueDate = instance.deadline?.dueDate ?? opts.calendar.addWorkingDays(today, 5, ESTIMATE);
  return plans.map((plan) => {
    if (policy.mode === 'late') {
      const day = opts.calendar.addWorkingDays(dueDate, policy.overdueByWorkingDays ?? DEFAULT_LATE_DAYS, ESTIMATE);
      return { ...plan, at: onDay(day, plan.at) };
    }
    if (policy.decideOn === 'first_day') return { ...plan, at: onDay(opts.calendar.addWorkingDays(today, 1, ESTIMATE), plan.at) };
    if (policy.decideOn === 'last_day') return { ...plan, at: onDay(dueDate, plan.at) };
    return plan;
  });
}
