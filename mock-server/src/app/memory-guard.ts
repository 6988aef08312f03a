import { heapAfterFullCollection } from '#process-heap';
import { heapNearLimit, type ServiceMemory } from './sim/service-status.js';

/** Heap figures in bytes: what the process keeps, and the most V8 lets it keep. */
export interface HeapReading {
  usedBytes: number;
  limitBytes: number;
}

/**
 * Options of the memory guard (`createApp({ memory })`, `gdx-mock --max-heap-ratio`).
 *
 * @example
 * ```ts
 * createApp({ memory: { maxHeapRatio: 0.9 } });
 * ```
 */
export interface MemoryOptions {
  /**
   * The share of the heap limit (0 < r ≤ 1) the process may keep before writes that add state are
   * refused with 503 `INSUFFICIENT_MEMORY` (reads, deletions and resets go on): past the limit V8
   * stops the process with a fatal error, losing what only memory held.
   */
  maxHeapRatio: number;
  /**
   * Where the heap figures come from. Default: V8's used heap as the last full collection left it
   * (what the process keeps, not the garbage since), read once at start and after every full
   * collection (Node only: in a browser the guard needs this). An embedder that measures
   * otherwise, or a test, passes its own.
   */
  readHeap?: () => HeapReading;
}

/**
 * The ratio in force: `given` when it is a number in (0, 1], else a `RangeError` naming the option.
 *
 * @example
 * ```ts
 * resolveMaxHeapRatio(0.9); // 0.9
 * resolveMaxHeapRatio(1.5); // throws RangeError
 * ```
 */
function resolveMaxHeapRatio(given: number): number {
  if (!(typeof given === 'number' && given > 0 && given <= 1)) throw new RangeError(`memory.maxHeapRatio must be a number in (0, 1], got ${String(given)}`);
  return given;
}

/**
 * Refuses what would add to a heap near its limit. The default reading is the process's own, so
 * every app of a process sees the same figure (the heap is the process's).
 *
 * @example
 * ```ts
 * const guard = new MemoryGuard({ maxHeapRatio: 0.9 });
 * guard.pressure(); // undefined while the heap has room; else { usedBytes, limitBytes, maxHeapRatio }
 * ```
 */
export class MemoryGuard {
  readonly #maxHeapRatio: number;
  readonly #readHeap: () => HeapReading;

  constructor(options: MemoryOptions) {
    this.#maxHeapRatio = resolveMaxHeapRatio(options.maxHeapRatio);
    this.#readHeap = options.readHeap ?? heapAfterFullCollection;
    // Read once now: the default reading starts watching collections, and fails here in a browser.
    this.#readHeap();
  }

  /** The heap figures and the ratio in force (health shows them). */
  status(): ServiceMemory {
    return { ...this.#readHeap(), maxHeapRatio: this.#maxHeapRatio };
  }

  /** The figures while the heap is at or past its share of the limit; `undefined` while it has room. */
  pressure(): ServiceMemory | undefined {
    const status = this.status();
    return heapNearLimit(status) ? status : undefined;
  }
}
