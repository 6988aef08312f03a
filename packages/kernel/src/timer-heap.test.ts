import { describe, expect, it } from 'vitest';
import { TimerHeap, type TimerEntry } from './timer-heap.js';

function drain(heap: TimerHeap): TimerEntry[] {
  const out: TimerEntry[] = [];
  for (let t = heap.pop(); t; t = heap.pop()) out.push(t);
  return out;
}

describe('TimerHeap', () => {
  it('pops in due-time order whatever the insertion order', () => {
    const heap = new TimerHeap();
    // A fixed pseudo-random permutation (LCG) of 200 due times, some repeated.
    let x = 7;
    const dues: number[] = [];
    for (let i = 0; i < 200; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      dues.push(x % 50);
    }
    dues.forEach((dueAt, seq) => heap.push({ id: `t${seq}`, dueAt, seq, ref: '' }));
    const popped = drain(heap);
    expect(popped).toHaveLength(200);
    const sorted = [...popped].sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
    expect(popped.map((t) => t.id)).toEqual(sorted.map((t) => t.id));
  });

  it('breaks ties by insertion sequence', () => {
    const heap = new TimerHeap();
    heap.push({ id: 'late', dueAt: 5, seq: 3, ref: '' });
    heap.push({ id: 'second', dueAt: 1, seq: 2, ref: '' });
    heap.push({ id: 'first', dueAt: 1, seq: 1, ref: '' });
    heap.push({ id: 'third', dueAt: 1, seq: 4, ref: '' });
    expect(drain(heap).map((t) => t.id)).toEqual(['first', 'second', 'third', 'late']);
  });

  it('keeps the order through interleaved pushes and pops, past its initial key capacity', () => {
    const heap = new TimerHeap();
    const model: TimerEntry[] = [];
    const order = (a: TimerEntry, b: TimerEntry) => a.dueAt - b.dueAt || a.seq - b.seq;
    let x = 11;
    for (let seq = 0; seq < 2_000; seq++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const entry = { id: `t${seq}`, dueAt: x % 300, seq, ref: '' };
      heap.push(entry);
      model.push(entry);
      // Pop about every third step, so the heap grows past 64 entries and shrinks on the way.
      if (x % 3 === 0) {
        model.sort(order);
        expect(heap.pop()).toBe(model.shift());
      }
    }
    model.sort(order);
    expect(drain(heap)).toEqual(model);
  });

  it('reports size and peeks without removing', () => {
    const heap = new TimerHeap();
    expect(heap.peek()).toBeUndefined();
    heap.push({ id: 'a', dueAt: 2, seq: 0, ref: '' });
    heap.push({ id: 'b', dueAt: 1, seq: 1, ref: '' });
    expect(heap.peek()?.id).toBe('b');
    expect(heap.size).toBe(2);
  });
});
