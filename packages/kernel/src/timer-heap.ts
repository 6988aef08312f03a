/**
 * A timer in the queue. `ref` is an opaque string for the owner (the interpreter stores the
 * instance id there).
 *
 * @example
 * const t: TimerEntry = { id: 't1', dueAt: 1_000, seq: 0, ref: 'rga_1' };
 */
export interface TimerEntry {
  id: string;
  dueAt: number;
  seq: number;
  ref: string;
}

function before(a: TimerEntry, b: TimerEntry): boolean {
  return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);
}

/**
 * A binary min-heap of timers ordered by (dueAt, seq): O(log n) push and pop, so a clock
 * advance costs per timer fired, never per day or per object.
 *
 * @example
 * const heap = new TimerHeap();
 * heap.push({ id: 'b', dueAt: 2, seq: 1, ref: '' });
 * heap.push({ id: 'a', dueAt: 1, seq: 2, ref: '' });
 * heap.pop()?.id; // 'a'
 */
export class TimerHeap {
  private readonly items: TimerEntry[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): TimerEntry | undefined {
    return this.items[0];
  }

  push(entry: TimerEntry): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (!before(entry, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = entry;
  }

  pop(): TimerEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    const n = items.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(items[r]!, items[l]!) ? r : l;
      if (!before(items[child]!, last)) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }

  /** All entries in heap (not sorted) order. */
  entries(): readonly TimerEntry[] {
    return this.items;
  }

  clear(): void {
    this.items.length = 0;
  }
}
