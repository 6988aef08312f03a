import type { SuiteResult } from './report.js';
import type { SamplePlan } from './sample.js';

/**
 * The run-wide settings a suite receives: how long to measure, and a line logger for progress.
 *
 * @example
 * ```ts
 * const context: SuiteContext = { quick: true, plan: quickPlan(), log: (line) => console.error(line) };
 * ```
 */
export interface SuiteContext {
  quick: boolean;
  plan: SamplePlan;
  log: (line: string) => void;
}

/**
 * One benchmark suite. `run` resolves with its rows, or with `unavailable` set when something it
 * depends on is missing; it must stop every process it started before resolving.
 *
 * @example
 * ```ts
 * const suite: Suite = { id: 'noop', title: '0. Nothing', run: async () => ({ id: 'noop', title: '0. Nothing', rows: [], notes: [] }) };
 * ```
 */
export interface Suite {
  id: string;
  title: string;
  run(context: SuiteContext): Promise<SuiteResult>;
}

/**
 * A result saying the suite could not run, and why.
 *
 * @example
 * ```ts
 * return unavailable(suite, 'mock-server/dist/cli.js is not built');
 * ```
 */
export function unavailable(suite: Pick<Suite, 'id' | 'title'>, reason: string): SuiteResult {
  return { id: suite.id, title: suite.title, rows: [], notes: [], unavailable: reason };
}

/**
 * The message of anything thrown, for a one-line "not available" reason.
 *
 * @example
 * ```ts
 * reasonOf(new Error('ECONNREFUSED')); // 'ECONNREFUSED'
 * ```
 */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}
