import { TimerHeap, type Clock, type ClockState, type TimerEntry } from '@gdx/kernel';

/**
 * A kernel `Clock` that reads the sandbox clock and lets the sandbox ask for its earliest timer.
 * The sandbox, not this clock, decides when time moves: it calls the platform's `fireDue` with
 * its clock set to the due time, which calls `advanceTo(now)` here. Timers live in a min-heap
 * with lazy cancellation, so `nextDueAt` is O(1) amortised and an advance costs per timer fired.
 *
 * @example
 * ```ts
 * const clock = new SandboxTimerClock(() => sandbox.now());
 * const engine = new WorkflowEngine({ machines, calendar, clock });
 * clock.nextDueAt(); // earliest pending deadline or planned decision, or undefined
 * ```
 */
export class SandboxTimerClock implements Clock {
  readonly mode = 'virtual' as const;
  readonly #now: () => number;
  readonly #heap = new TimerHeap();
  readonly #live = new Map<string, TimerEntry>();
  #nextSeq = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  now(): number {
    return this.#now();
  }

  schedule(id: string, dueAt: number, ref: string, seq?: number): TimerEntry {
    const entry: TimerEntry = { id, dueAt, ref, seq: seq ?? this.#nextSeq };
    this.#nextSeq = Math.max(this.#nextSeq, entry.seq + 1);
    this.#live.set(id, entry);
    this.#heap.push(entry);
    return entry;
  }

  cancel(id: string): void {
    this.#live.delete(id);
  }

  pending(): number {
    return this.#live.size;
  }

  /** The due time of the earliest live timer. */
  nextDueAt(): number | undefined {
    return this.#peekLive()?.dueAt;
  }

  advanceTo(instant: number, onTimer: (timer: TimerEntry) => void): number {
    let fired = 0;
    for (let timer = this.#peekLive(); timer && timer.dueAt <= instant; timer = this.#peekLive()) {
      this.#heap.pop();
      this.#live.delete(timer.id);
      onTimer(timer);
      fired += 1;
    }
    return fired;
  }

  state(): ClockState {
    const timers = [...this.#live.values()].sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
    return { now: this.now(), nextSeq: this.#nextSeq, timers };
  }

  /** Restores the timers; `state.now` is ignored because time belongs to the sandbox. */
  load(state: ClockState): void {
    this.#heap.clear();
    this.#live.clear();
    this.#nextSeq = state.nextSeq;
    for (const t of state.timers) this.schedule(t.id, t.dueAt, t.ref, t.seq);
  }

  /** Drops cancelled or replaced entries from the top of the heap. */
  #peekLive(): TimerEntry | undefined {
    for (let top = this.#heap.peek(); top; top = this.#heap.peek()) {
      if (this.#live.get(top.id) === top) return top;
      this.#heap.pop();
    }
    return undefined;
  }
}
