import type { SamplePlan } from './sample.js';

/**
 * The measuring plan of a full run: one warm-up round, then 7 rounds of at most 600 ms each per
 * workload — several short interleaved rounds give a steadier median than a few long ones when
 * the machine's load fluctuates; `maxOps` keeps sub-microsecond workloads from spinning needlessly.
 *
 * @example
 * ```ts
 * const plan = fullPlan(); // { warmupRounds: 1, rounds: 7, bounds: { durationMs: 600, maxOps: 5000000 } }
 * ```
 */
export function fullPlan(): SamplePlan {
  return { warmupRounds: 1, rounds: 7, bounds: { durationMs: 600, maxOps: 5_000_000 } };
}

/**
 * The `--quick` plan: a smoke run of a few seconds per suite, noisier (±30 %) but enough to see
 * that everything runs and roughly where the ratios land.
 *
 * @example
 * ```ts
 * const plan = quickPlan(); // 3 rounds of at most 250 ms
 * ```
 */
export function quickPlan(): SamplePlan {
  return { warmupRounds: 1, rounds: 3, bounds: { durationMs: 250, maxOps: 1_000_000 } };
}
