import { WorkflowEngine, type EngineSnapshot } from '@gdx/kernel';
import { buildProcedures, resolveProfile, type Procedures } from '@gdx/procedures';
import type { FiredTransition, SandboxContext } from '../../app/platform-module.js';
import { attachBridge } from './engine-bridge.js';
import type { ApplicationRecord, NoticeRecord, ObjectionRecord, RegistrationRecord } from './records.js';
import { SandboxTimerClock } from './timer-clock.js';

/** The registration platform's state in one sandbox: a kernel engine plus the records beside it. */
export interface RegistrationState {
  readonly sandbox: SandboxContext;
  readonly procedures: Procedures;
  readonly engine: WorkflowEngine;
  readonly clock: SandboxTimerClock;
  readonly applications: Map<string, ApplicationRecord>;
  readonly registrations: Map<string, RegistrationRecord>;
  readonly notices: Map<string, NoticeRecord>;
  readonly objections: Map<string, ObjectionRecord>;
  /** `n`: insertion order of listed objects; `code`: the registration code sequence. */
  readonly counters: { n: number; code: number };
  /** Set while the clock fires: every recorded event is reported to `clock/advance`. */
  firing: FiredTransition[] | null;
}

/** The JSON form of the state (`exportState`). */
export interface RegistrationSnapshot {
  engine: EngineSnapshot;
  applications: ApplicationRecord[];
  registrations: RegistrationRecord[];
  notices: NoticeRecord[];
  objections: ObjectionRecord[];
  counters: { n: number; code: number };
}

/**
 * A fresh state: the profile's registration machines (one per application type and the
 * record) on an engine driven by the sandbox clock and calendar, with the bridge that emits
 * events, runs side effects and plans the officials' decisions.
 *
 * @example
 * ```ts
 * const state = createRegistrationState(sandbox);
 * state.engine.list(); // []
 * ```
 */
export function createRegistrationState(sandbox: SandboxContext): RegistrationState {
  const procedures = buildProcedures(resolveProfile(sandbox.profile as string | object));
  const clock = new SandboxTimerClock(() => sandbox.now());
  const engine = new WorkflowEngine({
    machines: [...Object.values(procedures.registration.application), procedures.registration.record],
    guards: procedures.guards,
    calendar: sandbox.calendar,
    clock,
  });
  const state: RegistrationState = {
    sandbox,
    procedures,
    engine,
    clock,
    applications: new Map(),
    registrations: new Map(),
    notices: new Map(),
    objections: new Map(),
    counters: { n: 0, code: 0 },
    firing: null,
  };
  attachBridge(state);
  return state;
}

/**
 * The state as JSON (no shared mutable objects).
 *
 * @example
 * ```ts
 * const copy = importRegistrationState(JSON.parse(JSON.stringify(exportRegistrationState(state))), sandbox);
 * ```
 */
export function exportRegistrationState(state: RegistrationState): RegistrationSnapshot {
  return structuredClone({
    engine: state.engine.snapshot(),
    applications: [...state.applications.values()],
    registrations: [...state.registrations.values()],
    notices: [...state.notices.values()],
    objections: [...state.objections.values()],
    counters: state.counters,
  });
}

/**
 * Rebuilds a state from `exportRegistrationState`'s output (the engine's timer heap included).
 *
 * @example
 * ```ts
 * const state = importRegistrationState(snapshot, sandbox);
 * ```
 */
export function importRegistrationState(data: unknown, sandbox: SandboxContext): RegistrationState {
  const snap = structuredClone(data) as RegistrationSnapshot;
  const state = createRegistrationState(sandbox);
  state.engine.restore(snap.engine);
  for (const a of snap.applications) state.applications.set(a.id, a);
  for (const r of snap.registrations) state.registrations.set(r.id, r);
  for (const n of snap.notices) state.notices.set(n.id, n);
  for (const o of snap.objections) state.objections.set(o.id, o);
  Object.assign(state.counters, snap.counters);
  return state;
}

/** The next insertion number (list order). */
export function nextN(state: RegistrationState): number {
  state.counters.n += 1;
  return state.counters.n;
}
