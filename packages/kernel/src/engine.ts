import type { Clock, ClockState } from './clock.js';
import type { CreateOutcome, EngineEvent, EngineSnapshot, FiredTransition, PlannedDispatch } from './engine-types.js';
import { withoutTimer } from './instance-update.js';
import { KernelError } from './kernel-error.js';
import { formatInstant } from './shanghai-time.js';
import type { TimerEntry } from './timer-heap.js';
import { CLOCK } from './shapes.js';
import { compiledMachine } from './transition-index.js';
import { createInstanceInto, fireTimerInto, recordBlockedInto, transitionInto } from './transition.js';
import { EffectQueue, QUEUED } from './effect-sink.js';
import { PlanBook } from './plan-book.js';
import { reviseDeadlineInto } from './revise-deadline.js';
import { instanceShapeFault } from './snapshot-shape.js';
import type { ActorRef, Calendar, GuardRegistry, MachineDefinition, PendingTimer, TransitionContext, TransitionError, TransitionResult, WorkflowEvent, WorkflowInstance } from './types.js';

/**
 * A named action: runs after a transition that lists it (e.g. create the registration record
 * when an application reaches `registered`). It may call back into the engine.
 *
 * @example
 * const actions: ActionRegistry = { issueCode: ({ instance, engine }) => engine.create('registration.record', { ... }) };
 */
export type ActionRegistry = Record<string, (ctx: { instance: WorkflowInstance; event: WorkflowEvent; engine: WorkflowEngine }) => void>;

/**
 * Options for `WorkflowEngine`.
 *
 * @example
 * const opts: EngineOptions = { machines: [machine], calendar: WorkingCalendar.official(), clock: new VirtualClock(start) };
 */
export interface EngineOptions {
  machines: MachineDefinition[];
  calendar: Calendar;
  clock: Clock;
  guards?: GuardRegistry;
  actions?: ActionRegistry;
  /**
   * A value the host keeps with each instance (e.g. its own record of the object), given back to
   * subscribers as `EngineEvent.attached` with every event of the instance, so that they need not
   * look it up by id per event. Asked when the instance's first event is told (its creation, or
   * the first event after `restore`, which attaches nothing), then kept with the instance; an
   * answer of `undefined` is not kept, and the instance's next event asks again.
   */
  attach?: (instance: WorkflowInstance) => unknown;
}

/** What `create` and `createOnly` are given: the new instance's id, who creates it, its data and the creating event's payload. */
type CreateInit = { id: string; actor: ActorRef; data?: Record<string, unknown>; payload?: Record<string, unknown> };
type DispatchOptions = { actor: ActorRef; payload?: Record<string, unknown> };
type Plan = PlannedDispatch & { id: string; seq: number };

/**
 * An instance as the engine holds it: its current (immutable) snapshot and the clock's entry of
 * its pending timer. The engine's timer entries point at their slot or plan (`TimerEntry.owner`),
 * so a surfacing timer is known live, and fired, without looking its id up in the maps of
 * instances and plans (two look-ups per timer were the largest cost of a year's clock advance).
 * Invariants: `timer` is the entry scheduled for `instance.timer` (same id and due time), or `null`
 * when the instance has no timer; of the entries scheduled for the instance, only that one has
 * the slot as its `owner`, the others `null` (so a cancelled entry surfacing is known dead without
 * reading anything but itself).
 */
class Slot {
  timer: TimerEntry | null = null;
  /** What `EngineOptions.attach` answered for the instance; `undefined` until it answers something else. */
  attached: unknown = undefined;
  constructor(public instance: WorkflowInstance) {}
}


/**
 * The interpreter: holds instances by id, applies the pure `transition`, runs its effects on
 * the injected clock, and tells subscribers about every event. It never reads wall time.
 *
 * @example
 * const engine = new WorkflowEngine({ machines: [machine], calendar, clock });
 * engine.create('demo', { id: 'd1', actor: { role: 'applicant' } });
 * engine.dispatch('d1', 'answer', { actor: { role: 'official' } });
 * const fired = engine.advanceTo(Date.parse('2026-01-01T00:00:00+08:00'));
 */
export class WorkflowEngine {
  private readonly machines = new Map<string, MachineDefinition>();
  private readonly instances = new Map<string, Slot>();
  /**
   * Instances held with other engines (`share`), read as they are until this engine first acts on
   * one, which then gets a slot in `instances`; `list` answers them first, in their order.
   */
  private shared: ReadonlyMap<string, WorkflowInstance> | null = null;
  /** How many of the shared instances have a slot in `instances`. */
  private sharedWithSlot = 0;
  /** The clock's entries of the planned dispatches not fired or cancelled; each entry's `owner` is its plan. */
  private readonly planned = new PlanBook();
  private readonly listeners = new Set<(e: EngineEvent) => void>();
  private planSeq = 0;
  private firing: FiredTransition[] | null = null;
  /**
   * The effects of the transitions being applied, queued in reused arrays rather than made as
   * `Effect` objects in an array per transition (a fifth of a transition's allocation); see
   * `EffectQueue`. `running` counts the commits whose effects are being run, so that an operation
   * started outside any of them begins with an empty queue.
   */
  private readonly queue = new EffectQueue();
  private running = 0;
  /** The context `ctx` made last (see there). */
  private lastCtx: TransitionContext | null = null;

  constructor(private readonly options: EngineOptions) {
    for (const m of options.machines) {
      this.machines.set(m.id, m);
      // Compiled now, not by the first transition of each machine: that branch would first be
      // taken by optimized code late in a year (a registration record's first creation).
      compiledMachine(m);
    }
  }

  get clock(): Clock {
    return this.options.clock;
  }

  machine(id: string): MachineDefinition {
    const m = this.machines.get(id);
    if (!m) throw new KernelError('UNKNOWN_MACHINE', `未知状态机 ${id}`, `Unknown machine ${id}`);
    return m;
  }

  get(instanceId: string): WorkflowInstance {
    const slot = this.instances.get(instanceId);
    if (slot !== undefined) return slot.instance;
    const shared = this.shared?.get(instanceId);
    if (shared === undefined) throw unknownInstance(instanceId);
    return shared;
  }

  has(instanceId: string): boolean {
    return this.instances.has(instanceId) || (this.shared?.has(instanceId) ?? false);
  }

  /** How many instances the engine holds (`list().length`, without the list). */
  get size(): number {
    return this.instances.size + (this.shared === null ? 0 : this.shared.size - this.sharedWithSlot);
  }

  list(): WorkflowInstance[] {
    const shared = this.shared;
    if (shared === null) return Array.from(this.instances.values(), (slot) => slot.instance);
    const list: WorkflowInstance[] = [];
    for (const [id, instance] of shared) list.push(this.instances.get(id)?.instance ?? instance);
    for (const [id, slot] of this.instances) if (!shared.has(id)) list.push(slot.instance);
    return list;
  }

  /**
   * Takes instances another engine may hold too, into an engine that holds none yet: they are
   * read as they are (nothing is copied, no slot is made) until the engine first transitions one,
   * plans for it or fires for it; from then on the engine has its own slot for that instance,
   * whose transitions replace its instance as any other's do. Each must have no pending timer,
   * and nobody may change them. They count and list first, in their order, as if restored.
   * A host seeding every new sandbox with the same published objects (the mock seeds 300 catalog
   * entries) makes no slot or map entry per object per sandbox.
   *
   * @example
   * const published = new Map(frozenInstances.map((i) => [i.id, i]));
   * engine.share(published); // one map for every sandbox's engine
   * engine.get(frozenInstances[0].id) === frozenInstances[0]; // true
   */
  share(instances: ReadonlyMap<string, WorkflowInstance>): void {
    if (this.size > 0) throw new KernelError('ENGINE_NOT_EMPTY', '共享实例只能放入空引擎', 'Shared instances go into an engine that holds none');
    for (const instance of instances.values()) {
      this.machine(instance.machine);
      if (instance.timer) throw new KernelError('SHARED_INSTANCE_TIMER', `共享实例 ${instance.id} 不得有待触发的计时器`, `Shared instance ${instance.id} must have no pending timer`);
    }
    this.shared = instances;
    this.sharedWithSlot = 0;
  }

  /** Creates an instance in the machine's initial state at the clock's now. */
  create(machineId: string, init: CreateInit): TransitionResult {
    const mark = this.begin();
    const result = this.created(machineId, init, mark);
    if (!result.ok) return result;
    const slot = new Slot(result.instance);
    this.instances.set(init.id, slot);
    return this.answer(slot, result.instance, mark);
  }

  /**
   * Creates an instance like `create` (the same effects run, the same events told), answering
   * only the stored instance or the refusal: the effects are not listed as `Effect` objects, which
   * callers that never read them (a host's create, an action creating a related instance) paid
   * for on every creation.
   *
   * @example
   * const made = engine.createOnly('demo', { id: 'd1', actor: { role: 'applicant' } });
   * if (!made.ok) throw new Error(made.error.code);
   */
  createOnly(machineId: string, init: CreateInit): CreateOutcome {
    const mark = this.begin();
    const result = this.created(machineId, init, mark);
    if (!result.ok) return result;
    const slot = new Slot(result.instance);
    this.instances.set(init.id, slot);
    this.commit(slot, result.instance, mark);
    return { ok: true, instance: slot.instance };
  }

  /** Sends an event to an instance at the clock's now. */
  dispatch(instanceId: string, event: string, opts: DispatchOptions): TransitionResult {
    const slot = this.slot(instanceId);
    const mark = this.begin();
    const result = this.dispatchAt(slot, event, opts, this.clock.now());
    return result.ok ? this.answer(slot, result.instance, mark) : this.dropped(result, mark);
  }

  /**
   * Computes the instance's running deadline again when it was a calendar estimate the calendar
   * can now replace (a year's schedule loaded since): records a `deadline_revised` event, moves the
   * timer to the new due instant and tells subscribers, as a transition would. Answers whether the
   * due day moved; any other deadline is left as it is (see `reviseDeadlineInto`).
   *
   * @example
   * calendar.addYear(schedule2028);
   * for (const { id } of engine.list()) engine.reviseDeadline(id);
   */
  reviseDeadline(instanceId: string): boolean {
    const instance = this.get(instanceId);
    const mark = this.begin();
    const revised = reviseDeadlineInto(this.machine(instance.machine), instance, this.ctx(this.clock.now()), this.queue);
    if (revised === null) return false;
    // Only now a slot: a host revises every instance when its calendar changes, most in vain.
    this.commit(this.slot(instanceId), revised.instance, mark);
    return true;
  }

  /**
   * Queues an event to be sent at `plan.at` (fired by `advanceTo`); returns its timer id. A plan
   * for an instant already past is sent at the clock's now: no event is dated before it was planned.
   */
  plan(dispatch: PlannedDispatch): string {
    const id = `plan#${++this.planSeq}`;
    const at = Math.max(dispatch.at, this.clock.now());
    const entry = this.clock.schedule(id, at, dispatch.instanceId);
    // Field by field: a spread copy costs ~0.7 µs on Node 20, and a clock advance plans thousands.
    // One literal, `payload` written even when `undefined` (JSON leaves it out): every plan has
    // one shape, so the code firing plans is not deoptimized by the first plan with a payload.
    const { instanceId, event, actor, payload } = dispatch;
    const plan: Plan = { at, instanceId, event, actor, payload, id, seq: entry.seq };
    entry.owner = plan;
    this.planned.add(id, entry);
    return id;
  }

  cancelPlan(id: string): void {
    const entry = this.planned.get(id);
    if (entry) this.planned.drop(id, entry);
    this.clock.cancel(id);
  }

  /** Fires every timer due up to `instant`; answers the transitions fired, in order. */
  advanceTo(instant: number): FiredTransition[] {
    const fired: FiredTransition[] = [];
    this.firing = fired;
    try {
      this.clock.advanceTo(instant, (timer) => this.onTimer(timer));
    } finally {
      this.firing = null;
    }
    return fired;
  }

  /**
   * Fires every timer due up to `instant` like `advanceTo`, without recording what fired; answers
   * how many timers fired. For hosts that report the events themselves (from `subscribe`), which
   * otherwise paid for a record per transition (an object and its formatted instant) thrown away.
   *
   * @example
   * engine.subscribe((e) => publish(e)); // the host's own report
   * engine.fireDue(Date.parse('2026-01-01T00:00:00+08:00')); // 3
   */
  fireDue(instant: number): number {
    return this.clock.advanceTo(instant, (timer) => this.onTimer(timer));
  }

  /**
   * Whether a queued timer is still one the engine would act on: a planned dispatch not fired or
   * cancelled, or the instance's current deadline timer. Lets a clock cancel lazily without
   * keeping its own index of live timers (the engine's state already says which are live).
   * An entry the engine scheduled is answered from its `owner` (a field or two read); any other
   * entry (e.g. a copy) by its id, due time and `ref`.
   *
   * @example
   * const clock = new SandboxTimerClock(now, (timer) => engine.isCurrent(timer));
   */
  isCurrent(timer: TimerEntry): boolean {
    const owner = timer.owner;
    // An entry the engine scheduled: its owner is nulled when it is cancelled, replaced or fired.
    if (owner !== undefined) return owner !== null;
    const planned = this.planned.get(timer.id);
    if (planned) return (planned.owner as Plan).at === timer.dueAt;
    const current = this.instances.get(timer.ref)?.instance.timer;
    return current?.id === timer.id && current.dueAt === timer.dueAt;
  }

  subscribe(listener: (e: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The engine's state as JSON: its instances (with their pending timers), planned dispatches and
   * clock. The instances are copies unless `options.shareInstances` asks for the stored instances
   * themselves: instances are immutable (a transition, a fired or spent timer, a revised deadline
   * stores a new instance, sharing only what it left unchanged), so that list stays the state of
   * this instant whatever the engine does later, without copying every instance and its event log
   * (most of the cost of exporting a large sandbox). The caller must not change what it lists.
   * The planned dispatches are copied either way.
   *
   * @example
   * const saved = JSON.stringify(engine.snapshot());
   * const asOfNow = engine.snapshot({ shareInstances: true }); // serialised later, a slice at a time
   */
  snapshot(options: { shareInstances?: boolean } = {}): EngineSnapshot {
    const clock: ClockState = this.clock.state();
    const instances = this.list();
    return {
      version: 1,
      now: clock.now,
      nextSeq: clock.nextSeq,
      instances: options.shareInstances === true ? instances : structuredClone(instances),
      planned: structuredClone(this.planned.owners() as Plan[]),
    };
  }

  /**
   * Replaces the engine's state; the timer heap is rebuilt from the instances' pending timers.
   * An instance without the shape the engine reads (`events` an array of objects, `state` a string,
   * a timer with its `dueAt` …) throws `SNAPSHOT_INVALID` before anything is replaced.
   * The engine keeps copies of the snapshot's instances and plans, unless `options.adopt` says the
   * caller hands them over (a snapshot parsed or built for this engine alone, never used again):
   * copying is most of the cost of seeding 300 entries into a new sandbox.
   *
   * @example
   * engine.restore(saved); // copies
   * engine.restore(JSON.parse(text), { adopt: true }); // takes the parsed objects over
   */
  restore(snapshot: EngineSnapshot, options: { adopt?: boolean } = {}): void {
    if (snapshot.version !== 1) {
      throw new KernelError('SNAPSHOT_VERSION', `不支持的快照版本 ${String(snapshot.version)}`, `Unsupported snapshot version ${String(snapshot.version)}`);
    }
    // Checked before anything is replaced: a snapshot that is refused leaves the engine as it was.
    for (const instance of snapshot.instances) {
      const fault = instanceShapeFault(instance);
      if (fault) throw new KernelError('SNAPSHOT_INVALID', `快照无效：${fault.zh}`, `Invalid snapshot: ${fault.en}`);
    }
    this.instances.clear();
    this.shared = null;
    this.sharedWithSlot = 0;
    this.planned.clear();
    const owned = options.adopt === true ? snapshot : { instances: structuredClone(snapshot.instances), planned: structuredClone(snapshot.planned) };
    for (const instance of owned.instances) {
      this.machine(instance.machine);
      this.instances.set(instance.id, new Slot(instance));
    }
    // The clock is loaded empty and given the timers one by one, in the order a loaded state
    // listed them (the same heap and sequence numbers), so that each entry can name its owner.
    this.clock.load({ now: snapshot.now, nextSeq: snapshot.nextSeq, timers: [] });
    for (const slot of this.instances.values()) {
      const t = slot.instance.timer;
      if (!t) continue;
      const entry = this.clock.schedule(t.id, t.dueAt, slot.instance.id, t.seq ?? 0);
      entry.owner = slot;
      slot.timer = entry;
    }
    for (const p of owned.planned) {
      const entry = this.clock.schedule(p.id, p.at, p.instanceId, p.seq);
      entry.owner = p;
      this.planned.add(p.id, entry);
      this.planSeq = Math.max(this.planSeq, Number(p.id.slice(5)) || 0);
    }
  }

  /** A new instance by `init` (its effects queued from `mark`, not yet run), or the refusal with nothing queued; throws for a taken id. */
  private created(machineId: string, init: CreateInit, mark: number): TransitionResult {
    if (this.has(init.id)) {
      throw new KernelError('DUPLICATE_INSTANCE', `实例 ${init.id} 已存在`, `Instance ${init.id} already exists`);
    }
    const result = createInstanceInto(this.machine(machineId), init, this.ctx(this.clock.now()), this.queue);
    return result.ok ? result : this.dropped(result, mark);
  }

  private slot(instanceId: string): Slot {
    const slot = this.slotOf(instanceId);
    if (!slot) throw unknownInstance(instanceId);
    return slot;
  }

  /** The slot of an instance, made when it is a shared one without a slot yet; `undefined` for an unknown id. */
  private slotOf(instanceId: string): Slot | undefined {
    return this.instances.get(instanceId) ?? this.slotOfShared(instanceId);
  }

  /** A new slot of its own for a shared instance the engine now acts on (`share`); `undefined` when it is none. */
  private slotOfShared(instanceId: string): Slot | undefined {
    const instance = this.shared?.get(instanceId);
    if (instance === undefined) return undefined;
    const slot = new Slot(instance);
    this.instances.set(instanceId, slot);
    this.sharedWithSlot += 1;
    return slot;
  }

  /**
   * A transition's context; one literal (`guards` written even when there are none), so every
   * context has one shape. Never changed once made, so the last one is answered again for the same
   * instant: a clock advance fires many transitions at one instant (deadlines end at 24:00).
   */
  private ctx(now: number): TransitionContext {
    const last = this.lastCtx;
    if (last !== null && last.now === now) return last;
    return (this.lastCtx = { now, calendar: this.options.calendar, guards: this.options.guards });
  }

  /** The transition of the slot's instance by `event`, its effects queued (not yet run: see `commit`). */
  private dispatchAt(slot: Slot, event: string, opts: DispatchOptions, now: number): TransitionResult {
    const instance = slot.instance;
    // One literal (`payload` written even when `undefined`): a clock advance dispatches every planned decision through here.
    const input = { type: event, actor: opts.actor, payload: opts.payload ? opts.payload : undefined };
    return transitionInto(this.machine(instance.machine), instance, input, this.ctx(now), this.queue);
  }

  private onTimer(timer: TimerEntry): void {
    const owner = timer.owner;
    if (owner instanceof Slot) return this.fireInstanceTimer(owner, timer);
    if (owner === undefined) return this.onForeignTimer(timer);
    if (owner !== null) this.firePlan(timer, timer.dueAt);
  }

  /** An entry the engine did not make (a clock that hands out copies): found by its id. */
  private onForeignTimer(timer: TimerEntry): void {
    const planned = this.planned.get(timer.id);
    if (planned) return this.firePlan(planned, timer.dueAt);
    const slot = this.slotOf(timer.ref);
    if (slot) this.fireInstanceTimer(slot, timer);
  }

  /** Fires a planned dispatch: `entry` is the engine's own entry of it (its `owner` the plan), at `at`. */
  private firePlan(entry: TimerEntry, at: number): void {
    const plan = entry.owner as Plan;
    this.planned.drop(plan.id, entry);
    const slot = this.slotOf(plan.instanceId);
    if (!slot) return;
    const before = slot.instance;
    const mark = this.begin();
    const result = this.dispatchAt(slot, plan.event, plan, at);
    if (result.ok) this.commit(slot, result.instance, mark);
    else this.planRefused(slot, before, plan, this.dropped(result, mark).error, at);
    // The state the instance is left in once the effects ran (an action may have moved it on).
    if (this.firing !== null) this.record(at, before, plan.event, result, result.ok ? slot.instance.state : before.state);
  }

  /** A plan refused for its own sake (the state moved on) is dropped quietly; one the calendar blocked is recorded. */
  private planRefused(slot: Slot, before: WorkflowInstance, plan: Plan, error: TransitionError, at: number): void {
    if (!error.blocked) return;
    const mark = this.begin();
    this.commit(slot, recordBlockedInto(before, { type: plan.event, actor: plan.actor, payload: undefined }, error, this.ctx(at), this.queue).instance, mark);
  }

  private fireInstanceTimer(slot: Slot, timer: TimerEntry): void {
    const before = slot.instance;
    const mark = this.begin();
    const result = fireTimerInto(this.machine(before.machine), before, timer.id, this.ctx(timer.dueAt), this.queue);
    if (!result) return;
    // Spent: the transition's own effects schedule any next timer.
    if (slot.timer !== null) slot.timer.owner = null;
    slot.timer = null;
    if (result.ok) this.commit(slot, result.instance, mark);
    else this.timerRefused(slot, before, this.dropped(result, mark).error, timer.dueAt);
    // The state the transition entered (as it always was recorded: before any action ran).
    if (this.firing !== null) this.record(timer.dueAt, before, before.timer?.kind === 'event' ? (before.timer.event ?? 'timer') : 'deadline_overdue', result, result.ok ? result.instance.state : before.state);
  }

  /** A timer's event refused: the timer is spent all the same; a refusal the calendar blocked is recorded. */
  private timerRefused(slot: Slot, before: WorkflowInstance, error: TransitionError, at: number): void {
    const spent = withoutTimer(before);
    if (!error.blocked) {
      slot.instance = spent;
      return;
    }
    const mark = this.begin();
    this.commit(slot, recordBlockedInto(spent, { type: before.timer?.event ?? 'timer', actor: CLOCK, payload: undefined }, error, this.ctx(at), this.queue).instance, mark);
  }

  private record(at: number, before: WorkflowInstance, event: string, result: TransitionResult, to: string): void {
    this.firing?.push({
      at: formatInstant(at),
      instanceId: before.id,
      machine: before.machine,
      event,
      from: before.state,
      to,
      ok: result.ok,
      ...(result.ok ? {} : { error: result.error }),
    });
  }

  /**
   * Where the effects of an operation begin in the queue: its end while effects are being run (an
   * action or a subscriber transitioning an instance; its effects are run and dropped before
   * those after it), else the start. An operation that threw left its effects behind; they are
   * dropped here.
   */
  private begin(): number {
    if (this.running === 0) this.queue.length = 0;
    return this.queue.length;
  }

  /** A refused transition: the effects it queued before it was refused are dropped. */
  private dropped<R extends TransitionResult & { ok: false }>(result: R, mark: number): R {
    this.queue.length = mark;
    return result;
  }

  /** `commit`, answering the stored instance (effects may have replaced it) and the effects listed as `Effect` objects. */
  private answer(slot: Slot, instance: WorkflowInstance, mark: number): TransitionResult {
    const effects = this.queue.listed(mark, instance.id);
    this.commit(slot, instance, mark);
    return { ok: true, instance: slot.instance, effects };
  }

  /**
   * Stores a transition's instance in its slot and runs the effects it queued from `mark` on
   * (every one concerns that instance), then drops them. Effects run may queue and run their
   * own after these (see `begin`).
   */
  private commit(slot: Slot, instance: WorkflowInstance, mark: number): void {
    slot.instance = instance;
    const queue = this.queue;
    const end = queue.length;
    this.running += 1;
    try {
      for (let i = mark; i < end; i += 1) this.run(slot, queue, i, instance);
    } finally {
      this.running -= 1;
      queue.length = mark;
    }
  }

  /** Runs one queued effect; each kind in a method of its own, so that this one compiles small (a kind first met late recompiles little). */
  private run(slot: Slot, queue: EffectQueue, i: number, instance: WorkflowInstance): void {
    const subject = queue.subject[i];
    switch (queue.kind[i]) {
      case QUEUED.cancel:
        return this.cancel(slot, subject as string);
      case QUEUED.schedule:
        return this.schedule(slot, instance.id, subject as PendingTimer);
      case QUEUED.emit:
        return this.emit(slot, instance.id, instance.machine, subject as WorkflowEvent);
      case QUEUED.action:
        return this.act(slot, queue.name[i] as string, subject as WorkflowEvent);
    }
  }

  private cancel(slot: Slot, timerId: string): void {
    const live = slot.timer;
    if (live !== null && live.id === timerId) {
      live.owner = null;
      slot.timer = null;
    }
    this.clock.cancel(timerId);
  }

  private schedule(slot: Slot, instanceId: string, timer: PendingTimer): void {
    const entry = this.clock.schedule(timer.id, timer.dueAt, instanceId);
    const current = slot.instance;
    // Store the clock's insertion order so a restored heap breaks ties the same way. The timer
    // was made by the transition being committed and nobody has seen it yet, so it is stamped
    // in place: copying it and the instance was a tenth of every timed transition.
    if (current.timer?.id === timer.id) {
      current.timer.seq = entry.seq;
      if (slot.timer !== null) slot.timer.owner = null;
      entry.owner = slot;
      slot.timer = entry;
    } else entry.owner = null; // replaced within the same transition (an always-event left the step)
  }

  /**
   * Tells every subscriber, with the instance as stored when each is called (a subscriber needs no
   * `get`). One literal per subscriber, not one shared and updated: V8 then elides the object
   * altogether when the subscriber is inlined (a shared one reassigned in the loop was allocated,
   * ~34 B per transition of a year).
   */
  private emit(slot: Slot, instanceId: string, machine: string, event: WorkflowEvent): void {
    const attached = slot.attached !== undefined ? slot.attached : this.attachTo(slot);
    for (const listener of this.listeners) listener({ instanceId, machine, event, instance: slot.instance, attached });
  }

  /** Asks `EngineOptions.attach` for the slot's value and keeps it unless it is `undefined` (run on every instance's first event, creations included). */
  private attachTo(slot: Slot): unknown {
    const attach = this.options.attach;
    return attach === undefined ? undefined : (slot.attached = attach(slot.instance));
  }

  private act(slot: Slot, name: string, event: WorkflowEvent): void {
    const action = this.options.actions?.[name];
    if (!action) throw new KernelError('UNKNOWN_ACTION', `未知动作 ${name}`, `Unknown action ${name}`);
    action({ instance: slot.instance, event, engine: this });
  }
}

function unknownInstance(instanceId: string): KernelError {
  return new KernelError('UNKNOWN_INSTANCE', `未知实例 ${instanceId}`, `Unknown instance ${instanceId}`);
}
