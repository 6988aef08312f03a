import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import type { HeapReading } from './memory-guard.js';

// The Node leaf of `#process-heap` (the memory guard's default reading); a page gets
// `process-heap-unavailable.ts`, so no Node built-in enters the browser's graph.

/** The process's heap after its last full collection (set with the one observer that keeps it so, for every app, holding none of them). */
let afterFullCollection: HeapReading | undefined;

function readNow(): HeapReading {
  const { used_heap_size: usedBytes, heap_size_limit: limitBytes } = getHeapStatistics();
  return { usedBytes, limitBytes };
}

/**
 * The used heap as the last full (mark-compact) collection left it, read at first use and after
 * each one. Between full collections the used heap also counts garbage, which a refusal must not
 * be made of; the figure moves only when V8 has just measured what is live.
 *
 * @example
 * ```ts
 * heapAfterFullCollection(); // { usedBytes: 35014120, limitBytes: 4345298944 }
 * ```
 */
export function heapAfterFullCollection(): HeapReading {
  if (afterFullCollection === undefined) {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((entry) => (entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) afterFullCollection = readNow();
    });
    // Not a handle: a process with nothing else to do still exits.
    observer.observe({ entryTypes: ['gc'] });
    afterFullCollection = readNow();
  }
  return afterFullCollection;
}
