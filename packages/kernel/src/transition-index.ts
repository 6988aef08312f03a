import type { MachineDefinition, TransitionDefinition } from './types.js';

/** What one state of a machine accepts: its events in definition order, and their transitions. */
export interface StateIndex {
  readonly allowed: readonly string[];
  readonly byEvent: ReadonlyMap<string, readonly TransitionDefinition[]>;
}

const NOTHING: StateIndex = { allowed: [], byEvent: new Map() };

/*
 * Every transition looked up the events its state accepts by scanning and copying the machine's
 * transition list; a clock advance fires tens of thousands of them. The index is built once per
 * machine object and state (definitions are not changed once in use), weakly held so a machine
 * built for one call does not stay in memory.
 */
const indexes = new WeakMap<MachineDefinition, Map<string, StateIndex>>();

function build(machine: MachineDefinition, state: string): StateIndex {
  if (machine.states[state]?.terminal) return NOTHING;
  const byEvent = new Map<string, TransitionDefinition[]>();
  for (const t of machine.transitions) {
    if (typeof t.from === 'string' ? t.from !== state : !t.from.includes(state)) continue;
    const list = byEvent.get(t.event);
    if (list) list.push(t);
    else byEvent.set(t.event, [t]);
  }
  return { allowed: [...byEvent.keys()], byEvent };
}

/**
 * The events `state` accepts (terminal states: none) and, per event, the transitions that may
 * take it, in definition order.
 *
 * @example
 * stateIndex(machine, 'submitted').byEvent.get('accept')?.[0]?.to; // 'under_review'
 */
export function stateIndex(machine: MachineDefinition, state: string): StateIndex {
  let perState = indexes.get(machine);
  if (!perState) indexes.set(machine, (perState = new Map()));
  let index = perState.get(state);
  if (!index) perState.set(state, (index = build(machine, state)));
  return index;
}
