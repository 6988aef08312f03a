import type { MachineDefinition } from './types.js';

/**
 * Checks a machine's internal references: the initial state, every transition's states, every
 * step's limit, and that terminal states have no outgoing transitions. Returns the problems
 * found (empty when the machine is sound); procedures run it in their tests.
 *
 * @example
 * validateMachine(machine); // []
 */
export function validateMachine(machine: MachineDefinition): string[] {
  const problems: string[] = [];
  const states = machine.states;
  if (!states[machine.initial]) problems.push(`initial state "${machine.initial}" is not defined`);
  for (const t of machine.transitions) {
    const froms = typeof t.from === 'string' ? [t.from] : t.from;
    for (const from of froms) {
      if (!states[from]) problems.push(`transition "${t.event}" starts from unknown state "${from}"`);
      else if (states[from].terminal) problems.push(`terminal state "${from}" has an outgoing transition "${t.event}"`);
    }
    if (!states[t.to]) problems.push(`transition "${t.event}" goes to unknown state "${t.to}"`);
    if (t.by.length === 0) problems.push(`transition "${t.event}" names no actor`);
  }
  for (const [name, state] of Object.entries(states)) {
    if (state.step === undefined) continue;
    const limit = machine.limits?.[state.step];
    if (!limit) problems.push(`state "${name}" uses unknown limit "${state.step}"`);
    else if (limit.onExpiry !== 'flag_overdue' && !accepts(machine, name, limit.onExpiry.event)) {
      problems.push(`state "${name}" expires with "${limit.onExpiry.event}", which the clock may not send there`);
    }
  }
  return problems;
}

function accepts(machine: MachineDefinition, state: string, event: string): boolean {
  return machine.transitions.some(
    (t) => t.event === event && t.by.includes('clock') && (typeof t.from === 'string' ? t.from === state : t.from.includes(state)),
  );
}
