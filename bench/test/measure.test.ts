import { describe, expect, it } from 'vitest';
import { asyncWorkload, syncWorkload } from '../src/core/measure.js';
import { median, sampleInterleaved } from '../src/core/sample.js';

/** A clock that advances `step` ms every time it is read: rounds end after a known number of reads. */
function steppingClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

describe('runners stop within their bounds', () => {
  it.each([1, 4, 16])('async workload at concurrency %i completes at most maxOps operations', async (concurrency) => {
    let calls = 0;
    const workload = asyncWorkload('count', async () => void calls++, concurrency);
    const round = await workload.round({ durationMs: Number.POSITIVE_INFINITY, maxOps: 100 });
    expect(round.ops).toBe(100);
    expect(calls).toBe(100);
  });

  it('async workload stops when its clock passes the duration', async () => {
    let calls = 0;
    // One clock read at start, then one before each operation: 1 ms per read, 10 ms allowed.
    const workload = asyncWorkload('count', async () => void calls++);
    const round = await workload.round({ durationMs: 10, maxOps: 1_000_000, now: steppingClock(1) });
    expect(calls).toBe(9);
    expect(round.ops).toBe(9);
  });

  it('sync workload stops at maxOps even inside a batch', async () => {
    const seen: number[] = [];
    const workload = syncWorkload('indices', (i) => seen.push(i), 64);
    const round = await workload.round({ durationMs: Number.POSITIVE_INFINITY, maxOps: 100 });
    expect(round.ops).toBe(100);
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('sync workload reads the clock once per batch and stops after the duration', async () => {
    let calls = 0;
    const workload = syncWorkload('count', () => calls++, 10);
    const round = await workload.round({ durationMs: 3, maxOps: 1_000_000, now: steppingClock(1) });
    // reads: start=1, then 2 and 3 (< 4 → batch), 4 stops: two batches of 10.
    expect(calls).toBe(20);
    expect(round.ops).toBe(20);
  });

  it('computes ops per second from ops and elapsed clock time', async () => {
    const workload = syncWorkload('noop', () => undefined, 50);
    const round = await workload.round({ durationMs: 100, maxOps: 200, now: steppingClock(10) });
    // start 10; batches at 20, 30, 40, 50 (4 × 50 = maxOps); end read 60 → 200 ops in 50 ms.
    expect(round).toEqual({ ops: 200, elapsedMs: 50, opsPerSec: 4_000 });
  });

  it.each([0, -1, 1.5])('rejects concurrency %s', (concurrency) => {
    expect(() => asyncWorkload('bad', async () => undefined, concurrency)).toThrow(RangeError);
  });
});

describe('sampling', () => {
  it.each([
    { given: [3, 1, 2], want: 2 },
    { given: [4, 1, 3, 2], want: 2.5 },
    { given: [7], want: 7 },
  ])('median($given) = $want', ({ given, want }) => {
    expect(median(given)).toBe(want);
  });

  it('refuses the median of nothing', () => {
    expect(() => median([])).toThrow(RangeError);
  });

  it('interleaves rounds and drops the warm-up rounds', async () => {
    const order: string[] = [];
    const fake = (name: string, rates: number[]) => {
      let r = 0;
      return {
        name,
        round: async () => {
          order.push(name);
          return { ops: 1, elapsedMs: 1, opsPerSec: rates[r++]! };
        },
      };
    };
    const [a, b] = await sampleInterleaved([fake('a', [999, 10, 30, 20]), fake('b', [1, 5, 5, 8])], {
      warmupRounds: 1,
      rounds: 3,
      bounds: { durationMs: 1, maxOps: 1 },
    });
    expect(order).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
    expect(a).toEqual({ name: 'a', median: 20, min: 10, max: 30, rounds: [10, 30, 20] });
    expect(b).toEqual({ name: 'b', median: 5, min: 5, max: 8, rounds: [5, 5, 8] });
  });
});
