import { computeDeadline, periodEnd, resumedLimit } from './deadline.js';
import { dryRunGuards, evaluateGuard } from './guards.js';
import { KernelError } from './kernel-error.js';
import { formatInstant } from './shanghai-time.js';
import { missingCode, transitionError } from './transition-errors.js';
import { compiledMachine, stateIndex, type CompiledMachine, type CompiledState, type CompiledTransition } from './transition-index.js';
import { appended, instanceWith, withoutTimer } from './instance-update.js';
import { CLOCK, pendingTimer, timerId, workflowEvent } from './shapes.js';
import { EffectList, type EffectSink } from './effect-sink.js';
import type {
  ActorRef,
  Calendar,
  Deadline,
  EventInput,
  IsoDate,
  MachineDefinition,
  Reason,
  TransitionContext,
  TransitionDefinition,
  TransitionError,
  TransitionResult,
  WorkflowEvent,
  WorkflowInstance,
} from './types.js';

const MAX_ALWAYS_CHAIN = 16;

function fromMatches(t: TransitionDefinition, state: string): boolean {
  return typeof t.from === 'string' ? t.from === state : t.from.includes(state);
}

/**
 * The events a state accepts, optionally only those a role may send. Terminal states accept none.
 *
 * @example
 * allowedEvents(machine, 'submitted', 'registry'); // ['accept', 'request_supplement', 'not_accept']
 */
export function allowedEvents(machine: MachineDefinition, state: string, role?: string): string[] {
  if (machine.states[state]?.terminal) return [];
  const events = machine.transitions
    .filter((t) => fromMatches(t, state) && (role === undefined || t.by.includes(role)))
    .map((t) => t.event);
  return [...new Set(events)];
}

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  return true;
}

/** Why `select` refused an event; `transition` turns it into a `TransitionError` with the allowed events. */
interface Refusal {
  ok: false;
  code: string;
  detail?: Record<string, unknown>;
}

/** The transition chosen (`ok: true`, see `CompiledTransition.ok`), or why none was. */
type Chosen = CompiledTransition | Refusal;

/** The transition that takes the event from the instance's state for its actor and guards (payload aside), or why none does. */
function choose(cm: CompiledMachine, instance: WorkflowInstance, input: EventInput, ctx: TransitionContext): Chosen {
  const candidates = indexOf(cm, instance.state).byEvent.get(input.type);
  if (candidates === undefined) return { ok: false, code: 'ILLEGAL_TRANSITION' };
  const role = input.actor.role;
  for (const t of candidates) {
    if (!t.by.includes(role)) continue;
    if (t.guard === undefined || evaluateGuard(t.guard, instance, input, ctx, ctx.guards)) return t;
    return notChosen(candidates, role, instance, input, ctx);
  }
  return actorNotAllowed(candidates);
}

/**
 * The rest of `choose` once the first transition open to the role has refused its guard: a later
 * one may still pass, else the first one's guard error. Kept out of `choose` so that the hot
 * function stays small and meets no code it has not run (a guard's refusal first comes late).
 */
function notChosen(candidates: readonly CompiledTransition[], role: string, instance: WorkflowInstance, input: EventInput, ctx: TransitionContext): Chosen {
  let first: CompiledTransition | undefined;
  for (const t of candidates) {
    if (!t.by.includes(role)) continue;
    if (first === undefined) {
      first = t;
      continue;
    }
    if (t.guard === undefined || evaluateGuard(t.guard, instance, input, ctx, ctx.guards)) return t;
  }
  const refused = first as CompiledTransition;
  return { ok: false, code: refused.guardError ?? 'GUARD_REJECTED', detail: { guard: refused.guard } };
}

function actorNotAllowed(candidates: readonly CompiledTransition[]): Refusal {
  return { ok: false, code: 'ACTOR_NOT_ALLOWED', detail: { roles: [...new Set(candidates.flatMap((t) => t.by))] } };
}

/** The state's index; a state the machine does not define is indexed from its transitions, as it always was. */
function indexOf(cm: CompiledMachine, state: string) {
  return cm.states.get(state)?.index ?? stateIndex(cm.definition, state);
}

/** `choose`, then the payload the chosen transition requires. */
function select(cm: CompiledMachine, instance: WorkflowInstance, input: EventInput, ctx: TransitionContext): Chosen {
  const chosen = choose(cm, instance, input, ctx);
  if (!chosen.ok || chosen.requires === undefined) return chosen;
  return missingPayload(chosen, input);
}

/** The chosen transition, or the first payload key it requires that the input lacks. */
function missingPayload(chosen: CompiledTransition, input: EventInput): Chosen {
  const missing = chosen.requires?.find((key) => !isPresent(input.payload?.[key]));
  return missing === undefined ? chosen : { ok: false, code: missingCode(missing), detail: { missing } };
}

/** The event's reason from `payload.reasons` (strings or `{ code?, text }`): texts joined, the code kept when there is one reason. */
function reasonOf(payload: Record<string, unknown> | undefined): Reason | null {
  if (payload === undefined) return null;
  const raw = payload['reasons'] ?? payload['reason'];
  if (raw === undefined || raw === null) return null;
  if (!Array.isArray(raw)) return onlyReason(raw);
  if (raw.length === 0) return null;
  if (raw.length === 1) return onlyReason(raw[0]);
  return { text: raw.map((r) => asReason(r).text).join('；') };
}

function asReason(r: unknown): Reason {
  return typeof r === 'object' && r !== null && 'text' in r ? (r as Reason) : { text: String(r) };
}

/** The reason of one given reason: its text, and its code when it has one. */
function onlyReason(r: unknown): Reason {
  const only = asReason(r);
  return only.code === undefined ? { text: only.text } : { code: only.code, text: only.text };
}

function hasFields(payload: Record<string, unknown> | undefined): payload is Record<string, unknown> {
  if (payload === undefined) return false;
  for (const key in payload) if (Object.hasOwn(payload, key)) return true;
  return false;
}

function pick(payload: Record<string, unknown> | undefined, keys: readonly string[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys ?? []) if (payload && key in payload) out[key] = payload[key];
  return out;
}

/** The data a transition that sets or assigns fields leaves (a new object; the old one is shared by the old instance). */
function mergedData(data: Record<string, unknown>, t: CompiledTransition, payload: Record<string, unknown> | undefined): Record<string, unknown> {
  return { ...data, ...t.set, ...pick(payload, t.assign) };
}

/**
 * An empty event log of the elements kind `appended` makes (holey, of objects): a created
 * instance's first log then has the kind of every later one, and the functions reading logs see
 * one array shape, not a second one for the first event.
 */
const NO_EVENTS: WorkflowEvent[] = (() => {
  const events = new Array<WorkflowEvent>(1);
  events[0] = {} as WorkflowEvent;
  events.length = 0;
  return events;
})();

/** Enters `to` (from `instance.state`, or from nothing when creating) and records the event. */
function enter(
  cm: CompiledMachine,
  instance: WorkflowInstance,
  t: CompiledTransition,
  input: EventInput,
  from: string | null,
  ctx: TransitionContext,
  effects: EffectSink,
  startedOn: IsoDate | undefined,
  currentStep: string | undefined,
): WorkflowInstance {
  const target = cm.states.get(t.to);
  if (target === undefined) throw unknownState(cm, t.to);
  // Instances are immutable: a transition that sets nothing shares the previous data object.
  const data = t.set === undefined && t.assign === undefined ? instance.data : mergedData(instance.data, t, input.payload);
  const seq = instance.events.length + 1;
  const mode = t.deadline ?? 'keep';
  const step = target.step;
  let deadline = instance.deadline;
  let timer = instance.timer;
  if (step === undefined || currentStep !== step || mode !== 'keep') {
    if (timer) effects.cancel(timer.id);
    deadline = null;
    timer = null;
    if (step !== undefined && mode !== 'clear') {
      const from = mode === 'extend' ? previousEnd(cm, target, instance, step, ctx.calendar) : startedOn;
      const computed = stepDeadline(cm, target, instance, mode, from, data, ctx);
      deadline = computed.deadline;
      const expiry = target.expiryEvent;
      // A deadline already past (a due day the data set in the past) fires now, never before the event that set it.
      timer = pendingTimer(timerId(instance.id, seq), Math.max(computed.dueAtMs, ctx.now), step, expiry === null ? 'overdue' : 'event', expiry === null ? undefined : expiry);
      effects.schedule(timer);
    }
  }
  const at = formatInstant(ctx.now);
  const payload = input.payload;
  // `reasonOf` and `hasFields` take `undefined` themselves: called for every event (creations,
  // without a payload, included), their call sites are not first reached by optimized code.
  const event = workflowEvent(
    seq, t.eventType ?? 'state_changed', at, input.actor, from, t.to, reasonOf(payload), deadline,
    from === null ? undefined : input.type, hasFields(payload) ? payload : undefined,
  );
  effects.emit(event);
  if (t.actions !== undefined) for (const name of t.actions) effects.action(name, event);
  return instanceWith(instance, t.to, at, deadline, appended(instance.events, event), data, timer);
}

/**
 * The step of the instance's running deadline, read by the callers of `enter` that transition an
 * existing instance: `enter` itself is first optimized on creations, which have none, and reading
 * it there deoptimized it on the year's first transition.
 */
function stepOf(instance: WorkflowInstance): string | undefined {
  const deadline = instance.deadline;
  return deadline === null ? undefined : deadline.step;
}

/**
 * The day an `extend` runs from, when the instance's deadline is the step's: its due date, or
 * the last day of its period before the calendar moved it off a rest day when the limit says
 * `extendFrom: 'period'` (recurring periods then keep their grid).
 */
function previousEnd(cm: CompiledMachine, target: CompiledState, instance: WorkflowInstance, step: string, calendar: Calendar): IsoDate | undefined {
  const deadline = instance.deadline;
  if (deadline?.step !== step) return undefined;
  const limit = target.limit ?? missingLimit(cm, target);
  return limit.extendFrom === 'period' ? periodEnd(deadline, calendar) : deadline.dueDate;
}

function unknownState(cm: CompiledMachine, state: string): KernelError {
  return new KernelError('UNKNOWN_STATE', `状态机 ${cm.id} 没有状态 ${state}`, `Machine ${cm.id} has no state ${state}`);
}

/** The deadline of the step `target` is entered with, started from `from` (a day) or now. */
function stepDeadline(
  cm: CompiledMachine,
  target: CompiledState,
  instance: WorkflowInstance,
  mode: string,
  from: IsoDate | undefined,
  data: Record<string, unknown>,
  ctx: TransitionContext,
): { deadline: Deadline; dueAtMs: number } {
  const limit = target.limit ?? missingLimit(cm, target);
  const running = mode === 'resume' ? resumedLimit(limit, instance.events, ctx.calendar) : limit;
  // One literal with `from` always present (possibly undefined): two layouts deoptimized
  // `computeDeadline` when the first deadline from a given day reached it.
  return computeDeadline(running, { now: ctx.now, data, from }, ctx.calendar);
}

function missingLimit(cm: CompiledMachine, target: CompiledState): never {
  const step = target.step as string;
  throw new KernelError('UNKNOWN_LIMIT', `状态机 ${cm.id} 缺少期限 ${step}`, `Machine ${cm.id} has no limit ${step}`);
}

/** Follows `always` events the clock sends on entering a state; a refused one just stops the chain. */
function followAlways(cm: CompiledMachine, instance: WorkflowInstance, ctx: TransitionContext, effects: EffectSink): WorkflowInstance {
  return cm.states.get(instance.state)?.always === undefined ? instance : chainAlways(cm, instance, ctx, effects);
}

/** `followAlways` once the state entered has an `always` event (rare: out of the hot path). */
function chainAlways(cm: CompiledMachine, instance: WorkflowInstance, ctx: TransitionContext, effects: EffectSink): WorkflowInstance {
  let current = instance;
  for (let i = 0; i < MAX_ALWAYS_CHAIN; i++) {
    const always = cm.states.get(current.state)?.always;
    if (always === undefined) return current;
    const input: EventInput = { type: always, actor: CLOCK, payload: undefined };
    const chosen = select(cm, current, input, ctx);
    if (!chosen.ok) return current;
    current = enter(cm, current, chosen, input, current.state, ctx, effects, undefined, stepOf(current));
  }
  throw new KernelError('ALWAYS_LOOP', `状态机 ${cm.id} 的自动转换形成循环`, `Machine ${cm.id} loops through always-events`);
}

/**
 * The refusal an error thrown while taking `event` from `from` stands for. The calendar signals
 * unpublished years and bad dates with a stable code: they refuse the transition (nothing
 * changes); programming errors are thrown again.
 */
function calendarRefusal(err: unknown, from: string, event: string): TransitionResult {
  const code = (err as { code?: unknown } | null)?.code;
  if (err instanceof KernelError || typeof code !== 'string') throw err;
  const year = (err as { year?: unknown }).year;
  return { ok: false, error: { ...transitionError(code, from, event, [], year === undefined ? undefined : { year }), blocked: true } };
}

function guarded(from: string, event: string, run: () => TransitionResult): TransitionResult {
  try {
    return run();
  } catch (err) {
    return calendarRefusal(err, from, event);
  }
}

/**
 * The events `actor` may send to the instance now: its state takes them from the actor's role,
 * their guards pass and the state they enter can be entered (its deadline counted on the
 * calendar), payload requirements aside (the sender brings the payload). Each event is dry-run
 * without a payload: a guard marked `readsPayload` (`payloadGuard`) counts as passing, since a
 * payload may pass it; the built-in and other guards are evaluated on the instance and time.
 * This is what a refusal's `allowed` lists and what hosts offer (e.g. the mock's timelines), so
 * the two cannot disagree; it dry-runs each event, so call it for refusals and views, never
 * for every transition.
 *
 * @example
 * acceptedEvents(machine, instance, { role: 'registry' }, { now, calendar }); // ['accept', 'request_supplement', 'reject'] while submitted
 */
export function acceptedEvents(machine: MachineDefinition, instance: WorkflowInstance, actor: ActorRef, ctx: TransitionContext): string[] {
  const cm = compiledMachine(machine);
  const guards = dryRunGuards(ctx.guards);
  const dry: TransitionContext = guards === ctx.guards ? ctx : { now: ctx.now, calendar: ctx.calendar, guards };
  return indexOf(cm, instance.state).allowed.filter((type) => {
    const input: EventInput = { type, actor, payload: undefined };
    const chosen = choose(cm, instance, input, dry);
    // A calendar that cannot count the step entered refuses the event (`guarded`); nothing else is kept.
    return chosen.ok && guarded(instance.state, type, () => ({ ok: true, instance: enter(cm, instance, chosen, input, instance.state, dry, new EffectList(instance.id), undefined, stepOf(instance)), effects: [] })).ok;
  });
}

/**
 * The error of a refused event. Its `allowed` are the actor's `acceptedEvents` without the
 * refused event itself (refused for its payload, it is still not allowed as sent): computed here,
 * on refusal only, so accepted transitions never pay for the guards of the others.
 */
function refusalError(machine: MachineDefinition, instance: WorkflowInstance, input: EventInput, ctx: TransitionContext, refusal: Refusal): TransitionError {
  const allowed = acceptedEvents(machine, instance, input.actor, ctx).filter((type) => type !== input.type);
  return transitionError(refusal.code, instance.state, input.type, allowed, refusal.detail);
}

/**
 * The pure transition step: validates the event (state, actor, guard, required payload) and
 * returns the new instance with the effects for the interpreter, or the reason it was refused.
 * Terminal states refuse everything. Entering a state with a `step` computes its deadline and
 * asks for a timer; leaving it cancels the timer; a state with the same step keeps it running.
 *
 * @example
 * const r = transition(machine, instance, { type: 'accept', actor: { role: 'registry' } }, { now, calendar });
 * if (r.ok) instance = r.instance; else console.log(r.error.code, r.error.allowed);
 */
export function transition(
  machine: MachineDefinition,
  instance: WorkflowInstance,
  input: EventInput,
  ctx: TransitionContext,
): TransitionResult {
  return transitionInto(machine, instance, input, ctx, new EffectList(instance.id));
}

/**
 * `transition` with its effects put into `effects`, a sink for `instance` (the engine's queue), as
 * they arise; the result lists `effects.effects`. On a refusal, effects already put are the
 * caller's to drop.
 */
export function transitionInto(
  machine: MachineDefinition,
  instance: WorkflowInstance,
  input: EventInput,
  ctx: TransitionContext,
  effects: EffectSink,
): TransitionResult {
  // Not through `guarded`: a closure per transition, and every clock-driven event comes here.
  try {
    const cm = compiledMachine(machine);
    const chosen = select(cm, instance, input, ctx);
    if (!chosen.ok) return { ok: false, error: refusalError(machine, instance, input, ctx, chosen) };
    const next = enter(cm, instance, chosen, input, instance.state, ctx, effects, undefined, stepOf(instance));
    return { ok: true, instance: followAlways(cm, next, ctx, effects), effects: effects.effects };
  } catch (err) {
    return calendarRefusal(err, instance.state, input.type);
  }
}

/**
 * Options for `createInstance`.
 *
 * @example
 * const init: CreateInput = { id: 'rga_1', actor: { role: 'registrant' }, data: { type: 'initial' } };
 */
export interface CreateInput {
  id: string;
  actor: ActorRef;
  data?: Record<string, unknown>;
  payload?: Record<string, unknown>;
  /**
   * The day the initial state's clock starts from (default: the day of `now`; the start day is not
   * counted), e.g. the day a reported change took effect when the duty runs from it.
   */
  startedOn?: IsoDate;
}

/**
 * A new instance in the machine's initial state, with its first event (`from: null`).
 *
 * @example
 * const r = createInstance(machine, { id: 'rga_1', actor: { role: 'registrant' } }, { now, calendar });
 */
export function createInstance(machine: MachineDefinition, init: CreateInput, ctx: TransitionContext): TransitionResult {
  return createInstanceInto(machine, init, ctx, new EffectList(init.id));
}

/** `createInstance` with its effects put into `effects` (see `transitionInto`). */
export function createInstanceInto(machine: MachineDefinition, init: CreateInput, ctx: TransitionContext, effects: EffectSink): TransitionResult {
  try {
    const cm = compiledMachine(machine);
    const at = formatInstant(ctx.now);
    // The same literal as every later copy (`instanceWith`): one shape for all instances.
    const blank: WorkflowInstance = {
      id: init.id, machine: cm.id, state: cm.initial, createdAt: at, updatedAt: at,
      deadline: null, events: NO_EVENTS, data: { ...init.data }, timer: null,
    };
    const input: EventInput = { type: 'create', actor: init.actor, payload: init.payload ? init.payload : undefined };
    const entered = enter(cm, blank, creationOf(cm, blank, input, ctx), input, null, ctx, effects, init.startedOn, undefined);
    return { ok: true, instance: followAlways(cm, entered, ctx, effects), effects: effects.effects };
  } catch (err) {
    return calendarRefusal(err, machine.initial, 'create');
  }
}

/** The first of the machine's guarded creations whose guard passes on the new instance, else the plain one. */
function creationOf(cm: CompiledMachine, blank: WorkflowInstance, input: EventInput, ctx: TransitionContext): CompiledTransition {
  for (const t of cm.guardedCreations) if (evaluateGuard(t.guard as string, blank, input, ctx, ctx.guards)) return t;
  return cm.creation;
}

/** The data a creation's deadline reads when its input brings none (read only). */
const NO_DATA: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * The refusal `createInstance(machine, { id, ...init }, ctx)` would answer, or `undefined` when it
 * would create — without making the instance, its event or its effects (a host checks a create
 * before drawing its ids). A creation takes no guard and no role, so only the calendar refuses
 * one, counting the initial state's deadline: that deadline alone is computed (shared with the
 * creation that follows), unless the initial state has an `always` event, whose chain the whole
 * trial creation follows, or the machine guarded creations, whose guards it reads.
 *
 * @example
 * ```ts
 * const refusal = creationRefusal(machine, { actor: { role: 'registrant' } }, { now, calendar });
 * if (refusal) console.log(refusal.code); // e.g. CALENDAR_NOT_PUBLISHED
 * ```
 */
export function creationRefusal(machine: MachineDefinition, init: Omit<CreateInput, 'id'>, ctx: TransitionContext): TransitionError | undefined {
  const cm = compiledMachine(machine);
  const target = cm.states.get(cm.initial);
  if (target === undefined || target.always !== undefined || cm.guardedCreations.length > 0) return refusalOf(createInstance(machine, { ...init, id: 'dry_run' }, ctx));
  if (target.step === undefined) return undefined;
  try {
    // What `enter` computes for a creation: the state's limit from `startedOn` (or now), no mode.
    computeDeadline(target.limit ?? missingLimit(cm, target), { now: ctx.now, data: init.data ?? NO_DATA, from: init.startedOn }, ctx.calendar);
    return undefined;
  } catch (err) {
    return refusalOf(calendarRefusal(err, machine.initial, 'create'));
  }
}

function refusalOf(result: TransitionResult): TransitionError | undefined {
  return result.ok ? undefined : result.error;
}

/**
 * Applies a fired timer: `flag_overdue` marks the deadline overdue and records a
 * `deadline_overdue` event (the step is never approved by the clock); an `{ event }` expiry
 * sends that event as the clock, with the limit's `payload` if it names one (a refusal is
 * returned as such; the timer is spent either way).
 * A timer that is no longer the instance's current one is stale and yields `null`.
 *
 * @example
 * const r = fireTimer(machine, instance, instance.timer!.id, { now: instance.timer!.dueAt, calendar });
 */
export function fireTimer(
  machine: MachineDefinition,
  instance: WorkflowInstance,
  timerId: string,
  ctx: TransitionContext,
): TransitionResult | null {
  return fireTimerInto(machine, instance, timerId, ctx, new EffectList(instance.id));
}

/** `fireTimer` with its effects put into `effects` (see `transitionInto`). */
export function fireTimerInto(
  machine: MachineDefinition,
  instance: WorkflowInstance,
  timerId: string,
  ctx: TransitionContext,
  effects: EffectSink,
): TransitionResult | null {
  const timer = instance.timer;
  if (!timer || timer.id !== timerId) return null;
  if (timer.kind === 'event' && timer.event !== undefined) return fireEventTimer(machine, withoutTimer(instance), timer.step, timer.event, ctx, effects);
  const at = formatInstant(ctx.now);
  const deadline = instance.deadline ? overdueCopy(instance.deadline) : null;
  const event = workflowEvent(instance.events.length + 1, 'deadline_overdue', at, CLOCK, instance.state, instance.state, null, deadline, undefined, undefined);
  effects.emit(event);
  return {
    ok: true,
    // One copy with the timer spent, not a copy without the timer and a copy of that.
    instance: instanceWith(instance, instance.state, at, deadline, appended(instance.events, event), instance.data, null),
    effects: effects.effects,
  };
}

/**
 * `deadline` marked overdue, as a literal of the deadline's own field order: deadlines are frozen
 * and shared (`computeDeadline`), and a spread of a frozen object takes V8's slow clone path.
 */
function overdueCopy(d: Deadline): Deadline {
  return { step: d.step, limit: d.limit, unit: d.unit, startTrigger: d.startTrigger, startedOn: d.startedOn, dueDate: d.dueDate, dueAt: d.dueAt, overdue: true, basis: d.basis };
}

/** A timer's `{ event }` expiry: the event sent as the clock to the instance whose timer is spent, with the limit's payload if it names one. */
function fireEventTimer(machine: MachineDefinition, cleared: WorkflowInstance, step: string, event: string, ctx: TransitionContext, effects: EffectSink): TransitionResult {
  // The payload is read from the machine, not kept on the timer: snapshots stay as they were.
  const expiry = machine.limits?.[step]?.onExpiry;
  const payload = typeof expiry === 'object' && expiry.event === event ? expiry.payload : undefined;
  return transitionInto(machine, cleared, { type: event, actor: CLOCK, payload: payload ? { ...payload } : undefined }, ctx, effects);
}

/**
 * What a clock-driven event (a planned decision, a timer's `{ event }` expiry) that the calendar
 * blocked leaves behind: an `action_blocked` event in the instance's log, the state unchanged, so
 * that the refusal is seen on the timeline, the feed and webhooks instead of vanishing. Its
 * `reason` carries the refusal's code and message, `data` the blocked `action` and the
 * unpublished `year` when there is one.
 *
 * @example
 * const r = recordBlocked(instance, { type: 'accept', actor: { role: 'registry' } }, error, { now, calendar });
 * r.instance.events.at(-1)?.type; // 'action_blocked'
 */
export function recordBlocked(instance: WorkflowInstance, input: EventInput, error: TransitionError, ctx: TransitionContext): TransitionResult & { ok: true } {
  return recordBlockedInto(instance, input, error, ctx, new EffectList(instance.id));
}

/** `recordBlocked` with its effect put into `effects` (see `transitionInto`). */
export function recordBlockedInto(instance: WorkflowInstance, input: EventInput, error: TransitionError, ctx: TransitionContext, effects: EffectSink): TransitionResult & { ok: true } {
  const at = formatInstant(ctx.now);
  const year = error.detail?.['year'];
  const reason = { code: error.code, text: `${error.message.zh}${year === undefined ? '' : `（${String(year)} 年）`}。${error.message.en}${year === undefined ? '' : ` (${String(year)})`}.` };
  // The blocked action in `data` too: hosts that publish events without the machine's `event` name keep it.
  const data = year === undefined ? { action: input.type } : { action: input.type, year };
  const event = workflowEvent(instance.events.length + 1, 'action_blocked', at, input.actor, instance.state, instance.state, reason, instance.deadline, input.type, data);
  effects.emit(event);
  return {
    ok: true,
    instance: instanceWith(instance, instance.state, at, instance.deadline, appended(instance.events, event), instance.data, instance.timer),
    effects: effects.effects,
  };
}
