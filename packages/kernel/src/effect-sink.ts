import { actionEffect, cancelEffect, emitEffect, scheduleEffect } from './shapes.js';
import type { Effect, PendingTimer, WorkflowEvent } from './types.js';

/**
 * Where a transition puts what it asks of the interpreter (cancel or queue a timer, tell
 * subscribers, run an action), in order. Every effect of one transition concerns its own
 * instance, so the sink is made for that instance and no effect names it. The pure functions
 * answer the effects as `Effect` objects (`EffectList`); the engine queues them in its own reused
 * buffer (`EffectQueue`) and runs them once the transition succeeded, with no `Effect` object or
 * array made per transition.
 */
export interface EffectSink {
  /** The effects as a transition's result lists them: the collected ones, or none when the sink runs them itself. */
  readonly effects: Effect[];
  cancel(timerId: string): void;
  schedule(timer: PendingTimer): void;
  emit(event: WorkflowEvent): void;
  action(name: string, event: WorkflowEvent): void;
}

/** Collects the effects of one transition of `instanceId` as the `Effect` objects `transition` and its siblings answer. */
export class EffectList implements EffectSink {
  readonly effects: Effect[] = [];

  constructor(private readonly instanceId: string) {}

  cancel(timerId: string): void {
    this.effects.push(cancelEffect(this.instanceId, timerId));
  }

  schedule(timer: PendingTimer): void {
    this.effects.push(scheduleEffect(this.instanceId, timer));
  }

  emit(event: WorkflowEvent): void {
    this.effects.push(emitEffect(this.instanceId, event));
  }

  action(name: string, event: WorkflowEvent): void {
    this.effects.push(actionEffect(this.instanceId, name, event));
  }
}

/** The kinds of queued effects (`EffectQueue.kind`). */
export const QUEUED = { cancel: 0, schedule: 1, emit: 2, action: 3 } as const;

/** The effects `EffectQueue` has room for before its arrays grow: a few per transition, times the deepest nesting of transitions started from effects. */
const QUEUE_ROOM = 64;

/** A result's effect list when the engine ran them itself: empty, shared, never written to. */
const RUN_BY_ENGINE: Effect[] = [];

/**
 * The engine's effects, queued in three parallel arrays reused by every transition: a kind, the
 * effect's subject (the timer id, the timer, or the event) and an action's name. Every effect of
 * one transition concerns its instance, so no instance id is kept. A transition's effects sit
 * from a mark (the length when it began) to the end; the engine runs them, then truncates back to
 * the mark. An action run there may transition another instance: its effects are queued after
 * the end, run and truncated by its own commit, so the queue works as a stack.
 *
 * Truncating only moves `length`: the slots above it keep their timers and events until a later
 * transition overwrites them. That is bounded (the most effects ever queued at once: a few per
 * transition, times the depth of transitions started from effects) and holds objects the
 * instances mostly hold anyway (their timer, their events), so the slots are not cleared (a
 * write per effect on every commit for no memory worth having back).
 */
export class EffectQueue implements EffectSink {
  readonly effects: Effect[] = RUN_BY_ENGINE;
  /*
   * Made with room for `QUEUE_ROOM` effects, so that `put` stores within bounds: grown from empty,
   * the arrays grew again in a clock advance when an action first transitioned another instance
   * from inside a commit (deeper than any creation had queued), and `put`, optimized on stores
   * within bounds, was deoptimized there ("out of bounds").
   */
  readonly kind: number[] = new Array<number>(QUEUE_ROOM).fill(0);
  readonly subject: unknown[] = new Array<unknown>(QUEUE_ROOM).fill(undefined);
  readonly name: (string | undefined)[] = new Array<string | undefined>(QUEUE_ROOM).fill(undefined);
  length = 0;

  private put(kind: number, subject: unknown, name: string | undefined): void {
    const n = this.length;
    this.kind[n] = kind;
    this.subject[n] = subject;
    this.name[n] = name;
    this.length = n + 1;
  }

  cancel(timerId: string): void {
    this.put(QUEUED.cancel, timerId, undefined);
  }

  schedule(timer: PendingTimer): void {
    this.put(QUEUED.schedule, timer, undefined);
  }

  emit(event: WorkflowEvent): void {
    this.put(QUEUED.emit, event, undefined);
  }

  action(name: string, event: WorkflowEvent): void {
    this.put(QUEUED.action, event, name);
  }

  /** The queued effects from `mark` to the end as `Effect` objects, for an answer that lists them. */
  listed(mark: number, instanceId: string): Effect[] {
    // Sized exactly: a list grown by `push` from empty keeps 17 slots for the two or three effects.
    const out = new Array<Effect>(this.length - mark);
    for (let i = mark; i < this.length; i += 1) out[i - mark] = this.effectAt(i, instanceId);
    return out;
  }

  private effectAt(i: number, instanceId: string): Effect {
    const subject = this.subject[i];
    switch (this.kind[i]) {
      case QUEUED.cancel:
        return cancelEffect(instanceId, subject as string);
      case QUEUED.schedule:
        return scheduleEffect(instanceId, subject as PendingTimer);
      case QUEUED.emit:
        return emitEffect(instanceId, subject as WorkflowEvent);
      default:
        return actionEffect(instanceId, this.name[i] as string, subject as WorkflowEvent);
    }
  }
}
