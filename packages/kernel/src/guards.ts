import type { EventInput, Guard, GuardRegistry, TransitionContext, WorkflowInstance } from './types.js';

/*
 * Built-in guards keep simple conditions in the machine data itself:
 *   `overdue`       the current deadline is overdue
 *   `data.x`        instance.data.x is truthy;      `!data.x` falsy
 *   `data.x=v`      String(instance.data.x) === v;  `!data.x=v` differs
 * Anything else is looked up in the registry passed to the interpreter.
 */
function builtin(name: string, instance: WorkflowInstance): boolean | undefined {
  const negated = name.startsWith('!');
  const body = negated ? name.slice(1) : name;
  let result: boolean | undefined;
  if (body === 'overdue') {
    result = instance.deadline?.overdue === true;
  } else if (body.startsWith('data.')) {
    const [key = '', expected] = body.slice(5).split('=', 2);
    const value = instance.data[key];
    result = expected === undefined ? Boolean(value) : String(value) === expected;
  }
  return result === undefined ? undefined : result !== negated;
}

/**
 * Evaluates a named guard: a built-in (`overdue`, `data.x`, `!data.x`, `data.x=v`) or a
 * function from the registry. An unknown name refuses (fails closed).
 *
 * @example
 * evaluateGuard('data.noticeClosed', instance, input, ctx); // true once the notice has closed
 */
export function evaluateGuard(
  name: string,
  instance: WorkflowInstance,
  input: EventInput,
  ctx: TransitionContext,
  registry: GuardRegistry = {},
): boolean {
  const named = registry[name];
  if (named) return named(instance, input, ctx);
  return builtin(name, instance) ?? false;
}

/**
 * Marks a guard as one that reads the event's payload (`Guard.readsPayload`) and answers it: the
 * function itself, so `transition` calls it as before. `acceptedEvents` then lists its event as
 * one the actor may send (with a payload that passes it) instead of leaving it out because its
 * dry run, which has no payload, fails the guard. Mark a guard that reads the payload only: one
 * that also reads the instance or the time is counted as passing for those too.
 *
 * @example
 * const guards: GuardRegistry = {
 *   termAcceptable: payloadGuard((_instance, input) => withinCap(input.payload?.['term'])),
 * };
 */
export function payloadGuard(test: (instance: WorkflowInstance, input: EventInput, ctx: TransitionContext) => boolean): Guard {
  return Object.assign(test, { readsPayload: true as const });
}

const MAY_PASS: Guard = () => true;

/**
 * The registry `acceptedEvents` dry-runs events with: the payload guards pass (a payload may pass
 * them; the sender brings it), the others are `registry`'s own. The registry itself when it has
 * no payload guard. Built per call: it is asked for on refusals and views only, never by
 * `transition`, so accepted transitions pay nothing for it.
 */
export function dryRunGuards(registry: GuardRegistry | undefined): GuardRegistry | undefined {
  let dry: GuardRegistry | undefined;
  for (const name in registry) {
    if (registry[name]?.readsPayload !== true) continue;
    dry ??= { ...registry };
    dry[name] = MAY_PASS;
  }
  return dry ?? registry;
}
