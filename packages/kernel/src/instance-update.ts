import type { WorkflowEvent, WorkflowInstance } from './types.js';

/**
 * A copy of `instance` with the given fields (instances are immutable). Every field is written
 * out in one order and given positionally, so all instances share one object shape and the
 * callers pass no object of changes (a generic spread was the single most expensive line of a
 * transition; an object of changes met a new shape at each kind of update).
 *
 * @example
 * const cleared = instanceWith(instance, instance.state, instance.updatedAt, instance.deadline, instance.events, instance.data, null);
 */
export function instanceWith(
  instance: WorkflowInstance,
  state: string,
  updatedAt: string,
  deadline: WorkflowInstance['deadline'],
  events: WorkflowEvent[],
  data: Record<string, unknown>,
  timer: WorkflowInstance['timer'],
): WorkflowInstance {
  return { id: instance.id, machine: instance.machine, state, createdAt: instance.createdAt, updatedAt, deadline, events, data, timer };
}

/** A copy of `instance` with its timer spent (`null`). */
export function withoutTimer(instance: WorkflowInstance): WorkflowInstance {
  return instanceWith(instance, instance.state, instance.updatedAt, instance.deadline, instance.events, instance.data, null);
}

/**
 * A copy of an instance's event log with `event` appended, sized exactly. A spread
 * (`[...events, event]`) grows its array as it goes and keeps the slack: 248 bytes instead of 96
 * for six events, held by every instance for as long as it is current, which the collector copies
 * and promotes with the instance.
 *
 * @example
 * const events = appended(instance.events, event);
 */
export function appended(events: readonly WorkflowEvent[], event: WorkflowEvent): WorkflowEvent[] {
  const n = events.length;
  const out = new Array<WorkflowEvent>(n + 1);
  for (let i = 0; i < n; i += 1) out[i] = events[i] as WorkflowEvent;
  out[n] = event;
  return out;
}
