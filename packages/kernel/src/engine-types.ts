import type { ActorRef, TransitionError, WorkflowEvent, WorkflowInstance } from './types.js';

/**
 * What subscribers receive for every recorded event.
 *
 * @example
 * engine.subscribe(({ instanceId, event, instance }) => console.log(instanceId, event.type, instance.state));
 */
export interface EngineEvent {
  instanceId: string;
  machine: string;
  event: WorkflowEvent;
  /**
   * The instance as the engine holds it when the subscriber is called: what
   * `engine.get(instanceId)` answers then (an action or an earlier subscriber may have moved it
   * on since the event was recorded). Carried so that a subscriber need not look it up.
   */
  instance: WorkflowInstance;
  /**
   * What the engine's `EngineOptions.attach` answered for the instance (kept with it since the
   * first answer that was not `undefined`), or `undefined` (no `attach`, or nothing attached yet).
   * Optional in the type so that code building `EngineEvent` objects itself need not add it; the
   * engine always sets it.
   */
  attached?: unknown;
}

/**
 * What `WorkflowEngine.createOnly` answers: the stored instance, or the machine's refusal. Unlike
 * `TransitionResult` it lists no effects (they were run, not described).
 *
 * @example
 * const made: CreateOutcome = engine.createOnly('demo', { id: 'd1', actor: { role: 'applicant' } });
 * if (made.ok) console.log(made.instance.state);
 */
export type CreateOutcome = { ok: true; instance: WorkflowInstance } | { ok: false; error: TransitionError };

/**
 * An event the host wants sent at a future instant (e.g. a simulated official's decision).
 *
 * @example
 * const plan: PlannedDispatch = { at: Date.parse('2025-09-29T02:00:00Z'), instanceId: 'rga_1', event: 'accept', actor: { role: 'registry' } };
 */
export interface PlannedDispatch {
  at: number;
  instanceId: string;
  event: string;
  actor: ActorRef;
  payload?: Record<string, unknown>;
}

/**
 * One thing that happened during `advanceTo`.
 *
 * @example
 * const f: FiredTransition = { at: '2025-10-01T00:00:00+08:00', instanceId: 'rga_1', machine: 'registration.application',
 *   event: 'deadline_overdue', from: 'submitted', to: 'submitted', ok: true };
 */
export interface FiredTransition {
  at: string;
  instanceId: string;
  machine: string;
  event: string;
  from: string;
  to: string;
  ok: boolean;
  error?: TransitionError;
}

/**
 * The JSON form of an engine: instances (with their pending timers), planned dispatches and the clock.
 *
 * @example
 * const saved = JSON.stringify(engine.snapshot());
 * fresh.restore(JSON.parse(saved)); // fresh: a WorkflowEngine with the same machines
 */
export interface EngineSnapshot {
  version: 1;
  now: number;
  nextSeq: number;
  instances: WorkflowInstance[];
  /** The planned dispatches; a plan without a payload has `payload: undefined` (left out of JSON). */
  planned: (PlannedDispatch & { id: string; seq: number })[];
}
