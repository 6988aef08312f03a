import type { SamplePlan } from './sample.js';

/**
 * The measuring plan of a full run: one warm-up round, then 5 rounds of at most 1 s each per
 * workload; `maxOps` keeps sub-microsecond workloads from spinning needlessly long.
 *
 * @example
 * ```ts
 * const plan = fullPlan(); // { warmupRounds: 1, rounds: 5, bounds: { durationMs: 1000, maxOps: 5000000 } }
 * ```
 */
export function fullPlan(): SamplePlan {
  return { warmupRounds: 1, rounds: 5, bounds: { durationMs: 1_000, maxOps: 5_000_000 } };
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
