import { createInstance, WorkflowEngine, type ActorRef, type EngineSnapshot, type MachineDefinition, type WorkflowEvent, type WorkflowInstance } from '@gdx/kernel';
import { buildProcedures, resolveProfile, type Procedures } from '@gdx/procedures';
import type { FiredTransition, PlatformName, SandboxContext } from '../../app/platform-module.js';
import { planOfficials } from './plan-officials.js';
import { SandboxTimerClock } from './timer-clock.js';
import { transitionProblem, wireEvent, type StepNames } from './wire.js';

/** What a platform tells its host about its objects. */
export interface HostBinding {
  platform: PlatformName;
  /** Contract step names of kernel steps (deadline `step`), by machine id. */
  steps?: Readonly<Record<string, StepNames>>;
  /** The simulation API's `ObjectType` of an instance (e.g. `request`). */
  objectType(instance: WorkflowInstance): string;
  /** The owner (whose webhooks receive the event), or `null`. */
  owner(instance: WorkflowInstance): string | null;
  /** Further organisations to notify (e.g. the provider). */
  alsoNotify?(instance: WorkflowInstance): readonly string[];
  /** The object as its owner reads it (sent with the event). */
  view(instance: WorkflowInstance): unknown;
  /** The acting organisation of an official role for this instance (`null`: none in the sandbox). */
  official(instance: WorkflowInstance, role: string): string | null;
  /** Platform reactions to an accepted event, before it is published (e.g. issue a grant). */
  onEvent?(instance: WorkflowInstance, event: WorkflowEvent): void;
}

/** Everything `dispatch` and `create` take besides the event. */
export interface DispatchInput {
  actor: ActorRef;
  payload?: Record<string, unknown>;
}

/**
 * Runs a platform's `@gdx/procedures` machines on the sandbox: a kernel engine on the sandbox
 * clock and calendar, the sandbox's profile, simulated officials under the sandbox's reviewer
 * policy, and every recorded event published with `sandbox.emit` (feed + webhooks). Refused
 * transitions throw the matching `PlatformProblem` and change nothing.
 *
 * @example
 * ```ts
 * const host = new WorkflowHost(sandbox, binding);
 * const request = host.create('sharing.request', { id, actor: { role: 'data_user', organizationId }, data: { sharingType } });
 * host.dispatch(request.id, 'dispute', { actor, payload: { reasons: [{ text }] } });
 * ```
 */
export class WorkflowHost {
  readonly engine: WorkflowEngine;
  readonly procedures: Procedures;
  readonly #sandbox: SandboxContext;
  readonly #binding: HostBinding;
  readonly #clock: SandboxTimerClock;
  #firing: FiredTransition[] | undefined;

  constructor(sandbox: SandboxContext, binding: HostBinding, snapshot?: EngineSnapshot) {
    this.#sandbox = sandbox;
    this.#binding = binding;
    this.procedures = buildProcedures(resolveProfile(sandbox.profile as string | object));
    this.#clock = new SandboxTimerClock(() => sandbox.now());
    this.engine = new WorkflowEngine({ machines: this.procedures.machines, guards: this.procedures.guards, calendar: sandbox.calendar, clock: this.#clock });
    if (snapshot) this.engine.restore(snapshot);
    this.engine.subscribe(({ instanceId, event }) => this.#onEvent(instanceId, event));
  }

  /** The contract's step names for an instance's machine (for wire views). */
  stepsOf(instance: WorkflowInstance): StepNames {
    return this.#binding.steps?.[instance.machine] ?? {};
  }

  machine(id: string): MachineDefinition {
    return this.engine.machine(id);
  }

  get(id: string): WorkflowInstance | undefined {
    return this.engine.has(id) ? this.engine.get(id) : undefined;
  }

  /**
   * Throws the problem creating an instance would answer (e.g. `CALENDAR_NOT_PUBLISHED`), without
   * drawing ids or changing anything: call it before allocating ids so a refused request leaves
   * the sandbox's seeded sequences untouched (journal replay depends on it).
   */
  check(machineId: string, input: DispatchInput & { data?: Record<string, unknown> }): void {
    const dry = createInstance(this.machine(machineId), { id: 'dry_run', ...input }, { now: this.#sandbox.now(), calendar: this.#sandbox.calendar, guards: this.procedures.guards });
    if (!dry.ok) throw transitionProblem(dry.error);
  }

  /** Creates an instance; throws the problem when the machine refuses. */
  create(machineId: string, init: DispatchInput & { id: string; data?: Record<string, unknown> }): WorkflowInstance {
    const result = this.engine.create(machineId, init);
    if (!result.ok) throw transitionProblem(result.error);
    return result.instance;
  }

  /** Sends an event now; throws the problem when the machine refuses. */
  dispatch(id: string, event: string, input: DispatchInput): WorkflowInstance {
    const result = this.engine.dispatch(id, event, input);
    if (!result.ok) throw transitionProblem(result.error);
    return result.instance;
  }

  /** Queues an event at an instant (e.g. a grant's expiry); refused silently if the state moved on. */
  plan(at: number, id: string, event: string, actor: ActorRef): void {
    this.engine.plan({ at, instanceId: id, event, actor });
  }

  /** `{ organizationId }` of the sandbox's official for a role on this instance, or `{}` when there is none. */
  officialActor(instance: WorkflowInstance, role: string): { organizationId?: string } {
    const organizationId = this.#binding.official(instance, role);
    return organizationId ? { organizationId } : {};
  }

  nextDueAt(): number | undefined {
    return this.#clock.nextDueAt();
  }

  /** Fires what is due at the sandbox's now; answers every event recorded meanwhile. */
  fireDue(): FiredTransition[] {
    const fired: FiredTransition[] = [];
    this.#firing = fired;
    try {
      this.engine.advanceTo(this.#sandbox.now());
    } finally {
      this.#firing = undefined;
    }
    return fired;
  }

  snapshot(): EngineSnapshot {
    return this.engine.snapshot();
  }

  /** The wire form of the instance's events. */
  events(instance: WorkflowInstance) {
    return instance.events.map((e) => wireEvent(e, this.stepsOf(instance)));
  }

  #onEvent(instanceId: string, event: WorkflowEvent): void {
    const instance = this.engine.get(instanceId);
    const binding = this.#binding;
    binding.onEvent?.(instance, event);
    const objectType = binding.objectType(instance);
    const wire = wireEvent(event, this.stepsOf(instance));
    this.#sandbox.emit({
      platform: binding.platform,
      objectType,
      objectId: instanceId,
      organizationId: binding.owner(instance),
      ...(binding.alsoNotify ? { alsoNotify: binding.alsoNotify(instance) } : {}),
      event: wire,
      object: binding.view(this.engine.get(instanceId)),
    });
    this.#firing?.push({ at: event.at, platform: binding.platform, objectType, objectId: instanceId, type: event.type, from: event.from, to: event.to });
    // Officials act on the state an event chain ends in, once (as @gdx/procedures' attachOfficials).
    if (event.from !== event.to && event.seq === instance.events.length) this.#planOfficials(instance);
  }

  #planOfficials(instance: WorkflowInstance): void {
    for (const plan of planOfficials(instance, this.#sandbox.reviewerPolicy, { seed: this.#sandbox.seed, calendar: this.#sandbox.calendar })) {
      this.engine.plan({ ...plan, actor: { ...plan.actor, ...this.officialActor(instance, plan.actor.role) } });
    }
  }
}
