import type { ActorRef, Deadline, Effect, PendingTimer, Reason, WorkflowEvent } from './types.js';

/*
 * One constructor per kind of object the transition path makes, each writing every field in one
 * order. V8 optimizes a function for the object shapes it has seen at each property read; a shape
 * first seen later (an event with `data`, an event timer after overdue ones, an `action` effect
 * once the year's registrations begin) throws the optimized code away and compiles it again. An
 * optional field is therefore written as `undefined` rather than left out: `JSON.stringify`
 * leaves `undefined` fields out, so snapshots, the feed and answers read exactly as before.
 */

/** The clock as an actor. `organizationId` is written (`undefined`, left out of JSON) so that it has the shape of the hosts' actors. */
export const CLOCK: ActorRef = { role: 'clock', organizationId: undefined };

/**
 * A pending timer. `seq` is stamped by the interpreter once the clock has queued it (after the
 * other fields, so that a snapshot lists it last, as it always did).
 */
export function pendingTimer(id: string, dueAt: number, step: string, kind: PendingTimer['kind'], event: string | undefined): PendingTimer {
  return { id, dueAt, step, kind, event, seq: undefined };
}

/**
 * `'#0'`…`'#63'`, spelled once. A timer id of 13 characters or more is a V8 cons string, one per
 * concatenation: `${id}#${seq}` made two (64 bytes), kept by the instance's timer and so copied by
 * the scavenger twice; `id + SEQ_SUFFIXES[seq]` makes one (32 bytes).
 */
const SEQ_SUFFIXES: readonly string[] = Array.from({ length: 64 }, (_, seq) => `#${seq}`);

/**
 * The id of the timer an instance's `seq`-th event starts: `<instanceId>#<seq>`.
 *
 * @example
 * timerId('rga_1', 3); // 'rga_1#3'
 */
export function timerId(instanceId: string, seq: number): string {
  return seq < SEQ_SUFFIXES.length ? instanceId + (SEQ_SUFFIXES[seq] as string) : `${instanceId}#${seq}`;
}

/** An event of an instance's log; `event` (the machine's event name) and `data` (the payload) may be `undefined`. */
export function workflowEvent(
  seq: number,
  type: string,
  at: string,
  actor: ActorRef,
  from: string | null,
  to: string | null,
  reason: Reason | null,
  deadline: Deadline | null,
  event: string | undefined,
  data: Record<string, unknown> | undefined,
): WorkflowEvent {
  return { seq, type, at, actor, from, to, reason, deadline, event, data };
}

/** An effect of any kind: the fields of the other kinds are `undefined` (in an order that lists each kind's fields as its own literal did). */
function effect(
  type: Effect['type'],
  instanceId: string,
  timerId: string | undefined,
  timer: PendingTimer | undefined,
  name: string | undefined,
  event: WorkflowEvent | undefined,
): Effect {
  return { type, instanceId, timerId, timer, name, event } as Effect;
}

/** Ask the interpreter to cancel a timer. */
export function cancelEffect(instanceId: string, timerId: string): Effect {
  return effect('cancel', instanceId, timerId, undefined, undefined, undefined);
}

/** Ask the interpreter to queue a timer. */
export function scheduleEffect(instanceId: string, timer: PendingTimer): Effect {
  return effect('schedule', instanceId, undefined, timer, undefined, undefined);
}

/** Ask the interpreter to tell subscribers about an event. */
export function emitEffect(instanceId: string, event: WorkflowEvent): Effect {
  return effect('emit', instanceId, undefined, undefined, undefined, event);
}

/** Ask the interpreter to run a named action after the transition. */
export function actionEffect(instanceId: string, name: string, event: WorkflowEvent): Effect {
  return effect('action', instanceId, undefined, undefined, name, event);
}
