import type { Limit, MachineDefinition, TransitionDefinition } from './types.js';
import { periodsOf } from './limit-periods.js';

/**
 * A transition as the interpreter reads it: every field of `TransitionDefinition` present, in one
 * order, absent ones `undefined`. Machines come from several procedures whose transition literals
 * have different optional fields, so reading `t.to` or `t.guard` from the definitions themselves
 * met a new object shape whenever a phase of the year first took another procedure's or
 * another kind of transition, and V8 threw away the optimized code of `enter` and `choose`.
 */
export class CompiledTransition {
  /**
   * Always `true`: the transition is its own "chosen" answer (`choose` answers it or a refusal,
   * which has `ok: false`), so choosing one allocates no `{ ok, t }` wrapper per transition.
   */
  readonly ok = true as const;
  readonly event: string;
  readonly to: string;
  readonly by: readonly string[];
  readonly requires: readonly string[] | undefined;
  readonly guard: string | undefined;
  readonly guardError: string | undefined;
  readonly eventType: string | undefined;
  readonly set: Readonly<Record<string, unknown>> | undefined;
  readonly assign: readonly string[] | undefined;
  readonly deadline: TransitionDefinition['deadline'];
  readonly actions: readonly string[] | undefined;

  constructor(t: Pick<TransitionDefinition, 'event' | 'to' | 'by'> & Partial<TransitionDefinition>) {
    this.event = t.event;
    this.to = t.to;
    this.by = t.by;
    this.requires = t.requires;
    this.guard = t.guard;
    this.guardError = t.guardError;
    this.eventType = t.eventType;
    this.set = t.set;
    this.assign = t.assign;
    this.deadline = t.deadline;
    this.actions = t.actions;
  }
}

/** What one state of a machine accepts: its events in definition order, and their transitions. */
export interface StateIndex {
  readonly allowed: readonly string[];
  readonly byEvent: ReadonlyMap<string, readonly CompiledTransition[]>;
}

/**
 * A state as the interpreter reads it (one object shape for every state of every machine): the
 * definition's `terminal`, `step` and `always`, the step's limit with the step as its id (the
 * definition's own object when its id already is the step; `null` when the state has no step or
 * the machine no such limit), the event its timer sends on expiry (`null`: it flags the deadline
 * overdue) and the state's index. Limits of different procedures have different optional fields,
 * and `onExpiry` is a string or an object: read per transition, each met V8's optimized code in a
 * shape it had not seen.
 */
export class CompiledState {
  readonly expiryEvent: string | null;

  constructor(
    readonly terminal: boolean,
    readonly step: string | undefined,
    readonly always: string | undefined,
    readonly limit: Limit | null,
    readonly index: StateIndex,
  ) {
    const expiry = limit?.onExpiry;
    this.expiryEvent = expiry === undefined || expiry === 'flag_overdue' ? null : expiry.event;
  }
}

/**
 * A machine as the interpreter reads it, built once per definition object: its states by name
 * and, for `createInstance`, the entry into its initial state. Every state is compiled at once,
 * so that no transition of the year builds an index (a branch the optimized transition path
 * would otherwise first reach in a later phase, and deoptimize on).
 */
export class CompiledMachine {
  readonly id: string;
  readonly initial: string;
  readonly states = new Map<string, CompiledState>();
  /** The transition `createInstance` enters the initial state by (no event, no fields). */
  readonly creation: CompiledTransition;
  /** The machine's guarded entries into its initial state (`MachineDefinition.creations`), tried before `creation`. */
  readonly guardedCreations: readonly CompiledTransition[];

  constructor(readonly definition: MachineDefinition) {
    this.id = definition.id;
    this.initial = definition.initial;
    this.creation = new CompiledTransition({ event: 'create', to: definition.initial, by: [] });
    this.guardedCreations = (definition.creations ?? []).map((c) => new CompiledTransition({ event: 'create', to: definition.initial, by: [], guard: c.guard, deadline: c.deadline }));
    for (const name of Object.keys(definition.states)) this.states.set(name, compileState(definition, name));
  }
}

const NOTHING: StateIndex = { allowed: [], byEvent: new Map() };

/*
 * Every transition looked up the events its state accepts by scanning and copying the machine's
 * transition list; a clock advance fires tens of thousands of them. The index is built once per
 * machine object (definitions are not changed once in use), weakly held so a machine built for
 * one call does not stay in memory.
 */
const compiledMachines = new WeakMap<MachineDefinition, CompiledMachine>();

function buildIndex(machine: MachineDefinition, state: string, terminal: boolean): StateIndex {
  if (terminal) return NOTHING;
  const byEvent = new Map<string, CompiledTransition[]>();
  for (const t of machine.transitions) {
    if (typeof t.from === 'string' ? t.from !== state : !t.from.includes(state)) continue;
    const compiled = new CompiledTransition(t);
    const list = byEvent.get(t.event);
    if (list) list.push(compiled);
    else byEvent.set(t.event, [compiled]);
  }
  return { allowed: [...byEvent.keys()], byEvent };
}

function compileState(machine: MachineDefinition, name: string): CompiledState {
  const def = machine.states[name];
  const terminal = def?.terminal === true;
  const step = def?.step;
  const limit = step === undefined ? undefined : machine.limits?.[step];
  // The limit is copied only when its own id differs from the step's; once here, not per transition.
  const stepLimit = limit === undefined || step === undefined ? null : limit.id === step ? limit : { ...limit, id: step };
  // The limit's periods are made now, with the machine, not by the transition that first enters
  // the step: that call of `periodsLike` was first reached by optimized deadline code in a later
  // phase of a clock advance (the first notice, the first registration) and deoptimized it there.
  if (stepLimit !== null) periodsOf(stepLimit);
  return new CompiledState(terminal, step, def?.always, stepLimit, buildIndex(machine, name, terminal));
}

/**
 * The compiled form of `machine` (built on first use, then shared).
 *
 * @example
 * compiledMachine(machine).states.get('submitted')?.step; // 'registration.acceptance'
 */
export function compiledMachine(machine: MachineDefinition): CompiledMachine {
  let compiled = compiledMachines.get(machine);
  if (compiled === undefined) compiledMachines.set(machine, (compiled = new CompiledMachine(machine)));
  return compiled;
}

/** The index of a state the machine does not define (from its transitions, as before; not kept). */
function undefinedState(machine: MachineDefinition, state: string): StateIndex {
  return buildIndex(machine, state, false);
}

/**
 * The events `state` accepts (terminal states: none) and, per event, the transitions that may
 * take it, in definition order.
 *
 * @example
 * stateIndex(machine, 'submitted').byEvent.get('accept')?.[0]?.to; // 'under_review'
 */
export function stateIndex(machine: MachineDefinition, state: string): StateIndex {
  return compiledMachine(machine).states.get(state)?.index ?? undefinedState(machine, state);
}
