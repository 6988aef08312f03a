import { computeDeadline, resumedLimit } from './deadline.js';
import { dryRunGuards, evaluateGuard } from './guards.js';
import { KernelError } from './kernel-error.js';
import { formatInstant } from './shanghai-time.js';
import { missingCode, transitionError } from './transition-errors.js';
import { stateIndex } from './transition-index.js';
import { appended, updated } from './instance-update.js';
import type {
  ActorRef,
  Effect,
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

const CLOCK: ActorRef = { role: 'clock' };
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

/** The transition that takes the event from the instance's state for its actor and guards (payload aside), or why none does. */
function choose(
  machine: MachineDefinition,
  instance: WorkflowInstance,
  input: EventInput,
  ctx: TransitionContext,
): { ok: true; t: TransitionDefinition } | Refusal {
  const candidates = stateIndex(machine, instance.state).byEvent.get(input.type);
  if (candidates === undefined) return { ok: false, code: 'ILLEGAL_TRANSITION' };
  let first: TransitionDefinition | undefined;
  for (const t of candidates) {
    if (!t.by.includes(input.actor.role)) continue;
    first ??= t;
    if (t.guard === undefined || evaluateGuard(t.guard, instance, input, ctx, ctx.guards)) return { ok: true, t };
  }
  if (first === undefined) return { ok: false, code: 'ACTOR_NOT_ALLOWED', detail: { roles: [...new Set(candidates.flatMap((t) => t.by))] } };
  return { ok: false, code: first.guardError ?? 'GUARD_REJECTED', detail: { guard: first.guard } };
}

/** `choose`, then the payload the chosen transition requires. */
function select(
  machine: MachineDefinition,
  instance: WorkflowInstance,
  input: EventInput,
  ctx: TransitionContext,
): { ok: true; t: TransitionDefinition } | Refusal {
  const chosen = choose(machine, instance, input, ctx);
  if (!chosen.ok) return chosen;
  const missing = chosen.t.requires?.find((key) => !isPresent(input.payload?.[key]));
  return missing === undefined ? chosen : { ok: false, code: missingCode(missing), detail: { missing } };
}

/** The event's reason from `payload.reasons` (strings or `{ code?, text }`): texts joined, the code kept when there is one reason. */
function reasonOf(payload: Record<string, unknown> | undefined): Reason | null {
  if (payload === undefined) return null;
  const raw = payload['reasons'] ?? payload['reason'];
  const list = (Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]).map((r): Reason =>
    typeof r === 'object' && r !== null && 'text' in r ? (r as Reason) : { text: String(r) },
  );
  const [only] = list;
  if (only === undefined) return null;
  if (list.length === 1) return only.code === undefined ? { text: only.text } : { code: only.code, text: only.text };
  return { text: list.map((r) => r.text).join('；') };
}

function hasFields(payload: Record<string, unknown>): boolean {
  for (const key in payload) if (Object.hasOwn(payload, key)) return true;
  return false;
}

function pick(payload: Record<string, unknown> | undefined, keys: string[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys ?? []) if (payload && key in payload) out[key] = payload[key];
  return out;
}

/** Enters `to` (from `instance.state`, or from nothing when creating) and records the event. */
function enter(
  machine: MachineDefinition,
  instance: WorkflowInstance,
  t: Pick<TransitionDefinition, 'to' | 'eventType' | 'set' | 'assign' | 'deadline' | 'actions'>,
  input: EventInput,
  from: string | null,
  ctx: TransitionContext,
  effects: Effect[],
  startedOn?: IsoDate,
): WorkflowInstance {
  const target = machine.states[t.to];
  if (!target) throw new KernelError('UNKNOWN_STATE', `状态机 ${machine.id} 没有状态 ${t.to}`, `Machine ${machine.id} has no state ${t.to}`);
  // Instances are immutable: a transition that sets nothing shares the previous data object.
  const data = t.set === undefined && t.assign === undefined ? instance.data : { ...instance.data, ...t.set, ...pick(input.payload, t.assign) };
  const seq = instance.events.length + 1;
  const mode = t.deadline ?? 'keep';
  let { deadline, timer } = instance;
  if (target.step === undefined || deadline?.step !== target.step || mode !== 'keep') {
    if (timer) effects.push({ type: 'cancel', instanceId: instance.id, timerId: timer.id });
    const previousDue = deadline?.step === target.step ? deadline?.dueDate : undefined;
    deadline = null;
    timer = null;
    if (target.step !== undefined && mode !== 'clear') {
      const limit = machine.limits?.[target.step];
      if (!limit) throw new KernelError('UNKNOWN_LIMIT', `状态机 ${machine.id} 缺少期限 ${target.step}`, `Machine ${machine.id} has no limit ${target.step}`);
      const from = mode === 'extend' ? previousDue : startedOn;
      // The limit is copied only when its own id differs from the step's (a spread copy costs more than the rest of the deadline).
      const stepLimit = limit.id === target.step ? limit : { ...limit, id: target.step };
      const running = mode === 'resume' ? resumedLimit(stepLimit, instance.events, ctx.calendar) : stepLimit;
      // Two literals, not a spread of a conditional object: every timed transition starts a deadline.
      const computed = computeDeadline(running, from ? { now: ctx.now, data, from } : { now: ctx.now, data }, ctx.calendar);
      deadline = computed.deadline;
      const id = `${instance.id}#${seq}`;
      // Literals, not a spread of the kind: every timed transition makes one (same fields, same order).
      timer = limit.onExpiry === 'flag_overdue'
        ? { id, dueAt: computed.dueAtMs, step: target.step, kind: 'overdue' }
        : { id, dueAt: computed.dueAtMs, step: target.step, kind: 'event', event: limit.onExpiry.event };
      effects.push({ type: 'schedule', instanceId: instance.id, timer });
    }
  }
  const at = formatInstant(ctx.now);
  const event: WorkflowEvent = { seq, type: t.eventType ?? 'state_changed', at, actor: input.actor, from, to: t.to, reason: reasonOf(input.payload), deadline };
  // Added in place, in the order a spread gave them (the same JSON): spreading two conditional
  // objects into the literal built three objects per event and a slow copy.
  if (from !== null) event.event = input.type;
  if (input.payload !== undefined && hasFields(input.payload)) event.data = input.payload;
  effects.push({ type: 'emit', instanceId: instance.id, event });
  for (const name of t.actions ?? []) effects.push({ type: 'action', instanceId: instance.id, name, event });
  return updated(instance, { state: t.to, updatedAt: at, deadline, timer, data, events: appended(instance.events, event) });
}

/** Follows `always` events the clock sends on entering a state; a refused one just stops the chain. */
function followAlways(machine: MachineDefinition, instance: WorkflowInstance, ctx: TransitionContext, effects: Effect[]): WorkflowInstance {
  let current = instance;
  for (let i = 0; i < MAX_ALWAYS_CHAIN; i++) {
    const always = machine.states[current.state]?.always;
    if (always === undefined) return current;
    const input: EventInput = { type: always, actor: CLOCK };
    const chosen = select(machine, current, input, ctx);
    if (!chosen.ok) return current;
    current = enter(machine, current, chosen.t, input, current.state, ctx, effects);
  }
  throw new KernelError('ALWAYS_LOOP', `状态机 ${machine.id} 的自动转换形成循环`, `Machine ${machine.id} loops through always-events`);
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
  const guards = dryRunGuards(ctx.guards);
  const dry: TransitionContext = guards === ctx.guards ? ctx : { ...ctx, guards };
  return stateIndex(machine, instance.state).allowed.filter((type) => {
    const input: EventInput = { type, actor };
    const chosen = choose(machine, instance, input, dry);
    // A calendar that cannot count the step entered refuses the event (`guarded`); nothing else is kept.
    return chosen.ok && guarded(instance.state, type, () => ({ ok: true, instance: enter(machine, instance, chosen.t, input, instance.state, dry, []), effects: [] })).ok;
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
  // Not through `guarded`: a closure per transition, and every clock-driven event comes here.
  try {
    const chosen = select(machine, instance, input, ctx);
    if (!chosen.ok) return { ok: false, error: refusalError(machine, instance, input, ctx, chosen) };
    const effects: Effect[] = [];
    const next = enter(machine, instance, chosen.t, input, instance.state, ctx, effects);
    return { ok: true, instance: followAlways(machine, next, ctx, effects), effects };
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
  try {
    const at = formatInstant(ctx.now);
    const blank: WorkflowInstance = {
      id: init.id, machine: machine.id, state: machine.initial, createdAt: at, updatedAt: at,
      deadline: null, events: [], data: { ...init.data }, timer: null,
    };
    const effects: Effect[] = [];
    const input: EventInput = init.payload ? { type: 'create', actor: init.actor, payload: init.payload } : { type: 'create', actor: init.actor };
    const entered = enter(machine, blank, { to: machine.initial }, input, null, ctx, effects, init.startedOn);
    return { ok: true, instance: followAlways(machine, entered, ctx, effects), effects };
  } catch (err) {
    return calendarRefusal(err, machine.initial, 'create');
  }
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
  const timer = instance.timer;
  if (!timer || timer.id !== timerId) return null;
  if (timer.kind === 'event' && timer.event !== undefined) {
    const cleared = updated(instance, { timer: null });
    // The payload is read from the machine, not kept on the timer: snapshots stay as they were.
    const expiry = machine.limits?.[timer.step]?.onExpiry;
    const payload = typeof expiry === 'object' && expiry.event === timer.event ? expiry.payload : undefined;
    return transition(machine, cleared, payload ? { type: timer.event, actor: CLOCK, payload: { ...payload } } : { type: timer.event, actor: CLOCK }, ctx);
  }
  const at = formatInstant(ctx.now);
  const deadline = instance.deadline ? { ...instance.deadline, overdue: true } : null;
  const event: WorkflowEvent = {
    seq: instance.events.length + 1, type: 'deadline_overdue', at, actor: CLOCK,
    from: instance.state, to: instance.state, reason: null, deadline,
  };
  return {
    ok: true,
    // One copy with the timer spent, not a copy without the timer and a copy of that.
    instance: updated(instance, { deadline, updatedAt: at, events: appended(instance.events, event), timer: null }),
    effects: [{ type: 'emit', instanceId: instance.id, event }],
  };
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
  const at = formatInstant(ctx.now);
  const year = error.detail?.['year'];
  const event: WorkflowEvent = {
    seq: instance.events.length + 1, type: 'action_blocked', at, actor: input.actor,
    from: instance.state, to: instance.state,
    reason: { code: error.code, text: `${error.message.zh}${year === undefined ? '' : `（${String(year)} 年）`}。${error.message.en}${year === undefined ? '' : ` (${String(year)})`}.` },
    deadline: instance.deadline, event: input.type,
  };
  // The blocked action in `data` too: hosts that publish events without the machine's `event` name keep it.
  event.data = year === undefined ? { action: input.type } : { action: input.type, year };
  return {
    ok: true,
    instance: updated(instance, { updatedAt: at, events: appended(instance.events, event) }),
    effects: [{ type: 'emit', instanceId: instance.id, event }],
  };
}
