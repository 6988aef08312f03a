import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { MachineInfo } from './machine.js';
import type { SuiteResult } from './report.js';
import type { SamplePlan } from './sample.js';

/**
 * The JSON document written after a run (`bench/results/latest.json`, not tracked by git).
 *
 * @example
 * ```ts
 * const doc: BenchResults = { finishedAt: new Date().toISOString(), quick: false, machine, plan, suites };
 * ```
 */
export interface BenchResults {
  finishedAt: string;
  quick: boolean;
  machine: MachineInfo;
  plan: SamplePlan;
  suites: SuiteResult[];
}

/**
 * Writes the results as pretty JSON, creating the folder if needed.
 *
 * @example
 * ```ts
 * await writeResults('/work/main/bench/results/latest.json', doc);
 * ```
 */
export async function writeResults(path: string, results: BenchResults): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
}
