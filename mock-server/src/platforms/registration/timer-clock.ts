import { TimerHeap, type Clock, type ClockState, type TimerEntry } from '@gdx/kernel';

/**
 * The kernel clock of a registration engine, driven by the sandbox: `now()` reads the sandbox
 * clock (which the sandbox sets to each timer's due time before firing), and `nextDueAt()` lets
 * the sandbox interleave this platform's timers with the other platforms' in due-time order.
 *
 * @example
 * ```ts
 * const clock = new SandboxTimerClock(() => sandbox.now());
 * const engine = new WorkflowEngine({ machines, calendar: sandbox.calendar, clock });
 * clock.nextDueAt(); // epoch ms of the earliest pending timer, or undefined
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
    // Lazy deletion: the heap entry is dropped when it surfaces.
    this.#live.delete(id);
  }

  pending(): number {
    return this.#live.size;
  }

  /** The earliest live timer's due time. */
  nextDueAt(): number | undefined {
    for (let top = this.#heap.peek(); top; top = this.#heap.peek()) {
      if (this.#live.get(top.id) === top) return top.dueAt;
      this.#heap.pop();
    }
    return undefined;
  }

  advanceTo(instant: number, onTimer: (timer: TimerEntry) => void): number {
    let fired = 0;
    for (let due = this.nextDueAt(); due !== undefined && due <= instant; due = this.nextDueAt()) {
      const timer = this.#heap.pop() as TimerEntry;
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

  /** Loads timers; `state.now` is ignored (time belongs to the sandbox). */
  load(state: ClockState): void {
    this.#heap.clear();
    this.#live.clear();
    this.#nextSeq = state.nextSeq;
    for (const t of state.timers) this.schedule(t.id, t.dueAt, t.ref, t.seq);
  }
}
