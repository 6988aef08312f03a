import { KernelError } from './kernel-error.js';
import { TimerHeap, type TimerEntry } from './timer-heap.js';

/**
 * The serialisable state of a clock's timer queue.
 *
 * @example
 * const s: ClockState = { now: 0, nextSeq: 1, timers: [{ id: 't', dueAt: 5, seq: 0, ref: 'x' }] };
 */
export interface ClockState {
  now: number;
  nextSeq: number;
  timers: TimerEntry[];
}

/**
 * What the interpreter needs from a clock. Two implementations: `VirtualClock` (simulated
 * time, moved only by `advanceTo`) and `RealTimeClock` (reads an injected `now()` source).
 * Neither uses `setTimeout`: the host decides when to call `advanceTo`.
 *
 * @example
 * const clock: Clock = new VirtualClock(Date.parse('2025-09-26T02:00:00Z'));
 */
export interface Clock {
  readonly mode: 'virtual' | 'realtime';
  now(): number;
  /** Queue a timer; an existing timer with the same id is replaced. */
  schedule(id: string, dueAt: number, ref: string, seq?: number): TimerEntry;
  cancel(id: string): void;
  /** Fire every timer due at or before `instant`, in (dueAt, seq) order; timers scheduled by a callback fire in the same call when due. */
  advanceTo(instant: number, onTimer: (timer: TimerEntry) => void): number;
  pending(): number;
  /** Due time of the earliest live timer, or `undefined` (lets a host merge several clocks in due order). */
  nextDueAt(): number | undefined;
  state(): ClockState;
  load(state: ClockState): void;
}

/**
 * A timer as `ClockState` keeps it: without the owner's `owner` (which may point back at the
 * owner's objects, so that the state would not be plain JSON).
 *
 * @example
 * clock.state().timers; // [{ id: 't', dueAt: 5, seq: 0, ref: 'x' }]
 */
export function plainTimer(timer: TimerEntry): TimerEntry {
  return { id: timer.id, dueAt: timer.dueAt, seq: timer.seq, ref: timer.ref };
}

/** The heap, lazy cancellation and ordering shared by both clocks. */
abstract class TimerQueue {
  abstract readonly mode: 'virtual' | 'realtime';
  private readonly heap = new TimerHeap();
  private readonly live = new Map<string, TimerEntry>();
  private nextSeq = 0;

  abstract now(): number;

  schedule(id: string, dueAt: number, ref: string, seq?: number): TimerEntry {
    const entry: TimerEntry = { id, dueAt, ref, seq: seq ?? this.nextSeq, owner: undefined };
    this.nextSeq = Math.max(this.nextSeq, entry.seq + 1);
    this.live.set(id, entry);
    this.heap.push(entry);
    return entry;
  }

  cancel(id: string): void {
    // Lazy deletion: the heap entry stays and is skipped when it surfaces.
    this.live.delete(id);
  }

  pending(): number {
    return this.live.size;
  }

  nextDueAt(): number | undefined {
    for (let top = this.heap.peek(); top; top = this.heap.peek()) {
      if (this.live.get(top.id) === top) return top.dueAt;
      this.heap.pop(); // a cancelled or replaced entry surfacing: drop it now
    }
    return undefined;
  }

  /** Pops the next live timer due at or before `instant`. */
  protected popDue(instant: number): TimerEntry | undefined {
    for (;;) {
      const top = this.heap.peek();
      if (top === undefined || top.dueAt > instant) return undefined;
      this.heap.pop();
      if (this.live.get(top.id) === top) {
        this.live.delete(top.id);
        return top;
      }
    }
  }

  protected fireDue(instant: number, onTimer: (timer: TimerEntry) => void, beforeFire: (t: TimerEntry) => void): number {
    let fired = 0;
    for (let timer = this.popDue(instant); timer; timer = this.popDue(instant)) {
      beforeFire(timer);
      onTimer(timer);
      fired++;
    }
    return fired;
  }

  state(): ClockState {
    const timers = [...this.live.values()].sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
    return { now: this.now(), nextSeq: this.nextSeq, timers: timers.map(plainTimer) };
  }

  protected loadTimers(state: ClockState): void {
    this.heap.clear();
    this.live.clear();
    this.nextSeq = state.nextSeq;
    for (const t of state.timers) this.schedule(t.id, t.dueAt, t.ref, t.seq);
  }
}

/**
 * Simulated time: `now()` only moves through `advanceTo` / `advanceBy`. While firing, `now()`
 * equals the due time of the timer being fired.
 *
 * @example
 * const clock = new VirtualClock(0);
 * clock.schedule('a', 10, 'x');
 * clock.advanceBy({ ms: 20 }, (t) => console.log(t.id, clock.now())); // a 10
 * clock.now(); // 20
 */
export class VirtualClock extends TimerQueue implements Clock {
  readonly mode = 'virtual' as const;
  private current: number;

  constructor(start: number) {
    super();
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  advanceTo(instant: number, onTimer: (timer: TimerEntry) => void): number {
    if (instant < this.current) {
      throw new KernelError('CLOCK_BACKWARDS', '模拟时钟不能回拨', 'A virtual clock cannot move backwards');
    }
    const fired = this.fireDue(instant, onTimer, (t) => {
      this.current = Math.max(this.current, t.dueAt);
    });
    this.current = instant;
    return fired;
  }

  advanceBy(by: { ms: number }, onTimer: (timer: TimerEntry) => void): number {
    return this.advanceTo(this.current + by.ms, onTimer);
  }

  load(state: ClockState): void {
    this.current = state.now;
    this.loadTimers(state);
  }
}

/**
 * Time from an injected source (e.g. `Date.now`); `advanceTo` fires what is due at the given
 * instant, default the source's now. The host calls it when it likes (on each request, on an interval).
 *
 * @example
 * const clock = new RealTimeClock(() => Date.now());
 * clock.advanceTo(clock.now(), (t) => engineFire(t));
 */
export class RealTimeClock extends TimerQueue implements Clock {
  readonly mode = 'realtime' as const;

  constructor(private readonly source: () => number) {
    super();
  }

  now(): number {
    return this.source();
  }

  advanceTo(instant: number, onTimer: (timer: TimerEntry) => void): number {
    return this.fireDue(instant, onTimer, () => {});
  }

  /** `now` in the state is informational: a real-time clock keeps reading its source. */
  load(state: ClockState): void {
    this.loadTimers(state);
  }
}
