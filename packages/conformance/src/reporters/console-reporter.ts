import type { Area, Check, CheckResult, Report, Reporter } from '../runner/types.js';
import { formatValue } from './format.js';

/** Options of {@link consoleReporter}. */
export interface ConsoleReporterOptions {
  /** Where lines go (default: `process.stdout.write`). */
  write?: (text: string) => void;
  /** ANSI colours (default: when stdout is a TTY and `NO_COLOR` is unset). */
  color?: boolean;
}

const MARK = { passed: '✓', failed: '✗', skipped: '-' } as const;
const COLOR = { passed: 32, failed: 31, skipped: 33 } as const;

/**
 * The summary text of a report: counts by area, then each failure with expected vs actual and the
 * rule it enforces. Pure, so it can be tested and reused.
 *
 * @example
 * ```ts
 * process.stdout.write(summaryText(report));
 * ```
 */
export function summaryText(report: Report): string {
  const areas = new Map<Area, Record<'passed' | 'failed' | 'skipped', number>>();
  for (const r of report.results) {
    const row = areas.get(r.area) ?? { passed: 0, failed: 0, skipped: 0 };
    row[r.status] += 1;
    areas.set(r.area, row);
  }
  const lines = ['', `gdx conformance — seed ${report.seed}`, ''];
  for (const [area, row] of areas) lines.push(`  ${area.padEnd(10)} ${row.passed} passed, ${row.failed} failed, ${row.skipped} skipped`);
  const { passed, failed, skipped } = report.totals;
  lines.push(`  ${'total'.padEnd(10)} ${passed} passed, ${failed} failed, ${skipped} skipped`, '');
  const failures = report.results.filter((r) => r.status === 'failed');
  if (failures.length > 0) {
    lines.push('Failures:', '');
    for (const r of failures) {
      lines.push(`  ${r.id}  ${r.title}`, `    rule:     ${r.source}`);
      for (const f of r.failures) {
        lines.push(`    ${f.message}`, `    expected: ${formatValue(f.expected)}`, `    actual:   ${formatValue(f.actual)}`);
      }
      lines.push('');
    }
  }
  const skippedSim = report.results.filter((r) => r.status === 'skipped' && r.message?.includes('simulation API')).length;
  if (skippedSim > 0) lines.push(`${skippedSim} checks skipped: they need the simulation API (--sim-url).`, '');
  lines.push(report.ok ? 'PASS' : 'FAIL', '');
  return lines.join('\n');
}

/**
 * Prints one line per check as it finishes (coloured on a TTY) and the summary at the end.
 *
 * @example
 * ```ts
 * await runConformance({ ...options, reporters: [consoleReporter()] });
 * ```
 */
export function consoleReporter(options: ConsoleReporterOptions = {}): Reporter {
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const color = options.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  let total = 0;
  let index = 0;
  return {
    onStart(checks: readonly Check[]) {
      total = checks.length;
      write(`Running ${total} conformance checks\n`);
    },
    onResult(r: CheckResult) {
      index += 1;
      const note = r.status === 'passed' ? '' : `  ${r.message ?? ''}`;
      write(`${paint(COLOR[r.status], MARK[r.status])} [${index}/${total}] ${r.id}  ${r.title}${paint(90, note)}\n`);
    },
    onFinish(report: Report) {
      write(summaryText(report));
    },
  };
}
