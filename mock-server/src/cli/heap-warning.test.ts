import { describe, expect, it } from 'vitest';
import { HEAP_BYTES_PER_OBJECT, heapWarning } from './heap-warning.js';

const MIB = 1024 * 1024;

describe('heapWarning', () => {
  it('is silent while a sandbox at its object quota fits in three quarters of the heap', () => {
    expect(heapWarning(250_000, 4096 * MIB)).toBeUndefined();
    expect(heapWarning(10_000, 256 * MIB)).toBeUndefined();
  });

  it('names what the quota needs, what the process may use, a quota that fits and the heap that would do, in both languages', () => {
    const warning = heapWarning(250_000, 512 * MIB);
    expect(warning).toMatch(/object quota \(250000\) needs ~811 MiB of heap; this process may use 512 MiB/);
    const fits = Number(/--quota-objects (\d+) fits/.exec(warning ?? '')?.[1]);
    expect(fits * HEAP_BYTES_PER_OBJECT).toBeLessThanOrEqual(512 * MIB * 0.75);
    expect(heapWarning(fits, 512 * MIB)).toBeUndefined();
    expect(heapWarning(fits + 1, 512 * MIB)).toBeDefined();
    expect(warning).toMatch(/NODE_OPTIONS=--max-old-space-size=1082/);
    expect(warning).toMatch(/单个沙箱达到对象配额（250000）约需 811 MiB 堆内存/);
  });
});
