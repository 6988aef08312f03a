import type { RoundBounds, Workload } from './measure.js';

/**
 * How much to measure: warm-up rounds (discarded) and measured rounds, each within `bounds`.
 *
 * @example
 * ```ts
 * const plan: SamplePlan = { warmupRounds: 1, rounds: 5, bounds: { durationMs: 1_000, maxOps: 500_000 } };
 * ```
 */
export interface SamplePlan {
  warmupRounds: number;
  rounds: number;
  bounds: RoundBounds;
}

/**
 * The throughput of one workload over the measured rounds, in operations per second.
 *
 * @example
 * ```ts
 * const s: Sample = { name: 'fetch', median: 5_100, min: 4_800, max: 5_400, rounds: [4_800, 5_100, 5_400] };
 * ```
 */
export interface Sample {
  name: string;
  median: number;
  min: number;
  max: number;
  rounds: number[];
}

/**
 * The median of a non-empty list (mean of the two middle values for an even length).
 *
 * @example
 * ```ts
 * median([3, 1, 2]); // 2
 * median([4, 1, 3, 2]); // 2.5
 * ```
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A sample from its rounds (ops/s or any figure per round): their median, bounds and the rounds.
 *
 * @example
 * ```ts
 * toSample('advance (transitions/s)', [160_000, 170_000, 150_000]).median; // 160000
 * ```
 */
export function toSample(name: string, rounds: number[]): Sample {
  return { name, median: median(rounds), min: Math.min(...rounds), max: Math.max(...rounds), rounds };
}

/**
 * Measures several workloads against each other. Rounds are interleaved (A B C, A B C, …) so that
 * drift of the machine — thermal, GC, a neighbour process — spreads over all of them instead of
 * favouring whichever ran first. Warm-up rounds run the same way and are discarded.
 *
 * @example
 * ```ts
 * const [sdk, raw] = await sampleInterleaved([sdkWorkload, rawWorkload], plan);
 * console.log(sdk.median / raw.median);
 * ```
 */
export async function sampleInterleaved(workloads: readonly Workload[], plan: SamplePlan): Promise<Sample[]> {
  const measured: number[][] = workloads.map(() => []);
  for (let r = 0; r < plan.warmupRounds + plan.rounds; r++) {
    for (const [i, workload] of workloads.entries()) {
      const round = await workload.round(plan.bounds);
      if (r >= plan.warmupRounds) measured[i]!.push(round.opsPerSec);
    }
  }
  return workloads.map((w, i) => toSample(w.name, measured[i]!));
}
