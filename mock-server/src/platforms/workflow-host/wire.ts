import type { ActorRef, Deadline, Reason, WorkflowEvent, WorkflowInstance } from '@gdx/kernel';
import { copyJson } from '../../app/copy-json.js';
import type { EventWire } from '../../app/platform-module.js';

/** The OpenAPI `Actor`: a role and the acting organisation (`null` for the clock and outsiders). */
export interface WireActor {
  role: string;
  organizationId: string | null;
}

/** The OpenAPI `WorkflowEvent` (a type alias, so it fits the feed's open record type). */
export type WireEvent = {
  seq: number;
  type: string;
  at: string;
  actor: WireActor;
  from: string | null;
  to: string | null;
  reason: Reason | null;
  deadline: Deadline | null;
  data?: Record<string, unknown>;
};

/** Renames of kernel step ids to the step names of a platform's contract (e.g. `review` → `joint_review`). */
export type StepNames = Readonly<Record<string, string>>;

/**
 * How one machine's events and deadlines read on the wire, where the contract differs from the
 * kernel: step names, event types (e.g. `supplement_requested` for a transition the machine
 * records as `state_changed`) and the `startTrigger` of a deadline a transition started.
 */
export interface WireMapping {
  steps?: StepNames;
  /** The contract's event type; answer `undefined` to keep the kernel's. */
  eventType?(event: WorkflowEvent): string | undefined;
  /** The `startTrigger` of the deadline this event started; `undefined` keeps the machine's. */
  startTrigger?(event: WorkflowEvent): string | undefined;
}

/**
 * A kernel deadline as the contract shows it: the step renamed where the contract names it
 * differently, and the start trigger of the event that started it where the mapping says so.
 *
 * @example
 * ```ts
 * wireDeadline(instance.deadline, { steps: { review: 'joint_review' } })?.step; // 'joint_review'
 * ```
 */
export function wireDeadline(deadline: Deadline | null, mapping: WireMapping = {}, started?: WorkflowEvent): Deadline | null {
  if (!deadline) return null;
  const trigger = started ? mapping.startTrigger?.(started) : undefined;
  // Field by field in the kernel's order (the same JSON as a spread, at a fraction of its cost: every published event has one).
  return {
    step: mapping.steps?.[deadline.step] ?? deadline.step,
    limit: deadline.limit,
    unit: deadline.unit,
    startTrigger: trigger || deadline.startTrigger,
    startedOn: deadline.startedOn,
    dueDate: deadline.dueDate,
    dueAt: deadline.dueAt,
    overdue: deadline.overdue,
    basis: deadline.basis,
  };
}

/**
 * The current deadline of an instance as the contract shows it (its start trigger is the one of
 * the transition that started it).
 *
 * @example
 * ```ts
 * instanceDeadline(instance, mapping)?.startTrigger; // 'resubmitted' after a 补正, 'renewed' after a 续展
 * ```
 */
export function instanceDeadline(instance: WorkflowInstance, mapping: WireMapping = {}): Deadline | null {
  const d = instance.deadline;
  if (!d) return null;
  const trigger = mapping.startTrigger;
  // The latest event that started this deadline (its step, from its start day): a change of
  // state, or a self-transition the mapping names a trigger for (a renewal); not an overdue flag
  // or a revised estimate on the way (a revision keeps the start, and so its trigger).
  // Searched from the end in place: every view of an object with a trigger mapping asks, the
  // create's answer included, and a copy of its events per view bought nothing.
  const started = trigger
    ? instance.events.findLast((e) => e.deadline?.step === d.step && e.deadline.startedOn === d.startedOn && (e.from !== e.to || trigger(e) !== undefined))
    : undefined;
  return wireDeadline(d, mapping, started);
}

/**
 * The actor of an event on the wire: exactly `role` and `organizationId`.
 *
 * @example
 * ```ts
 * wireActor({ role: 'clock' }); // { role: 'clock', organizationId: null }
 * ```
 */
export function wireActor(actor: ActorRef): WireActor {
  return { role: actor.role, organizationId: typeof actor.organizationId === 'string' ? actor.organizationId : null };
}

/**
 * A kernel event as the contract's `WorkflowEvent` (the machine event name stays internal;
 * the payload as sent is kept in `data`).
 *
 * @example
 * ```ts
 * instance.events.map((e) => wireEvent(e, mapping));
 * ```
 */
export function wireEvent(event: WorkflowEvent, mapping: WireMapping = {}): WireEvent {
  return {
    seq: event.seq,
    type: mapping.eventType?.(event) ?? event.type,
    at: event.at,
    actor: wireActor(event.actor),
    from: event.from,
    to: event.to,
    reason: event.reason ? { ...(event.reason.code !== undefined ? { code: event.reason.code } : {}), text: event.reason.text } : null,
    deadline: wireDeadline(event.deadline, mapping, event),
    // The payload as sent is JSON (a request body, or an official's plan): a walk copies it several times cheaper than structuredClone.
    ...(event.data ? { data: copyJson(event.data) } : {}),
  };
}

/**
 * How the feed makes the wire form of a machine's kernel events when it first reads them
 * (`SandboxEventInput.wire`): the kernel event stays in the object's log, so the feed keeps it,
 * not a copy. The mapping reads only the event, so a later rendering is the JSON an immediate one was.
 *
 * @example
 * ```ts
 * eventWire(mapping).render(instance.events[0]); // the same as wireEvent(instance.events[0], mapping)
 * ```
 */
export function eventWire(mapping: WireMapping): EventWire {
  return new MachineEventWire(mapping);
}

/**
 * `eventWire`'s renderer: one class, so the feed's call of `type` for every event appended has one
 * target whatever the machine (a closure per machine made it a new target, and deoptimized the
 * feed's append, when a machine's first event came in a later phase of a clock advance).
 */
class MachineEventWire implements EventWire {
  readonly #mapping: WireMapping;

  constructor(mapping: WireMapping) {
    this.#mapping = mapping;
  }

  type(e: Readonly<Record<string, unknown>>): string {
    const event = e as unknown as WorkflowEvent;
    return this.#mapping.eventType?.(event) ?? event.type;
  }

  render(e: Readonly<Record<string, unknown>>): WireEvent {
    return wireEvent(e as unknown as WorkflowEvent, this.#mapping);
  }
}

/**
 * Written reasons as the contract's `Reason[]` (strings become `{ text }`).
 *
 * @example
 * ```ts
 * toReasons(['材料不全', { code: 'X', text: '超出场景' }]); // [{ text: '材料不全' }, { code: 'X', text: '超出场景' }]
 * ```
 */
export function toReasons(value: unknown): Reason[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((r): Reason[] => {
    if (typeof r === 'string') return r === '' ? [] : [{ text: r }];
    if (r && typeof r === 'object' && typeof (r as Reason).text === 'string') {
      const { code, text } = r as Reason;
      return [{ ...(typeof code === 'string' ? { code } : {}), text }];
    }
    return [];
  });
}
