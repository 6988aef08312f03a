import type { EventInput, GuardRegistry, TransitionContext, WorkflowInstance } from './types.js';

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
