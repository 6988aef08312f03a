import type { Sample } from './sample.js';

/**
 * What a row must reach: a minimum ratio against a baseline measured in the same run, an absolute
 * maximum duration (only meaningful on the machine it was set for), a maximum size in bytes (a
 * budget, the same on every machine), or nothing (informational).
 *
 * @example
 * ```ts
 * const targets: Target[] = [{ kind: 'min-ratio', value: 0.85 }, { kind: 'max-ms', value: 1_000 }, { kind: 'max-bytes', value: 30_000 }, { kind: 'info' }];
 * ```
 */
export type Target = { kind: 'min-ratio'; value: number } | { kind: 'max-ms'; value: number } | { kind: 'max-us'; value: number } | { kind: 'max-bytes'; value: number } | { kind: 'info' };

/**
 * `PASS`/`MISS` against the target; `INFO` for rows without one.
 *
 * @example
 * ```ts
 * const v: Verdict = 'PASS';
 * ```
 */
export type Verdict = 'PASS' | 'MISS' | 'INFO';

/**
 * One line of a suite's table (and of `results/latest.json`).
 *
 * @example
 * ```ts
 * const row: Row = ratioRow({ name: 'sdk', median: 900, min: 880, max: 910, rounds: [900] },
 *   { name: 'raw', median: 1_000, min: 990, max: 1_010, rounds: [1_000] }, { kind: 'min-ratio', value: 0.85 });
 * row.ratio; // 0.9
 * ```
 */
export interface Row {
  subject: string;
  baseline: string | null;
  subjectOpsPerSec: number | null;
  baselineOpsPerSec: number | null;
  /** subject ÷ baseline throughput, rounded to 2 decimals (the verdict uses this rounded value). */
  ratio: number | null;
  /** For rows measured in absolute terms (durations, per-call costs), already formatted. */
  measured: string | null;
  target: Target;
  verdict: Verdict;
}

/**
 * The result of one suite; `unavailable` says why it could not run (a dependency not built yet, a
 * tool that failed to start) instead of failing the whole bench.
 *
 * @example
 * ```ts
 * const r: SuiteResult = { id: 'calendar', title: 'Calendar', rows: [], notes: [], unavailable: 'not built' };
 * ```
 */
export interface SuiteResult {
  id: string;
  title: string;
  rows: Row[];
  notes: string[];
  unavailable?: string;
}

/**
 * Rounds a ratio to 2 decimals: the printed figure and the verdict must agree.
 *
 * @example
 * ```ts
 * roundRatio(0.8449); // 0.84
 * ```
 */
export function roundRatio(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * A row comparing two samples by their median throughput.
 *
 * @example
 * ```ts
 * const row = ratioRow(sdkSample, rawSample, { kind: 'min-ratio', value: 0.85 });
 * console.log(row.verdict);
 * ```
 */
export function ratioRow(subject: Sample, baseline: Sample, target: Target): Row {
  const ratio = roundRatio(subject.median / baseline.median);
  let verdict: Verdict = 'INFO';
  if (target.kind === 'min-ratio') verdict = ratio >= target.value ? 'PASS' : 'MISS';
  return {
    subject: subject.name,
    baseline: baseline.name,
    subjectOpsPerSec: Math.round(subject.median),
    baselineOpsPerSec: Math.round(baseline.median),
    ratio,
    measured: null,
    target,
    verdict,
  };
}

/**
 * A row for an absolute duration with a maximum (or none, for `info`).
 *
 * @example
 * ```ts
 * durationRow('10,000 applications, one year', 640, { kind: 'max-ms', value: 1_000 }).verdict; // 'PASS'
 * ```
 */
export function durationRow(subject: string, elapsedMs: number, target: Target): Row {
  let verdict: Verdict = 'INFO';
  if (target.kind === 'max-ms') verdict = elapsedMs <= target.value ? 'PASS' : 'MISS';
  return {
    subject,
    baseline: null,
    subjectOpsPerSec: null,
    baselineOpsPerSec: null,
    ratio: null,
    measured: formatMs(elapsedMs),
    target,
    verdict,
  };
}

/**
 * A row for the cost of one call in microseconds with a maximum (or none, for `info`).
 *
 * @example
 * ```ts
 * microsRow('signed create over app.dispatch, per call', 48.2, { kind: 'max-us', value: 60 }).verdict; // 'PASS'
 * ```
 */
export function microsRow(subject: string, micros: number, target: Target): Row {
  let verdict: Verdict = 'INFO';
  if (target.kind === 'max-us') verdict = micros <= target.value ? 'PASS' : 'MISS';
  return { subject, baseline: null, subjectOpsPerSec: null, baselineOpsPerSec: null, ratio: null, measured: formatMicros(micros), target, verdict };
}

/**
 * A duration in µs with one decimal.
 *
 * @example
 * ```ts
 * formatMicros(48.23); // '48.2 µs'
 * ```
 */
export function formatMicros(micros: number): string {
  return `${micros.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} µs`;
}

/**
 * A row for a size in bytes with a maximum (a budget), or none for `info`.
 *
 * @example
 * ```ts
 * sizeRow('console JavaScript, gzip', 21_034, { kind: 'max-bytes', value: 30_000 }).verdict; // 'PASS'
 * ```
 */
export function sizeRow(subject: string, bytes: number, target: Target): Row {
  let verdict: Verdict = 'INFO';
  if (target.kind === 'max-bytes') verdict = bytes <= target.value ? 'PASS' : 'MISS';
  return { subject, baseline: null, subjectOpsPerSec: null, baselineOpsPerSec: null, ratio: null, measured: formatBytes(bytes), target, verdict };
}

/**
 * An informational row with a free-form measured value.
 *
 * @example
 * ```ts
 * infoRow('signing overhead per request (HMAC-SM3)', '4.1 µs');
 * ```
 */
export function infoRow(subject: string, measured: string): Row {
  return { subject, baseline: null, subjectOpsPerSec: null, baselineOpsPerSec: null, ratio: null, measured, target: { kind: 'info' }, verdict: 'INFO' };
}

/**
 * Operations per second with thousands separators, no decimals.
 *
 * @example
 * ```ts
 * formatOps(12345.6); // '12,346'
 * ```
 */
export function formatOps(opsPerSec: number): string {
  return Math.round(opsPerSec).toLocaleString('en-US');
}

/**
 * A duration in ms: one decimal under 10 ms, none above.
 *
 * @example
 * ```ts
 * formatMs(3.14159); // '3.1 ms'
 * formatMs(812.4); // '812 ms'
 * ```
 */
export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms).toLocaleString('en-US')} ms`;
}

/**
 * A size in bytes with thousands separators.
 *
 * @example
 * ```ts
 * formatBytes(21034); // '21,034 B'
 * ```
 */
export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} B`;
}

/**
 * A target as printed: `≥ 0.85×`, `≤ 1,000 ms`, `≤ 30,000 B`, or `—`.
 *
 * @example
 * ```ts
 * formatTarget({ kind: 'min-ratio', value: 20 }); // '≥ 20×'
 * ```
 */
export function formatTarget(target: Target): string {
  if (target.kind === 'min-ratio') return `≥ ${target.value}×`;
  if (target.kind === 'max-ms') return `≤ ${formatMs(target.value)}`;
  if (target.kind === 'max-us') return `≤ ${formatMicros(target.value)}`;
  if (target.kind === 'max-bytes') return `≤ ${formatBytes(target.value)}`;
  return '—';
}

/**
 * A ratio as printed: two decimals under 10, one under 100, none above.
 *
 * @example
 * ```ts
 * formatRatio(0.8734); // '0.87×'
 * formatRatio(152.3); // '152×'
 * ```
 */
export function formatRatio(ratio: number): string {
  const digits = ratio < 10 ? 2 : ratio < 100 ? 1 : 0;
  return `${ratio.toFixed(digits)}×`;
}
