import { parseArgs } from 'node:util';

/**
 * Command-line options of the bench.
 *
 * @example
 * ```ts
 * const options: BenchArgs = { help: false, quick: true, only: ['calendar'], json: 'results/latest.json' };
 * ```
 */
export interface BenchArgs {
  /** `--help`: print {@link benchUsage} and run nothing. */
  help: boolean;
  quick: boolean;
  /** Suite ids to run; empty means all. */
  only: string[];
  /** Where the JSON results go, relative to the bench package. */
  json: string;
}

/**
 * The `--help` text, listing the suites.
 *
 * @example
 * ```ts
 * console.log(benchUsage(['calendar', 'transports']));
 * ```
 */
export function benchUsage(knownSuites: readonly string[]): string {
  return [
    'usage: npm run bench -- [--quick] [--only <suite>[,<suite>…]] [--json <path>]',
    '  --quick         fewer and shorter rounds (a smoke run; ratios are noisier)',
    `  --only <suite>  run only these suites (repeatable): ${knownSuites.join(', ')}`,
    '  --json <path>   where the results go (default results/latest.json, relative to bench/)',
    '  --help          print this text',
  ].join('\n');
}

/**
 * Parses `--help`, `--quick`, `--only <suite>` (repeatable or comma-separated) and `--json <path>`.
 * Unknown suite ids are rejected so a typo does not silently run nothing.
 *
 * @example
 * ```ts
 * parseBenchArgs(['--quick', '--only', 'calendar,transports'], ['calendar', 'transports']);
 * // { help: false, quick: true, only: ['calendar', 'transports'], json: 'results/latest.json' }
 * ```
 */
export function parseBenchArgs(argv: readonly string[], knownSuites: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      help: { type: 'boolean', short: 'h', default: false },
      quick: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true, default: [] },
      json: { type: 'string', default: 'results/latest.json' },
    },
    strict: true,
    allowPositionals: false,
  });
  const only = values.only.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  const unknown = only.filter((id) => !knownSuites.includes(id));
  if (unknown.length > 0) throw new Error(`unknown suite(s): ${unknown.join(', ')}; known: ${knownSuites.join(', ')}`);
  return { help: values.help, quick: values.quick, only, json: values.json };
}
