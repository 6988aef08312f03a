/**
 * The `k` smallest of items offered one at a time, by `compare`, kept in a bounded max-heap: a
 * page of a list read in O(n log k) without sorting the whole list (`GET …/objects`).
 *
 * @example
 * ```ts
 * const first = new Smallest<number>(2, (a, b) => a - b);
 * for (const n of [5, 1, 4, 2]) first.offer(n);
 * first.sorted(); // [1, 2]
 * ```
 */
export class Smallest<T> {
  readonly #k: number;
  readonly #compare: (a: T, b: T) => number;
  /** A max-heap: the largest kept item at 0, the one a smaller offer replaces. */
  readonly #heap: T[] = [];

  constructor(k: number, compare: (a: T, b: T) => number) {
    this.#k = k;
    this.#compare = compare;
  }

  /** Keeps `item` if it is among the `k` smallest offered so far. */
  offer(item: T): void {
    const heap = this.#heap;
    if (heap.length < this.#k) {
      heap.push(item);
      this.#up(heap.length - 1);
    } else if (heap.length > 0 && this.#compare(item, heap[0] as T) < 0) {
      heap[0] = item;
      this.#down(0);
    }
  }

  /** The items kept, smallest first. */
  sorted(): T[] {
    return [...this.#heap].sort(this.#compare);
  }

  #up(index: number): void {
    const heap = this.#heap;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      if (this.#compare(heap[i] as T, heap[parent] as T) <= 0) return;
      [heap[i], heap[parent]] = [heap[parent] as T, heap[i] as T];
      i = parent;
    }
  }

  #down(index: number): void {
    const heap = this.#heap;
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < heap.length && this.#compare(heap[left] as T, heap[largest] as T) > 0) largest = left;
      if (right < heap.length && this.#compare(heap[right] as T, heap[largest] as T) > 0) largest = right;
      if (largest === i) return;
      [heap[i], heap[largest]] = [heap[largest] as T, heap[i] as T];
      i = largest;
    }
  }
}
