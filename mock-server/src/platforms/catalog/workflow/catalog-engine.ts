import { createInstance, RealTimeClock, WorkflowEngine, type ActorRef, type EngineSnapshot, type WorkflowEvent, type WorkflowInstance } from '@gdx/kernel';
import { catalogMachines, planOfficialActions, resolveProfile } from '@gdx/procedures';
import type { FiredTransition, SandboxContext } from '../../../app/platform-module.js';
import { transitionProblem } from './transition-problem.js';

/** The obligation machine of each wire kind (`@gdx/procedures`' `catalogMachines`). */
export const OBLIGATION_MACHINES = {
  new_resource: 'catalog.obligation.new_resource',
  information_change: 'catalog.obligation.info_change',
  function_change: 'catalog.obligation.function_change',
} as const;
export const ENTRY_MACHINE = 'catalog.entry';

/** What the engine tells the platform after each recorded event. */
export type EventListener = (instance: WorkflowInstance, event: WorkflowEvent) => void;

/**
 * The catalog's machines on the sandbox: a kernel engine whose clock reads the sandbox clock
 * (timers fire when the sandbox advances), deadlines on the sandbox's own calendar and profile,
 * and simulated officials planning under the sandbox's reviewer policy after every state change.
 * Refused transitions throw their problem and change nothing.
 *
 * @example
 * ```ts
 * const engine = new CatalogEngine(sandbox, (instance, event) => publish(instance, event));
 * engine.create(ENTRY_MACHINE, { id, actor: { role: 'data_provider', organizationId } });
 * ```
 */
export class CatalogEngine {
  readonly #sandbox: SandboxContext;
  readonly #engine: WorkflowEngine;
  #fired: FiredTransition[] | undefined;

  constructor(sandbox: SandboxContext, listener: EventListener) {
    this.#sandbox = sandbox;
    const machines = catalogMachines(resolveProfile(sandbox.profile as string | object));
    this.#engine = new WorkflowEngine({
      machines: [machines.entry, ...Object.values(machines.obligation)],
      calendar: sandbox.calendar,
      clock: new RealTimeClock(() => sandbox.now()),
    });
    this.#engine.subscribe(({ instanceId, event }) => {
      const instance = this.#engine.get(instanceId);
      listener(instance, event);
      this.#fired?.push({ at: event.at, platform: 'catalog', objectType: objectTypeOf(instance), objectId: instanceId, type: event.type, from: event.from, to: event.to });
      if (event.from !== event.to && event.seq === instance.events.length) this.#planOfficials(instance);
    });
  }

  get(id: string): WorkflowInstance | undefined {
    return this.#engine.has(id) ? this.#engine.get(id) : undefined;
  }

  /** Throws the problem creating would answer (e.g. `CALENDAR_NOT_PUBLISHED`) without changing anything. */
  check(machineId: string, startedOn?: string): void {
    const init = { id: 'probe', actor: { role: 'data_provider' }, ...(startedOn ? { startedOn } : {}) };
    const result = createInstance(this.#engine.machine(machineId), init, { now: this.#sandbox.now(), calendar: this.#sandbox.calendar });
    if (!result.ok) throw transitionProblem(result.error);
  }

  create(machineId: string, init: { id: string; actor: ActorRef; startedOn?: string }): WorkflowInstance {
    const result = this.#engine.create(machineId, init);
    if (!result.ok) throw transitionProblem(result.error);
    // A duty that started on a past day may already be overdue: flag it now, at its due instant.
    this.#engine.advanceTo(this.#sandbox.now());
    return this.#engine.get(init.id);
  }

  dispatch(id: string, event: string, actor: ActorRef, payload?: Record<string, unknown>): WorkflowInstance {
    const result = this.#engine.dispatch(id, event, { actor, ...(payload ? { payload } : {}) });
    if (!result.ok) throw transitionProblem(result.error);
    return result.instance;
  }

  /** The events `id`'s state allows (for any role, or one role). */
  allowed(id: string, role?: string): string[] {
    const instance = this.#engine.get(id);
    const machine = this.#engine.machine(instance.machine);
    if (machine.states[instance.state]?.terminal) return [];
    const from = (t: (typeof machine.transitions)[number]) => (Array.isArray(t.from) ? t.from : [t.from]).includes(instance.state);
    return [...new Set(machine.transitions.filter((t) => from(t) && (role === undefined || t.by.includes(role))).map((t) => t.event))];
  }

  nextDueAt(): number | undefined {
    return this.#engine.clock.nextDueAt();
  }

  /** Fires every timer due at the sandbox's now; answers the transitions recorded meanwhile. */
  fireDue(): FiredTransition[] {
    const fired: FiredTransition[] = [];
    this.#fired = fired;
    try {
      this.#engine.advanceTo(this.#sandbox.now());
    } finally {
      this.#fired = undefined;
    }
    return fired;
  }

  snapshot(): EngineSnapshot {
    return this.#engine.snapshot();
  }

  restore(snapshot: EngineSnapshot): void {
    this.#engine.restore(snapshot);
  }

  /** The sandbox's data authority acts for the catalog's official steps. */
  authorityId(): string | undefined {
    return this.#sandbox.organisations().find((o) => o.roles.includes('data_authority'))?.id;
  }

  #planOfficials(instance: WorkflowInstance): void {
    const sandbox = this.#sandbox;
    const plans = planOfficialActions(instance, { policy: sandbox.reviewerPolicy, seed: sandbox.seed, calendar: sandbox.calendar });
    const authority = this.authorityId();
    for (const plan of plans) this.#engine.plan({ ...plan, actor: { ...plan.actor, ...(authority ? { organizationId: authority } : {}) } });
  }
}

/** The simulation API's `ObjectType` of an instance. */
export function objectTypeOf(instance: WorkflowInstance): 'entry' | 'obligation' {
  return instance.machine === ENTRY_MACHINE ? 'entry' : 'obligation';
}
