import { describe, expect, it } from 'vitest';
import { RealTimeClock, VirtualClock } from './clock.js';
import { KernelError } from './kernel-error.js';

describe('VirtualClock', () => {
  it('fires due timers in order, with now() at each due time, then lands on the target', () => {
    const clock = new VirtualClock(0);
    clock.schedule('b', 20, 'x');
    clock.schedule('a', 10, 'x');
    clock.schedule('later', 100, 'x');
    const seen: [string, number][] = [];
    const fired = clock.advanceTo(50, (t) => seen.push([t.id, clock.now()]));
    expect(fired).toBe(2);
    expect(seen).toEqual([['a', 10], ['b', 20]]);
    expect(clock.now()).toBe(50);
    expect(clock.pending()).toBe(1);
  });

  it('fires a timer scheduled by a firing timer in the same advance when it is due', () => {
    const clock = new VirtualClock(0);
    clock.schedule('first', 10, 'x');
    const seen: string[] = [];
    clock.advanceTo(100, (t) => {
      seen.push(t.id);
      if (t.id === 'first') {
        clock.schedule('chained', clock.now() + 5, 'x');
        clock.schedule('too-late', clock.now() + 500, 'x');
      }
    });
    expect(seen).toEqual(['first', 'chained']);
    expect(clock.pending()).toBe(1);
  });

  it('skips cancelled timers and replaced ids', () => {
    const clock = new VirtualClock(0);
    clock.schedule('gone', 5, 'x');
    clock.schedule('moved', 6, 'x');
    clock.schedule('moved', 60, 'x');
    clock.cancel('gone');
    const seen: [string, number][] = [];
    clock.advanceBy({ ms: 100 }, (t) => seen.push([t.id, t.dueAt]));
    expect(seen).toEqual([['moved', 60]]);
  });

  it('answers the next live due time, skipping cancelled timers', () => {
    const clock = new VirtualClock(0);
    expect(clock.nextDueAt()).toBeUndefined();
    clock.schedule('a', 5, 'x');
    clock.schedule('b', 9, 'x');
    clock.cancel('a');
    expect(clock.nextDueAt()).toBe(9);
    clock.cancel('b');
    expect(clock.nextDueAt()).toBeUndefined();
  });

  it('refuses to move backwards', () => {
    const clock = new VirtualClock(100);
    expect(() => clock.advanceTo(99, () => {})).toThrow(KernelError);
  });

  it('round-trips its state, keeping tie order', () => {
    const clock = new VirtualClock(0);
    clock.schedule('y', 10, 'r');
    clock.schedule('x', 10, 'r');
    const copy = new VirtualClock(0);
    copy.load(JSON.parse(JSON.stringify(clock.state())));
    const seen: string[] = [];
    copy.advanceTo(10, (t) => seen.push(t.id));
    expect(seen).toEqual(['y', 'x']);
    expect(copy.now()).toBe(10);
  });
});

describe('RealTimeClock', () => {
  it('reads the injected source and fires what is due when the host asks', () => {
    let wall = 1_000;
    const clock = new RealTimeClock(() => wall);
    clock.schedule('soon', 1_500, 'x');
    const seen: string[] = [];
    expect(clock.advanceTo(clock.now(), (t) => seen.push(t.id))).toBe(0);
    wall = 2_000;
    expect(clock.now()).toBe(2_000);
    clock.advanceTo(clock.now(), (t) => seen.push(t.id));
    expect(seen).toEqual(['soon']);
  });
});
