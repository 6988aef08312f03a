export type {
  ActorRef,
  Calendar,
  Deadline,
  Effect,
  EventInput,
  Guard,
  GuardedCreation,
  GuardRegistry,
  IsoDate,
  Limit,
  LimitUnit,
  MachineDefinition,
  PendingTimer,
  Reason,
  StateDefinition,
  TransitionContext,
  TransitionDefinition,
  TransitionError,
  TransitionResult,
  WorkflowEvent,
  WorkflowInstance,
} from './types.js';
export { transition, createInstance, creationRefusal, fireTimer, allowedEvents, acceptedEvents, type CreateInput } from './transition.js';
export { computeDeadline, periodEnd, type ComputedDeadline, type DeadlineStart } from './deadline.js';
export { evaluateGuard, payloadGuard } from './guards.js';
export { TimerHeap, type TimerEntry } from './timer-heap.js';
export { VirtualClock, RealTimeClock, plainTimer, type Clock, type ClockState } from './clock.js';
export { WorkflowEngine, type ActionRegistry, type EngineOptions } from './engine.js';
export type { CreateOutcome, EngineEvent, EngineSnapshot, FiredTransition, PlannedDispatch } from './engine-types.js';
export { KernelError } from './kernel-error.js';
export { validateMachine } from './validate-machine.js';
export { shanghaiDay, endOfDay, formatInstant, instantOf } from './shanghai-time.js';
