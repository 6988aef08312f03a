import type { heapAfterFullCollection as readOnNode } from './process-heap.js';

// The browser leaf of `#process-heap`, selected by the `browser` export condition: a page cannot
// read V8's heap, so a memory guard there needs `memory.readHeap`.

/** Throws `MEMORY_GUARD_UNSUPPORTED`: the default heap reading needs Node. */
export const heapAfterFullCollection: typeof readOnNode = () => {
  throw new RangeError('[MEMORY_GUARD_UNSUPPORTED] 浏览器中无法读取堆内存，请提供 memory.readHeap / a browser cannot read the heap: pass memory.readHeap to guard memory there');
};
