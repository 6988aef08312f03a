import { WorkingCalendar } from '@gdx/calendar';
import { VirtualClock, WorkflowEngine, type TransitionResult, type WorkflowInstance } from '@gdx/kernel';
import { buildProcedures, resolveProfile, type Procedures } from '../src/index.js';

/** Epoch ms of a Shanghai wall-clock time, e.g. `at('2025-09-26T10:00')`. */
export function at(local: string): number {
  return Date.parse(`${local}:00+08:00`);
}

export interface Harness {
  engine: WorkflowEngine;
  procedures: Procedures;
  /** Moves the virtual clock to a Shanghai wall-clock time and answers what fired. */
  to(local: string): ReturnType<WorkflowEngine['advanceTo']>;
  get(id: string): WorkflowInstance;
}

/** A virtual-clock engine over every machine of a profile, with the official calendar. */
export function harness(profile: string | object, start: string): Harness {
  const procedures = buildProcedures(resolveProfile(profile));
  const engine = new WorkflowEngine({
    machines: procedures.machines,
    guards: procedures.guards,
    calendar: WorkingCalendar.official(),
    clock: new VirtualClock(at(start)),
  });
  return { engine, procedures, to: (local) => engine.advanceTo(at(local)), get: (id) => engine.get(id) };
}

/** Unwraps a transition result, failing the test with the refusal when it was refused. */
export function ok(result: TransitionResult): WorkflowInstance {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.instance;
}

export const actors = {
  registrant: { role: 'registrant', organizationId: 'org_registrant' },
  registry: { role: 'registry', organizationId: 'org_registry' },
  party: { role: 'interested_party', organizationId: 'org_party' },
} as const;
