import { acceptedEvents, creationRefusal, periodEnd, shanghaiDay, transition, WorkflowEngine, type ActorRef, type Deadline, type EngineSnapshot, type GuardRegistry, type IsoDate, type MachineDefinition, type TransitionError, type WorkflowEvent, type WorkflowInstance } from '@gdx/kernel';
import { asOnceAccepted, buildProcedures, officialsActAfter, resolveProfile, type Procedures } from '@gdx/procedures';
import type { EventWire, PlatformName, SandboxContext, SandboxEventInput } from '../../app/platform-module.js';
import type { FiredLog } from '../../sandbox/fired-log.js';
import { copyJson } from '../../app/copy-json.js';
import { indexPage } from '../../app/list-index.js';
import type { KeyShape, ListRequest, Page } from '../../app/paging.js';
import { blockedAction, blockedInState } from './blocked-in-state.js';
import { HostListIndex, type Listing } from './host-index.js';
import { OfficialsPlanning, planOfficials } from './plan-officials.js';
import { replayLenientGuards } from './replay-lenient-guards.js';
import { SandboxTimerClock } from './timer-clock.js';
import { transitionProblem } from './transition-problem.js';
import type { PlatformProblem } from '../../app/platform-problem.js';
import { eventWire, instanceDeadline, wireEvent, type WireEvent, type WireMapping } from './wire.js';

const builtinProcedures = new Map<string, Procedures>();
const inlineProcedures = new WeakMap<object, Procedures>();

/**
 * The procedures of a profile, built once per built-in profile name or inline profile object: a
 * sandbox has a host per platform, and validating the profile and building every machine again
 * for each was ~5 % of creating a sandbox. Machines and guards are read-only to the engines that
 * share them.
 */
function proceduresOf(profile: string | object): Procedures {
  const cached = typeof profile === 'string' ? builtinProcedures.get(profile) : inlineProcedures.get(profile);
  if (cached) return cached;
  // A profile stored before repeated values or overlong rules citations were refused (journal,
  // snapshot) still builds; a newer one has none.
  const built = buildProcedures(resolveProfile(typeof profile === 'string' ? profile : (asOnceAccepted(profile) as object)));
  if (typeof profile === 'string') builtinProcedures.set(profile, built);
  else inlineProcedures.set(profile, built);
  return built;
}

/**
 * What a platform tells its host about its objects. Each method answers from its arguments and
 * the platform's state alone: the host may ask them in any order, or one without another.
 */
export interface HostBinding {
  platform: PlatformName;
  /** Where the contract shows a machine's events or deadlines differently, by machine id. */
  wire?: Readonly<Record<string, WireMapping>>;
  /** The simulation API's `ObjectType` of an instance (e.g. `request`). */
  objectType(instance: WorkflowInstance): string;
  /**
   * The platform's own record of an instance, if it keeps one: asked at the instance's first
   * event (and at the first after a restore) and kept with the instance by the engine
   * (`EngineOptions.attach`), then given back as `record` to `owner`, `alsoNotify`, `onEvent` and
   * `afterEvent` with each of its events, so that they need not look it up by id per event.
   * `undefined` (no record yet) is not kept: it is asked again at the next event.
   */
  record?(instance: WorkflowInstance): unknown;
  /** The owner (whose webhooks receive the event), or `null`. `record`: what `record` answered for the instance, if anything. */
  owner(instance: WorkflowInstance, record?: unknown): string | null;
  /** Further organisations to notify (e.g. the provider). */
  alsoNotify?(instance: WorkflowInstance, record?: unknown): readonly string[];
  /** The object as its owner reads it (sent with the event). */
  view(instance: WorkflowInstance): unknown;
  /** The acting organisation of an official role for this instance (`null`: none in the sandbox). */
  official(instance: WorkflowInstance, role: string): string | null;
  /** Platform reactions to an accepted event, before it is published (e.g. issue a grant). */
  onEvent?(instance: WorkflowInstance, event: WorkflowEvent, record?: unknown): void;
  /** Reactions that must follow the event's publication (e.g. objections it decided, duties it fulfilled). */
  afterEvent?(instance: WorkflowInstance, event: WorkflowEvent, record?: unknown): void;
  /** The lists the instance appears in, read from the settled state after its events (see `WorkflowHost.listPage`). */
  listings?(instance: WorkflowInstance): readonly Listing[];
  /**
   * The key shape of each list `listings` places objects in: what its cursors must hold, checked
   * also when the list is empty (a list `listPage` reads must have one).
   */
  listKeys?: Readonly<Record<string, KeyShape>>;
  /**
   * The problem a refused event answers where the platform words it better than
   * `transitionProblem` (e.g. pointing at the object's field a guard read); `undefined` keeps it.
   */
  refusal?(instance: WorkflowInstance, error: TransitionError): PlatformProblem | undefined;
  /**
   * Whether the platform refuses `event` on the instance now for a rule its machine cannot see
   * (data of the platform's own, e.g. the catalog reclassifies only a resource published as
   * `not_open`): such an event is left out of `allowed` and of every refusal's `allowedEvents`,
   * so what is offered is what is accepted. The platform still refuses the event itself.
   */
  withholds?(instance: WorkflowInstance, event: string): boolean;
}

/** How `dispatch` sends an event. */
export interface DispatchOptions {
  /**
   * The event replays a journaled action that was acknowledged then: checks added since
   * (`CHECKS_SINCE_JOURNALS`) let it through, so it does what its answer said.
   */
  replayed?: boolean;
  /**
   * What a refusal names as `allowedEvents`, in place of what the kernel lists for the refused
   * actor's role (e.g. the simulation API's offered actions, over every role it acts as); asked
   * only when the event is refused.
   */
  allowed?: () => readonly string[];
}

/** Everything `dispatch` and `create` take besides the event. */
export interface DispatchInput {
  actor: ActorRef;
  payload?: Record<string, unknown>;
}

/** What `create` and `check` take: the id, initial data, and the day the first deadline starts (default today). */
export interface CreateInput extends DispatchInput {
  data?: Record<string, unknown>;
  startedOn?: string;
}

/**
 * Runs a platform's `@gdx/procedures` machines on the sandbox — one host per sandbox and
 * platform: a kernel engine on the sandbox clock and calendar, the sandbox's profile, simulated
 * officials under the sandbox's reviewer policy, and every recorded event published with
 * `sandbox.emit` (feed + webhooks) in the contract's wire form and reported to `clock/advance`
 * while the clock fires. Refused transitions throw the matching `PlatformProblem` and change nothing.
 * A given engine snapshot is taken over, not copied (it comes from the platform's `importState`).
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
  readonly #lists: HostListIndex;
  readonly #guards: GuardRegistry;
  #firing: FiredLog | undefined;
  /** What `#publish` hands `emit`, one object filled in per event (`emit` keeps nothing of it but its values). */
  readonly #input: SandboxEventInput;
  /** The instance whose event `#onEvent` publishes (what `#viewOfPublished` shows while `emit` runs). */
  #publishing = '';
  /**
   * The `object` of every engine event: the view of the instance being published, asked (if at
   * all) while `emit` runs. One function for all, not a closure per event: without a webhook
   * nobody asks, and a clock advance made one for each of its events.
   */
  readonly #viewOfPublished = (): unknown => this.#binding.view(this.engine.get(this.#publishing));
  /** The feed's renderer of each machine's kernel events (`eventWire`), made once per machine. */
  readonly #wires = new Map<string, EventWire>();
  /** The officials' plan options and actors, made once (see `OfficialsPlanning`). */
  readonly #officials = new OfficialsPlanning();
  /** True only while `dispatch` sends a replayed action (see `DispatchOptions.replayed`). */
  #replayed = false;

  constructor(sandbox: SandboxContext, binding: HostBinding, snapshot?: EngineSnapshot) {
    this.#sandbox = sandbox;
    this.#binding = binding;
    this.#input = { platform: binding.platform, objectType: '', objectId: '', organizationId: null, alsoNotify: undefined, event: { type: '' }, object: this.#viewOfPublished, wire: undefined };
    // The renderers of the machines the binding maps, made now: made on a machine's first event,
    // the first registration coded in a clock advance (a later phase of the year) reached that
    // branch of `#wireOfMachine` for the first time and deoptimized the publishing path there.
    for (const [machine, mapping] of Object.entries(binding.wire ?? {})) this.#wires.set(machine, eventWire(mapping));
    this.procedures = proceduresOf(sandbox.profile as string | object);
    this.#guards = replayLenientGuards(this.procedures.guards, () => this.#replayed, () => sandbox.revision());
    // The engine is made next; the clock asks it whether a surfacing timer is still current.
    this.#clock = new SandboxTimerClock(() => sandbox.now(), (timer) => this.engine.isCurrent(timer));
    // The binding's records ride with the instances (`HostBinding.record`), found once per instance.
    const record = binding.record?.bind(binding);
    this.engine = new WorkflowEngine({ machines: this.procedures.machines, guards: this.#guards, calendar: sandbox.calendar, clock: this.#clock, attach: record });
    // A snapshot comes from a platform's `importState`, which owns the data it is given.
    if (snapshot) this.engine.restore(snapshot, { adopt: true });
    this.#lists = new HostListIndex(this.engine, (instance) => binding.listings?.(instance) ?? []);
    if (snapshot) this.#lists.reindex();
    this.engine.subscribe(({ instance, event, attached }) => this.#onEvent(instance, event, attached));
  }

  /** How the contract shows an instance's machine (for wire views). */
  wireOf(instance: WorkflowInstance): WireMapping {
    return this.#binding.wire?.[instance.machine] ?? {};
  }

  machine(id: string): MachineDefinition {
    return this.engine.machine(id);
  }

  /** The sandbox's day (Asia/Shanghai), for views that depend on whether an object is still live. */
  today(): IsoDate {
    return shanghaiDay(this.#sandbox.now());
  }

  get(id: string): WorkflowInstance | undefined {
    return this.engine.has(id) ? this.engine.get(id) : undefined;
  }

  /**
   * Throws the problem creating an instance would answer (e.g. `CALENDAR_NOT_PUBLISHED`), without
   * drawing ids or changing anything: call it before allocating ids so a refused request leaves
   * the sandbox's seeded sequences untouched (journal replay depends on it).
   */
  check(machineId: string, input: CreateInput): void {
    // The kernel's own answer, without a trial instance, event and effects per create.
    const refusal = creationRefusal(this.machine(machineId), input, this.#context());
    if (refusal) throw transitionProblem(refusal);
  }

  /** The problem a refused event on `instance` answers: the binding's wording, else `transitionProblem`. */
  #refusal(instance: WorkflowInstance, error: TransitionError): PlatformProblem {
    const withholds = this.#binding.withholds;
    const offered = withholds ? { ...error, allowed: error.allowed.filter((event) => !withholds(instance, event)) } : error;
    return this.#binding.refusal?.(instance, offered) ?? transitionProblem(offered);
  }

  /**
   * Throws the problem `dispatch` would answer, without changing anything (check before drawing
   * ids); `replayed` as `dispatch` takes it, so a journaled action is checked as it will be sent.
   */
  checkDispatch(id: string, event: string, input: DispatchInput, options: Pick<DispatchOptions, 'replayed'> = {}): void {
    const instance = this.engine.get(id);
    const machine = this.machine(instance.machine);
    this.#replayed = options.replayed === true;
    let result;
    try {
      result = transition(machine, instance, { type: event, ...input }, this.#context());
    } finally {
      this.#replayed = false;
    }
    if (!result.ok) throw this.#refusal(instance, result.error);
  }

  /** Creates an instance; throws the problem when the machine refuses. */
  create(machineId: string, init: CreateInput & { id: string }): WorkflowInstance {
    // `create`, not `createOnly`, though nothing here reads the effects: a host's creates are the
    // first hot caller of the engine's `commit`, and called from `createOnly` it was compiled on
    // their effects alone and deoptimized at the clock advance's first cancelled timer (two
    // deopts per cold year, for ~150 B saved of a ~44 KB signed create).
    const result = this.engine.create(machineId, init);
    if (!result.ok) throw transitionProblem(result.error);
    // The list index was told of it by its creation event (`#onEvent`), once.
    return result.instance;
  }

  /** Sends an event now; throws the problem when the machine refuses (nothing changes then). */
  dispatch(id: string, event: string, input: DispatchInput, options: DispatchOptions = {}): WorkflowInstance {
    this.#replayed = options.replayed === true;
    let result;
    try {
      result = this.engine.dispatch(id, event, input);
    } finally {
      this.#replayed = false;
    }
    if (!result.ok) {
      const error = options.allowed ? { ...result.error, allowed: [...options.allowed()] } : result.error;
      throw this.#refusal(this.engine.get(id), error);
    }
    return result.instance;
  }

  /**
   * The events `role` may send to `id` now, acting as the sandbox's official of that role: the
   * kernel's `acceptedEvents` (guards and calendar included, payload aside: a guard on the
   * payload counts as passing), less those the platform withholds (`HostBinding.withholds`) —
   * what a refusal of that role lists as allowed, and what the timelines offer.
   */
  allowed(id: string, role: string): string[] {
    const instance = this.engine.get(id);
    const accepted = acceptedEvents(this.machine(instance.machine), instance, { role, ...this.officialActor(instance, role) }, this.#context());
    const withholds = this.#binding.withholds;
    return withholds ? accepted.filter((event) => !withholds(instance, event)) : accepted;
  }

  /**
   * Replaces every running deadline that was a calendar estimate (a year without a published
   * holiday schedule counted Monday–Friday, `Limit.estimate`) with the day the calendar now gives,
   * recorded as a `deadline_revised` event (`WorkflowEngine.reviseDeadline`): called when the
   * sandbox's calendar gains or changes a year, so an estimate never outlives the schedule it stood in for.
   */
  reviseEstimates(): void {
    for (const instance of this.engine.list()) if (instance.deadline !== null) this.engine.reviseDeadline(instance.id);
  }

  /**
   * Carries on what the calendar blocked, for every object whose state has not moved since
   * (`blockedInState`): called when the sandbox's calendar gains a year. An official's blocked
   * decision is planned again by the reviewer policy; a blocked clock event (a period's end, an
   * expiry: its timer was spent) is sent again now, as the clock, so the object does not stay
   * where the missing year stopped it. Sent now, not at the instant it was due: the events of an
   * object's log keep their order in time, and its next deadline runs from the day the year came.
   */
  replanBlocked(): void {
    for (const instance of this.engine.list()) {
      const blocked = blockedInState(instance);
      if (blocked === undefined) continue;
      if (blocked.actor.role !== 'clock') this.#planOfficials(instance);
      // Refused again (a still later year missing): the `action_blocked` stays the latest, and the next year loaded tries again.
      else this.engine.dispatch(instance.id, blockedAction(blocked), { actor: blocked.actor });
    }
  }

  /**
   * Queues an event at an instant (e.g. a grant's expiry), with its payload if any; refused
   * silently if the state moved on. Answers the plan's id, for `cancelPlan`.
   */
  plan(at: number, id: string, event: string, actor: ActorRef, payload?: Record<string, unknown>): string {
    return this.engine.plan(payload ? { at, instanceId: id, event, actor, payload } : { at, instanceId: id, event, actor });
  }

  /** Withdraws a plan not fired yet (a duty met before its end); one fired or withdrawn already is left alone. */
  cancelPlan(planId: string): void {
    this.engine.cancelPlan(planId);
  }

  /** `{ organizationId }` of the sandbox's official for a role on this instance, or `{}` when there is none. */
  officialActor(instance: WorkflowInstance, role: string): { organizationId?: string } {
    const organizationId = this.#binding.official(instance, role);
    return organizationId ? { organizationId } : {};
  }

  nextDueAt(): number | undefined {
    return this.#clock.nextDueAt();
  }

  /**
   * Fires what is due at the sandbox's now; reports every event recorded or published meanwhile
   * into `fired` (a record made only for those it lists), or nowhere when it is not given.
   */
  fireDue(fired?: FiredLog): void {
    this.#firing = fired;
    try {
      // The host reports what it publishes (`publish`): the engine's own record is not kept.
      this.engine.fireDue(this.#sandbox.now());
    } finally {
      this.#firing = undefined;
    }
  }

  /**
   * The engine's snapshot, its instances listed as they are stored, not copied: instances are
   * immutable (`WorkflowEngine.snapshot`), so no later write reaches them, and copying them was
   * most of the time a large sandbox's export held every request up. Nothing may change it.
   */
  snapshot(): EngineSnapshot {
    return this.engine.snapshot({ shareInstances: true });
  }

  /**
   * A platform's snapshot: the engine's (`snapshot`), then a copy of the platform's own `records`
   * that no later write reaches, made by `copy` — by default `copyJson` (`records` must hold JSON
   * values only); a platform that knows which parts of its records are written in place may copy
   * only those. `engine` stays the first key.
   *
   * @example
   * ```ts
   * const saved = state.host.snapshotWith({ requests: [...state.requests.values()] }); // { engine, requests }
   * ```
   */
  snapshotWith<Records extends object>(records: Records, copy: (records: Records) => Records = copyJson): { engine: EngineSnapshot } & Records {
    return { engine: this.snapshot(), ...copy(records) };
  }

  /**
   * One page of a list the binding's `listings` places objects in — an owner's (`null`: a public
   * list), optionally only those in one state — read from the host's index in O(log n + page),
   * answered exactly as `listPage` would answer for the same objects sorted by the same keys.
   * `owner` `undefined` (an unsigned caller of a list of own objects) reads an empty page; a
   * cursor is held to the list's key shape (`HostBinding.listKeys`) whether the list is empty or not.
   */
  listPage<V>(ctx: ListRequest, list: string, owner: string | null | undefined, state: string | undefined, view: (id: string) => V): Page<V> {
    const shape = this.#binding.listKeys?.[list];
    // A programming error of the platform, not of the request: every list it reads declares its keys.
    if (!shape) throw new Error(`${this.#binding.platform}: list '${list}' has no key shape in HostBinding.listKeys`);
    return indexPage(ctx, shape, owner === undefined ? undefined : this.#lists.bucket(list, owner, state), view);
  }

  /** The ids of such a list in key order, for a filter no index answers (e.g. the clock-driven `overdue`). */
  *listRows(list: string, owner: string | null, state: string | undefined): IterableIterator<string> {
    for (const row of this.#lists.bucket(list, owner, state) ?? []) yield row.value;
  }

  /**
   * Marks an object whose listings changed without an event of its own (a registration whose
   * registrants a change application replaced): the lists place it again when next read.
   */
  touch(id: string): void {
    this.#lists.touch(id);
  }

  /** Re-reads every instance into the list indices (after the engine was restored behind the host's back, e.g. seeding). */
  reindex(): void {
    this.#lists.reindex();
  }

  /** How many workflow objects the host holds (the sandbox's object quota counts them). */
  get objectCount(): number {
    return this.#lists.size;
  }

  /** The wire form of the instance's events. */
  events(instance: WorkflowInstance): WireEvent[] {
    return instance.events.map((e) => wireEvent(e, this.wireOf(instance)));
  }

  /** The wire form of the instance's current deadline. */
  deadline(instance: WorkflowInstance): Deadline | null {
    return instanceDeadline(instance, this.wireOf(instance));
  }

  /**
   * The last day of the period `deadline` counts, before the sandbox's calendar moved its due
   * day off a rest day (the kernel's `periodEnd`): where a recurring period ends and the next begins.
   */
  periodEnd(deadline: Deadline): IsoDate {
    return periodEnd(deadline, this.#sandbox.calendar);
  }

  /**
   * Publishes an event of an object the platform keeps outside the engine (e.g. a notice
   * objection) on the feed and webhooks, and reports it to `clock/advance` while the clock fires.
   */
  publish(input: Omit<SandboxEventInput, 'platform' | 'event' | 'wire'> & { event: WireEvent }): void {
    this.#publish(input.objectType, input.objectId, input.organizationId, input.alsoNotify, input.event, undefined, input.object);
  }

  /**
   * `publish` in positional arguments: the engine's events build the sandbox's input once, with no
   * intermediate object. With `wire`, `event` is the kernel's event, kept by the feed as it is.
   */
  #publish(
    objectType: string,
    objectId: string,
    organizationId: string | null,
    alsoNotify: readonly string[] | undefined,
    event: WireEvent | WorkflowEvent,
    wire: EventWire | undefined,
    object: SandboxEventInput['object'],
  ): void {
    const platform = this.#binding.platform;
    // A kernel event is a record of JSON values too (`wire` reads it back as one).
    const given = event as unknown as SandboxEventInput['event'];
    // One input, filled in per event: `emit` keeps nothing of it but its values (see `SandboxEventInput`).
    const input = this.#input;
    input.objectType = objectType;
    input.objectId = objectId;
    input.organizationId = organizationId;
    input.alsoNotify = alsoNotify;
    input.event = given;
    input.object = object;
    input.wire = wire;
    this.#sandbox.emit(input);
    const firing = this.#firing;
    if (firing?.lists()) firing.listed.push({ at: event.at, platform, objectType, objectId, type: wire ? wire.type(given) : event.type, from: event.from, to: event.to });
  }

  /** The feed's renderer of `machine`'s events. */
  #wireOfMachine(machine: string): EventWire {
    let wire = this.#wires.get(machine);
    if (!wire) this.#wires.set(machine, (wire = eventWire(this.#binding.wire?.[machine] ?? {})));
    return wire;
  }

  #context() {
    return { now: this.#sandbox.now(), calendar: this.#sandbox.calendar, guards: this.#guards };
  }

  /**
   * An engine event: `instance` is the event's instance as stored now (the engine's
   * `EngineEvent.instance`, not looked up again), `record` the binding's record of it
   * (`HostBinding.record`, kept by the engine: `EngineEvent.attached`).
   */
  #onEvent(instance: WorkflowInstance, event: WorkflowEvent, record: unknown): void {
    const instanceId = instance.id;
    // An instance's first event (`from: null`) is its creation: the index may not know it yet.
    this.#lists.touch(instanceId, event.from === null);
    const binding = this.#binding;
    // An event the calendar blocked (`action_blocked`) changed nothing but the log: the platform's
    // own records must not follow it as if its action (`event.event`) had happened.
    const happened = event.type !== 'action_blocked';
    if (happened) binding.onEvent?.(instance, event, record);
    // Set here, after the platform's reactions (which may publish events of other objects).
    this.#publishing = instanceId;
    this.#publish(
      binding.objectType(instance),
      instanceId,
      binding.owner(instance, record),
      binding.alsoNotify?.(instance, record),
      // The kernel's event, not a wire copy: the instance's log keeps it, and the feed renders it when read.
      event,
      this.#wireOfMachine(instance.machine),
      this.#viewOfPublished,
    );
    if (happened) binding.afterEvent?.(instance, event, record);
    // Officials act on the state an event chain ends in, once (as @gdx/procedures' attachOfficials).
    if (officialsActAfter(instance, event)) this.#planOfficials(instance);
  }

  #planOfficials(instance: WorkflowInstance): void {
    const now = this.#sandbox.now();
    const officials = this.#officials;
    for (const plan of planOfficials(instance, officials.options(this.#sandbox))) {
      // The plan is ours (fresh from planOfficials): completed in place, not spread into copies
      // (two spreads per plan were ~1.4 µs, and a clock advance plans after every state change);
      // the acting official's actor is shared (the event keeps it: one per role, not per event).
      const organizationId = this.#binding.official(instance, plan.actor.role);
      if (organizationId) plan.actor = officials.actor(plan.actor.role, organizationId);
      // Never in the past: a decision planned again (see `replanBlocked`) is taken from now on.
      if (plan.at < now) plan.at = now;
      this.engine.plan(plan);
    }
  }
}
