import { TimerHeap, plainTimer, type Clock, type ClockState, type TimerEntry } from '@gdx/kernel';

/**
 * Whether a queued timer is still live: its owner's state says so (see `WorkflowEngine.isCurrent`).
 */
export type TimerIsCurrent = (timer: TimerEntry) => boolean;

/**
 * A kernel `Clock` that reads the sandbox clock and lets the sandbox ask for its earliest timer.
 * The sandbox, not this clock, decides when time moves: it calls the platform's `fireDue` with
 * its clock set to the due time, which calls `advanceTo(now)` here. Timers live in a min-heap
 * with lazy cancellation, so `nextDueAt` is O(1) amortised and an advance costs per timer fired.
 *
 * The clock keeps no index of live timers: `cancel` does nothing, and an entry is live while its
 * owner says it is current, so a cancelled or replaced entry is dropped when it surfaces. An entry
 * the engine stamped (`TimerEntry.owner`) says so itself (`null` once dropped); any other is asked
 * of the owner (`isCurrent`, the engine's own record of planned dispatches and instance timers).
 * A `Map` of live timers by id (a set, a delete and a lookup per timer) was a tenth of a year's
 * clock advance.
 *
 * @example
 * ```ts
 * const clock = new SandboxTimerClock(() => sandbox.now(), (timer) => engine.isCurrent(timer));
 * const engine = new WorkflowEngine({ machines, calendar, clock });
 * clock.nextDueAt(); // earliest pending deadline or planned decision, or undefined
 * ```
 */
export class SandboxTimerClock implements Clock {
  readonly mode = 'virtual' as const;
  readonly #now: () => number;
  readonly #isCurrent: TimerIsCurrent;
  readonly #heap = new TimerHeap();
  /**
   * The heap's top when it was last found current, so the sandbox's `nextDueAt` and the firing
   * that follows ask the owner once per timer, not twice. Forgotten on every push, pop and cancel
   * (nothing else changes whether an entry is current).
   */
  #currentTop: TimerEntry | undefined;
  #nextSeq = 0;

  constructor(now: () => number, isCurrent: TimerIsCurrent) {
    this.#now = now;
    this.#isCurrent = isCurrent;
  }

  now(): number {
    return this.#now();
  }

  schedule(id: string, dueAt: number, ref: string, seq?: number): TimerEntry {
    const entry: TimerEntry = { id, dueAt, ref, seq: seq ?? this.#nextSeq, owner: undefined };
    this.#nextSeq = Math.max(this.#nextSeq, entry.seq + 1);
    this.#heap.push(entry);
    this.#currentTop = undefined;
    return entry;
  }

  /** The owner no longer calls the timer current, so it is dropped when it surfaces; only the remembered top is forgotten. */
  cancel(): void {
    this.#currentTop = undefined;
  }

  /** Counts the live entries (a scan: nothing on the hot path asks). */
  pending(): number {
    return this.#liveEntries().length;
  }

  /** The due time of the earliest live timer. */
  nextDueAt(): number | undefined {
    return this.#peekLive()?.dueAt;
  }

  advanceTo(instant: number, onTimer: (timer: TimerEntry) => void): number {
    let fired = 0;
    for (let timer = this.#peekLive(); timer && timer.dueAt <= instant; timer = this.#peekLive()) {
      this.#heap.pop();
      this.#currentTop = undefined;
      onTimer(timer);
      fired += 1;
    }
    return fired;
  }

  state(): ClockState {
    const timers = this.#liveEntries().sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq).map(plainTimer);
    return { now: this.now(), nextSeq: this.#nextSeq, timers };
  }

  /** Restores the timers; `state.now` is ignored because time belongs to the sandbox. */
  load(state: ClockState): void {
    this.#heap.clear();
    this.#currentTop = undefined;
    this.#nextSeq = state.nextSeq;
    for (const t of state.timers) this.schedule(t.id, t.dueAt, t.ref, t.seq);
  }

  #liveEntries(): TimerEntry[] {
    return this.#heap.entries().filter(this.#isCurrent);
  }

  /** Drops cancelled or replaced entries from the top of the heap. */
  #peekLive(): TimerEntry | undefined {
    for (let top = this.#heap.peek(); top; top = this.#heap.peek()) {
      if (top === this.#currentTop) return top;
      // An entry whose owner named itself (`TimerEntry.owner`) says on itself whether it is live:
      // the owner is not asked (the engine's answer would be the same field read, two calls away).
      const owner = top.owner;
      if (owner === undefined ? this.#isCurrent(top) : owner !== null) return (this.#currentTop = top);
      this.#heap.pop();
    }
    return undefined;
  }
}
