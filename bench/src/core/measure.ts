import { performance } from 'node:perf_hooks';

/**
 * Bounds of one measured round: it ends when `durationMs` has passed or `maxOps` operations
 * have completed, whichever comes first, so every round stops by itself.
 *
 * @example
 * ```ts
 * const bounds: RoundBounds = { durationMs: 1_000, maxOps: 200_000 };
 * ```
 */
export interface RoundBounds {
  durationMs: number;
  maxOps: number;
  /** Clock in ms; injectable so tests can prove the bounds without timing anything. */
  now?: () => number;
}

/**
 * What one round measured.
 *
 * @example
 * ```ts
 * const round: RoundResult = { ops: 1_000, elapsedMs: 100, opsPerSec: 10_000 };
 * ```
 */
export interface RoundResult {
  ops: number;
  elapsedMs: number;
  opsPerSec: number;
}

/**
 * Something that can be measured round by round: an operation plus how it is driven.
 *
 * @example
 * ```ts
 * const workload: Workload = asyncWorkload('fetch', () => fetch(url).then((r) => r.json()), 16);
 * const round = await workload.round({ durationMs: 500, maxOps: 50_000 });
 * ```
 */
export interface Workload {
  readonly name: string;
  round(bounds: RoundBounds): Promise<RoundResult>;
}

function result(ops: number, elapsedMs: number): RoundResult {
  // A round too short for the clock to tick still reports a finite rate.
  const ms = Math.max(elapsedMs, 1e-3);
  return { ops, elapsedMs, opsPerSec: (ops * 1_000) / ms };
}

/**
 * Drives an async operation with `concurrency` workers that each await one call after another
 * (closed-loop load, like autocannon's connections). A worker claims an operation slot before
 * starting it, so a round never completes more than `maxOps` operations.
 *
 * @example
 * ```ts
 * const get = asyncWorkload('undici.request', async () => (await request(url)).body.json(), 16);
 * ```
 */
export function asyncWorkload(name: string, op: () => Promise<unknown>, concurrency = 1): Workload {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a positive integer: ${concurrency}`);
  return {
    name,
    async round({ durationMs, maxOps, now = () => performance.now() }) {
      const start = now();
      const deadline = start + durationMs;
      let claimed = 0;
      let done = 0;
      const worker = async (): Promise<void> => {
        while (claimed < maxOps && now() < deadline) {
          claimed++;
          await op();
          done++;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return result(done, now() - start);
    },
  };
}

/**
 * Drives a synchronous operation in batches, reading the clock once per batch so the clock read
 * does not dominate operations of a few hundred nanoseconds. `op` receives the running operation
 * index, so a workload can cycle through prepared inputs.
 *
 * @example
 * ```ts
 * const starts = ['2025-01-02', '2025-09-26'];
 * const add = syncWorkload('addWorkingDays', (i) => calendar.addWorkingDays(starts[i % starts.length]!, 3));
 * ```
 */
export function syncWorkload(name: string, op: (index: number) => unknown, batch = 256): Workload {
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`batch must be a positive integer: ${batch}`);
  return {
    name,
    async round({ durationMs, maxOps, now = () => performance.now() }) {
      const start = now();
      const deadline = start + durationMs;
      let done = 0;
      while (done < maxOps && now() < deadline) {
        const end = Math.min(done + batch, maxOps);
        for (; done < end; done++) op(done);
      }
      return result(done, now() - start);
    },
  };
}
