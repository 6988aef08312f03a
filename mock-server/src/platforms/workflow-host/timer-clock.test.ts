import type { TimerEntry } from '@gdx/kernel';
import { describe, expect, it } from 'vitest';
import { SandboxTimerClock } from './timer-clock.js';

/** A clock whose entries are stamped live (`owner` set), as the engine stamps its own, and a way to drop one. */
function stampedClock() {
  // What the engine answers for its own entries (`pending` asks it of every entry).
  const clock = new SandboxTimerClock(() => 0, (timer) => timer.owner !== null && timer.owner !== undefined);
  const schedule = (id: string, dueAt: number): TimerEntry => {
    const entry = clock.schedule(id, dueAt, `ref-${id}`);
    entry.owner = { id };
    return entry;
  };
  const drop = (entry: TimerEntry): void => {
    entry.owner = null;
    clock.cancel();
  };
  return { clock, schedule, drop };
}

function fireUpTo(clock: SandboxTimerClock, instant: number): string[] {
  const fired: string[] = [];
  const count = clock.advanceTo(instant, (timer) => fired.push(timer.id));
  expect(count).toBe(fired.length);
  return fired;
}

describe('SandboxTimerClock', () => {
  it('fires the live timers due by an instant in due order, dropping dead ones on the way and after it', () => {
    const { clock, schedule, drop } = stampedClock();
    const a = schedule('a', 10);
    schedule('b', 20);
    const c = schedule('c', 20);
    schedule('d', 30);
    const e = schedule('e', 40);
    schedule('f', 50);
    drop(a);
    drop(c);
    drop(e);
    // Dead entries first on the heap, between live ones, and past the instant.
    expect(clock.nextDueAt()).toBe(20);
    expect(fireUpTo(clock, 45)).toEqual(['b', 'd']);
    expect(clock.nextDueAt()).toBe(50);
    expect(clock.pending()).toBe(1);
    expect(fireUpTo(clock, 45)).toEqual([]);
    expect(fireUpTo(clock, 50)).toEqual(['f']);
    expect(clock.nextDueAt()).toBeUndefined();
    expect(fireUpTo(clock, 1_000)).toEqual([]);
  });

  it('answers for a timer scheduled or dropped after the earliest was read, and ties by insertion order', () => {
    const { clock, schedule, drop } = stampedClock();
    const late = schedule('late', 100);
    expect(clock.nextDueAt()).toBe(100);
    schedule('early', 5);
    schedule('early-too', 5);
    expect(clock.nextDueAt()).toBe(5);
    drop(late);
    expect(fireUpTo(clock, 100)).toEqual(['early', 'early-too']);
    expect(clock.nextDueAt()).toBeUndefined();
  });

  it('asks the owner of an entry it did not stamp', () => {
    const live = new Set(['kept']);
    const clock = new SandboxTimerClock(() => 0, (timer) => live.has(timer.id));
    clock.schedule('gone', 1, 'r');
    clock.schedule('kept', 2, 'r');
    expect(clock.nextDueAt()).toBe(2);
    expect(fireUpTo(clock, 2)).toEqual(['kept']);
  });
});
