import { createInstance, formatInstant, transition, type ActorRef, type WorkflowInstance } from '@gdx/kernel';
import type { RegistrationState } from './registration-state.js';
import { transitionProblem } from './transition-problem.js';

type Input = { actor: ActorRef; payload?: Record<string, unknown> };

function ctx(state: RegistrationState) {
  return { now: state.sandbox.now(), calendar: state.sandbox.calendar, guards: state.procedures.guards };
}

/**
 * Throws the problem answer if `event` would be refused, without changing anything (so ids are
 * drawn only for requests that succeed, which keeps journal replay deterministic).
 *
 * @example
 * ```ts
 * assertCanDispatch(state, 'rga_1', 'resubmit', { actor: { role: 'registrant' } }, 'application');
 * ```
 */
export function assertCanDispatch(state: RegistrationState, id: string, event: string, input: Input, objectName: string): void {
  const instance = state.engine.get(id);
  const machine = state.engine.machine(instance.machine);
  const result = transition(machine, instance, { type: event, ...input }, ctx(state));
  if (!result.ok) throw transitionProblem(result.error, machine, objectName);
}

/**
 * Sends an event through the engine (events, timers, the bridge's side effects) or throws the problem.
 *
 * @example
 * ```ts
 * const instance = dispatchOrThrow(state, 'rga_1', 'accept', { actor: { role: 'registry' } }, 'application');
 * ```
 */
export function dispatchOrThrow(state: RegistrationState, id: string, event: string, input: Input, objectName: string): WorkflowInstance {
  const result = state.engine.dispatch(id, event, input);
  if (!result.ok) throw transitionProblem(result.error, state.engine.machine(state.engine.get(id).machine), objectName);
  return result.instance;
}

/**
 * Throws the problem answer if an instance of `machineId` could not be created now (e.g. the
 * first deadline reaches an unpublished year).
 *
 * @example
 * ```ts
 * assertCanCreate(state, 'registration.application.initial', { role: 'registrant' });
 * ```
 */
export function assertCanCreate(state: RegistrationState, machineId: string, actor: ActorRef): void {
  const machine = state.engine.machine(machineId);
  const result = createInstance(machine, { id: 'dry_run', actor }, ctx(state));
  if (!result.ok) throw transitionProblem(result.error, machine, 'application');
}

/**
 * The sandbox clock as an RFC 3339 instant (+08:00).
 *
 * @example
 * ```ts
 * nowInstant(state); // '2025-09-26T10:00:00+08:00'
 * ```
 */
export function nowInstant(state: RegistrationState): string {
  return formatInstant(state.sandbox.now());
}
