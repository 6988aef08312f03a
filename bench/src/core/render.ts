import { formatOps, formatRatio, formatTarget, type Row, type SuiteResult } from './report.js';

const HEADER = ['subject', 'baseline', 'ops/s', 'baseline ops/s', 'ratio', 'target', 'result'] as const;
const RIGHT_ALIGNED = new Set([2, 3, 4]);

function cells(row: Row): string[] {
  return [
    row.subject,
    row.baseline ?? '',
    row.subjectOpsPerSec === null ? (row.measured ?? '') : formatOps(row.subjectOpsPerSec),
    row.baselineOpsPerSec === null ? '' : formatOps(row.baselineOpsPerSec),
    row.ratio === null ? '' : formatRatio(row.ratio),
    formatTarget(row.target),
    row.verdict,
  ];
}

/**
 * A plain-text table with aligned columns (ops/s and ratios right-aligned).
 *
 * @example
 * ```ts
 * console.log(renderTable([row]));
 * // subject  baseline  ops/s  baseline ops/s  ratio  target   result
 * // sdk      raw         900           1,000  0.90×  ≥ 0.85×  PASS
 * ```
 */
export function renderTable(rows: readonly Row[]): string {
  const grid = [[...HEADER], ...rows.map(cells)];
  const widths = HEADER.map((_, c) => Math.max(...grid.map((line) => line[c]!.length)));
  return grid
    .map((line) =>
      line
        .map((cell, c) => (RIGHT_ALIGNED.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * One suite as printed: title, table (or the reason it is not available) and notes.
 *
 * @example
 * ```ts
 * console.log(renderSuite({ id: 'calendar', title: '2. Calendar', rows, notes: ['inputs: 96 start dates'] }));
 * ```
 */
export function renderSuite(suite: SuiteResult): string {
  const lines = [`== ${suite.title}`];
  if (suite.unavailable !== undefined) lines.push(`not available: ${suite.unavailable}`);
  if (suite.rows.length > 0) lines.push(renderTable(suite.rows));
  for (const note of suite.notes) lines.push(`  note: ${note}`);
  return lines.join('\n');
}

/**
 * The closing summary: PASS/MISS counts per suite, each MISS named, unavailable suites listed.
 *
 * @example
 * ```ts
 * console.log(renderSummary(results));
 * // == Summary: 7 PASS, 1 MISS, 0 not available
 * ```
 */
export function renderSummary(suites: readonly SuiteResult[]): string {
  const rows = suites.flatMap((s) => s.rows);
  const pass = rows.filter((r) => r.verdict === 'PASS').length;
  const misses = suites.flatMap((s) => s.rows.filter((r) => r.verdict === 'MISS').map((r) => ({ suite: s, row: r })));
  const unavailable = suites.filter((s) => s.unavailable !== undefined);
  const lines = [`== Summary: ${pass} PASS, ${misses.length} MISS, ${unavailable.length} not available`];
  for (const { suite, row } of misses) {
    const got = row.ratio === null ? (row.measured ?? '') : formatRatio(row.ratio);
    lines.push(`  MISS ${suite.id}: ${row.subject}${row.baseline === null ? '' : ` vs ${row.baseline}`}: ${got} (target ${formatTarget(row.target)})`);
  }
  for (const suite of unavailable) lines.push(`  not available ${suite.id}: ${suite.unavailable}`);
  return lines.join('\n');
}
