import { describe, expect, it } from 'vitest';
import { benchUsage, parseBenchArgs } from '../src/cli/args.js';
import { renderSuite, renderSummary, renderTable } from '../src/core/render.js';
import { durationRow, formatMs, formatOps, formatRatio, formatTarget, infoRow, ratioRow, sizeRow, type Target } from '../src/core/report.js';
import type { Sample } from '../src/core/sample.js';

const sample = (name: string, median: number): Sample => ({ name, median, min: median, max: median, rounds: [median] });
const atLeast = (value: number): Target => ({ kind: 'min-ratio', value });

describe('ratio rows', () => {
  it.each([
    { subject: 900, baseline: 1_000, target: 0.85, ratio: 0.9, verdict: 'PASS' },
    { subject: 800, baseline: 1_000, target: 0.85, ratio: 0.8, verdict: 'MISS' },
    // 0.8496 prints as 0.85×, so it must also pass: the verdict uses the printed value.
    { subject: 849.6, baseline: 1_000, target: 0.85, ratio: 0.85, verdict: 'PASS' },
    { subject: 6_000_000, baseline: 40_000, target: 20, ratio: 150, verdict: 'PASS' },
    { subject: 3_000, baseline: 1_000, target: 5, ratio: 3, verdict: 'MISS' },
  ])('$subject vs $baseline ops/s → $ratio× ($verdict against ≥ $target×)', ({ subject, baseline, target, ratio, verdict }) => {
    const row = ratioRow(sample('sdk', subject), sample('raw', baseline), atLeast(target));
    expect(row.ratio).toBe(ratio);
    expect(row.verdict).toBe(verdict);
    expect(row.subjectOpsPerSec).toBe(Math.round(subject));
    expect(row.baselineOpsPerSec).toBe(baseline);
  });

  it('marks a comparison without target as INFO', () => {
    expect(ratioRow(sample('a', 2), sample('b', 1), { kind: 'info' }).verdict).toBe('INFO');
  });
});

describe('duration rows', () => {
  it.each([
    { ms: 640, verdict: 'PASS' },
    { ms: 1_000, verdict: 'PASS' },
    { ms: 1_000.4, verdict: 'MISS' },
  ])('$ms ms against ≤ 1,000 ms → $verdict', ({ ms, verdict }) => {
    expect(durationRow('year', ms, { kind: 'max-ms', value: 1_000 }).verdict).toBe(verdict);
  });
});

describe('size rows', () => {
  it.each([
    { bytes: 21_034, measured: '21,034 B', verdict: 'PASS' },
    { bytes: 30_000, measured: '30,000 B', verdict: 'PASS' },
    { bytes: 30_001, measured: '30,001 B', verdict: 'MISS' },
  ])('$bytes B against ≤ 30,000 B → $verdict', ({ bytes, measured, verdict }) => {
    const row = sizeRow('console JavaScript', bytes, { kind: 'max-bytes', value: 30_000 });
    expect([row.measured, row.verdict, formatTarget(row.target)]).toEqual([measured, verdict, '≤ 30,000 B']);
  });
});

describe('formatting', () => {
  it.each([
    { value: 0.8734, want: '0.87×' },
    { value: 17.94, want: '17.9×' },
    { value: 152.3, want: '152×' },
  ])('formatRatio($value) = $want', ({ value, want }) => expect(formatRatio(value)).toBe(want));

  it.each([
    { value: 3.14159, want: '3.1 ms' },
    { value: 812.4, want: '812 ms' },
    { value: 12_345, want: '12,345 ms' },
  ])('formatMs($value) = $want', ({ value, want }) => expect(formatMs(value)).toBe(want));

  it('formats throughput and targets', () => {
    expect(formatOps(12_345.6)).toBe('12,346');
    expect(formatTarget(atLeast(0.85))).toBe('≥ 0.85×');
    expect(formatTarget({ kind: 'max-ms', value: 1_000 })).toBe('≤ 1,000 ms');
    expect(formatTarget({ kind: 'info' })).toBe('—');
  });

  it('aligns the table columns', () => {
    const table = renderTable([
      ratioRow(sample('sdk', 900), sample('raw', 1_000), atLeast(0.85)),
      infoRow('signing overhead', '4.1 µs'),
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^sdk\s+raw\s+900\s+1,000\s+0\.90×\s+≥ 0\.85×\s+PASS$/);
    expect(lines[2]).toMatch(/^signing overhead\s+4\.1 µs\s+—\s+INFO$/);
    // Every "result" cell starts in the same column.
    const column = lines[0]!.indexOf('result');
    expect(lines[1]!.indexOf('PASS')).toBe(column);
    expect(lines[2]!.indexOf('INFO')).toBe(column);
  });
});

describe('suites and summary', () => {
  const calendar = { id: 'calendar', title: '2. Calendar', rows: [ratioRow(sample('ours', 30), sample('theirs', 1), atLeast(20))], notes: ['same answers'] };
  const transports = { id: 'transports', title: '1. Transports', rows: [ratioRow(sample('sdk', 8), sample('raw', 10), atLeast(0.85))], notes: [] };
  const mock = { id: 'mock', title: '3. Mock', rows: [], notes: [], unavailable: 'mock-server/dist/cli.js is not built' };

  it('prints why a suite is not available', () => {
    expect(renderSuite(mock)).toBe('== 3. Mock\nnot available: mock-server/dist/cli.js is not built');
  });

  it('counts verdicts and names every MISS', () => {
    const summary = renderSummary([transports, calendar, mock]).split('\n');
    expect(summary[0]).toBe('== Summary: 1 PASS, 1 MISS, 1 not available');
    expect(summary).toContain('  MISS transports: sdk vs raw: 0.80× (target ≥ 0.85×)');
    expect(summary).toContain('  not available mock: mock-server/dist/cli.js is not built');
  });
});

describe('command line', () => {
  const known = ['transports', 'calendar'];
  it.each([
    { argv: [], want: { help: false, quick: false, only: [], json: 'results/latest.json' } },
    { argv: ['--quick'], want: { help: false, quick: true, only: [], json: 'results/latest.json' } },
    { argv: ['--only', 'calendar'], want: { help: false, quick: false, only: ['calendar'], json: 'results/latest.json' } },
    { argv: ['--only', 'calendar,transports', '--json', 'x.json'], want: { help: false, quick: false, only: ['calendar', 'transports'], json: 'x.json' } },
    { argv: ['--only', 'calendar', '--only', 'transports'], want: { help: false, quick: false, only: ['calendar', 'transports'], json: 'results/latest.json' } },
  ])('$argv', ({ argv, want }) => expect(parseBenchArgs(argv, known)).toEqual(want));

  it('asks for help with --help or -h, and the usage lists the suites', () => {
    expect(parseBenchArgs(['--help'], known).help).toBe(true);
    expect(parseBenchArgs(['-h'], known).help).toBe(true);
    expect(benchUsage(known)).toMatch(/--only <suite>.*transports, calendar/);
  });

  it('rejects unknown suites and options', () => {
    expect(() => parseBenchArgs(['--only', 'calender'], known)).toThrow(/unknown suite\(s\): calender/);
    expect(() => parseBenchArgs(['--fast'], known)).toThrow();
  });
});
