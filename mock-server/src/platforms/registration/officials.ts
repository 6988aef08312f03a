import { endOfDay, shanghaiDay, type PlannedDispatch, type WorkflowEvent, type WorkflowInstance } from '@gdx/kernel';
import { planOfficialActions, type OutcomeProbabilities } from '@gdx/procedures';
import type { RegistrationState } from './registration-state.js';

const DAY_MS = 86_400_000;
const ESTIMATE = { estimate: true } as const;

interface Policy {
  mode: 'auto' | 'manual' | 'late';
  approvalRate?: number;
  decideOn?: 'first_day' | 'last_day';
  overdueByWorkingDays?: number;
}

/** The sandbox's policy as an object (older sandboxes stored the bare mode). */
function policyOf(state: RegistrationState): Policy {
  const raw: unknown = state.sandbox.reviewerPolicy;
  return typeof raw === 'string' ? { mode: raw as Policy['mode'] } : (raw as Policy);
}

/** `approvalRate` of the simulation API as the procedures' outcome weights (refusals split 3:2). */
function weights(approvalRate: number): OutcomeProbabilities {
  const refused = 1 - approvalRate;
  return { accept: approvalRate, supplement: refused * 0.6, reject: refused * 0.4 };
}

/** The same time of day on another day. */
function onDay(at: number, day: string): number {
  return endOfDay(day) - DAY_MS + (at - (endOfDay(shanghaiDay(at)) - DAY_MS));
}

function retime(plan: PlannedDispatch, policy: Policy, instance: WorkflowInstance, state: RegistrationState): PlannedDispatch {
  if (policy.mode === 'late' && (policy.overdueByWorkingDays ?? 1) > 1) {
    const day = state.sandbox.calendar.addWorkingDays(shanghaiDay(plan.at), (policy.overdueByWorkingDays ?? 1) - 1, ESTIMATE);
    return { ...plan, at: onDay(plan.at, day) };
  }
  const d = instance.deadline;
  if (policy.mode === 'auto' && policy.decideOn === 'last_day' && d && !d.overdue && d.unit === 'working_days') {
    return { ...plan, at: onDay(plan.at, d.dueDate) };
  }
  return plan;
}

/**
 * Schedules the simulated officials' next decision for an application that just entered a
 * state, following the sandbox's reviewer policy (`@gdx/procedures`' officials: `auto` seeded
 * by the sandbox seed and the object, `late` after the deadline with an explanation, `manual`
 * nothing). The decision fires on the sandbox clock; one overtaken by events is refused quietly.
 *
 * @example
 * ```ts
 * engine.subscribe(({ instanceId, event }) => planOfficials(state, engine.get(instanceId), event));
 * ```
 */
export function planOfficials(state: RegistrationState, instance: WorkflowInstance, event: WorkflowEvent): void {
  if (event.from === event.to || event.seq !== instance.events.length) return;
  const policy = policyOf(state);
  if (policy.mode === 'manual') return;
  const plans = planOfficialActions(instance, {
    policy: policy.mode,
    seed: state.sandbox.seed,
    calendar: state.sandbox.calendar,
    probabilities: weights(policy.approvalRate ?? 1),
  });
  for (const plan of plans) state.engine.plan(retime(plan, policy, instance, state));
}
