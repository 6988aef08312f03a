import type { WorkflowInstance } from './types.js';

/**
 * A copy of `instance` with `changes` applied (instances are immutable). Every field is written
 * out in one order, so all instances share one object shape: a generic spread was the single
 * most expensive line of a transition.
 *
 * @example
 * const cleared = updated(instance, { timer: null });
 */
export function updated(instance: WorkflowInstance, changes: Partial<WorkflowInstance>): WorkflowInstance {
  return {
    id: instance.id,
    machine: instance.machine,
    state: changes.state ?? instance.state,
    createdAt: instance.createdAt,
    updatedAt: changes.updatedAt ?? instance.updatedAt,
    deadline: changes.deadline === undefined ? instance.deadline : changes.deadline,
    events: changes.events ?? instance.events,
    data: changes.data ?? instance.data,
    timer: changes.timer === undefined ? instance.timer : changes.timer,
  };
}
