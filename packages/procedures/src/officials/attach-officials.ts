import type { WorkflowEngine } from '@gdx/kernel';
import { planOfficialActions, type PlanOptions } from './plan-official-actions.js';

/**
 * Lets simulated officials follow an engine: whenever an instance enters a new state, the plan
 * for it is scheduled with `engine.plan()`. Returns the unsubscribe function. The options object
 * is read on every event, so changing `options.policy` switches policy for later steps.
 *
 * @example
 * const detach = attachOfficials(engine, { policy: 'auto', seed: 42, calendar });
 */
export function attachOfficials(engine: WorkflowEngine, options: PlanOptions): () => void {
  return engine.subscribe(({ instanceId, event }) => {
    if (event.from === event.to) return; // overdue flags and self-transitions keep the existing plan
    const instance = engine.get(instanceId);
    // Only the event that left the instance where it is now (always-chains emit several).
    if (event.seq !== instance.events.length) return;
    for (const plan of planOfficialActions(instance, options)) engine.plan(plan);
  });
}
