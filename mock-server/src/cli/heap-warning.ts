/**
 * Heap a stored workflow object keeps with its events, in bytes: the bench's `lists` suite measures
 * ~3.2–3.4 kB per registration application after a full collection (mock-server README, Quotas).
 */
export const HEAP_BYTES_PER_OBJECT = 3_400;

/** The share of the heap limit one sandbox at its object quota may take before the start warns: the rest is for garbage, requests and the other sandboxes. */
const SHARE = 0.75;

const MIB = 1024 * 1024;

/**
 * A warning when one sandbox at its object quota (`quotaObjects`) would need more heap than this
 * process may use (`heapLimitBytes`, V8's `heap_size_limit`: node sizes it from the machine's or
 * the container's memory): the heap would run out before the quota refused anything, and the
 * memory guard (`--max-heap-ratio`) would refuse every write instead. `undefined` when the heap
 * has room for it.
 *
 * @example
 * ```ts
 * heapWarning(250_000, 512 * 1024 * 1024); // 'one sandbox at its object quota (250000) needs ~811 MiB of heap; …'
 * heapWarning(250_000, 4096 * 1024 * 1024); // undefined
 * ```
 */
export function heapWarning(quotaObjects: number, heapLimitBytes: number): string | undefined {
  const needed = quotaObjects * HEAP_BYTES_PER_OBJECT;
  if (needed <= heapLimitBytes * SHARE) return undefined;
  const neededMiB = Math.ceil(needed / MIB);
  const limitMiB = Math.floor(heapLimitBytes / MIB);
  const fitting = Math.floor((heapLimitBytes * SHARE) / HEAP_BYTES_PER_OBJECT);
  return (
    `one sandbox at its object quota (${quotaObjects}) needs ~${neededMiB} MiB of heap; this process may use ${limitMiB} MiB, so the heap would run out before the quota refused a write (writes then answer 503 INSUFFICIENT_MEMORY, see --max-heap-ratio). ` +
    `Lower the quota (--quota-objects ${fitting} fits) or give node more heap (NODE_OPTIONS=--max-old-space-size=${Math.ceil(neededMiB / SHARE)}) / ` +
    `单个沙箱达到对象配额（${quotaObjects}）约需 ${neededMiB} MiB 堆内存，超过本进程可用的 ${limitMiB} MiB：请降低 --quota-objects 或增大 node 堆内存`
  );
}
