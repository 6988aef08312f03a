import type { WorkflowEngine } from '@gdx/kernel';
import { officialsActAfter } from './official-steps.js';
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
  return engine.subscribe(({ instance, event }) => {
    // Overdue flags and other self-transitions keep the existing plan; always-chains plan once.
    if (!officialsActAfter(instance, event)) return;
    for (const plan of planOfficialActions(instance, options)) engine.plan(plan);
  });
}
