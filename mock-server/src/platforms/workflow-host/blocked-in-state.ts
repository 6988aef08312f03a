import type { WorkflowEvent, WorkflowInstance } from '@gdx/kernel';

/**
 * What the calendar blocked on an instance that nothing has undone since: the latest
 * `action_blocked` event after the instance last changed state (an overdue flag or another
 * event of the same state may have come since), unless the blocked action has happened since.
 * `undefined` when there is none.
 *
 * @example
 * ```ts
 * const blocked = blockedInState(instance);
 * if (blocked?.actor.role === 'clock') engine.dispatch(instance.id, blockedAction(blocked), { actor: blocked.actor });
 * ```
 */
export function blockedInState(instance: WorkflowInstance): WorkflowEvent | undefined {
  const since = new Set<string>();
  for (let i = instance.events.length - 1; i >= 0; i -= 1) {
    const event = instance.events[i] as WorkflowEvent;
    if (event.from !== event.to) return undefined;
    if (event.type === 'action_blocked') return since.has(blockedAction(event)) ? undefined : event;
    if (event.event !== undefined) since.add(event.event);
  }
  return undefined;
}

/** The machine event an `action_blocked` event records (`event`, else `data.action`). */
export function blockedAction(blocked: WorkflowEvent): string {
  return blocked.event ?? String(blocked.data?.['action']);
}
