import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Report } from '../runner/types.js';
import { junitXml } from './junit-reporter.js';
import { summaryText } from './console-reporter.js';

const report: Report = {
  seed: '42',
  startedAt: '2025-09-26T02:00:00.000Z',
  finishedAt: '2025-09-26T02:00:01.000Z',
  ok: false,
  totals: { passed: 1, failed: 1, skipped: 1 },
  results: [
    { id: 'SEC-SIG-02', title: 'replayed nonce <rejected> & "logged"', source: 'docs/design.md', area: 'security', status: 'passed', failures: [], durationMs: 12 },
    {
      id: 'REG-ACCEPT-01', title: '受理 3 WD', source: '发改数据规〔2025〕26号 第十条', area: 'workflow', platform: 'registration', status: 'failed',
      message: 'acceptance deadline', failures: [{ message: 'acceptance deadline per 第十条', expected: { dueDate: '2025-09-30' }, actual: { dueDate: '2025-10-09' } }], durationMs: 30,
    },
    { id: 'ODP-INIT-01', title: 'initial review', source: 'x', area: 'workflow', status: 'skipped', message: 'skipped: needs the simulation API', failures: [], durationMs: 0 },
  ],
};

describe('junitXml', () => {
  const xml = junitXml(report);

  it('is well-formed XML with escaped text', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('has one suite per area and counts failures and skips', () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const suites = parsed.testsuites.testsuite as Array<Record<string, unknown>>;
    expect(suites.map((s) => [s.name, s.tests, s.failures, s.skipped])).toEqual([
      ['gdx-conformance.security', '1', '0', '0'],
      ['gdx-conformance.workflow', '2', '1', '1'],
    ]);
    expect(parsed.testsuites.failures).toBe('1');
  });

  it('puts expected, actual and the rule into the failure text', () => {
    expect(xml).toContain('expected: {&quot;dueDate&quot;:&quot;2025-09-30&quot;}');
    expect(xml).toContain('rule: 发改数据规〔2025〕26号 第十条');
  });
});

describe('summaryText', () => {
  const text = summaryText(report);

  it('counts by area and overall', () => {
    expect(text).toContain('workflow   0 passed, 1 failed, 1 skipped');
    expect(text).toContain('total      1 passed, 1 failed, 1 skipped');
  });

  it('shows each failure with expected vs actual and its source rule', () => {
    expect(text).toMatch(/REG-ACCEPT-01 {2}受理 3 WD\n {4}rule: {5}发改数据规〔2025〕26号 第十条/);
    expect(text).toContain('expected: {"dueDate":"2025-09-30"}');
    expect(text).toContain('actual:   {"dueDate":"2025-10-09"}');
    expect(text.trimEnd().endsWith('FAIL')).toBe(true);
  });

  it('says how many checks were skipped for want of the simulation API', () => {
    expect(text).toContain('1 checks skipped: they need the simulation API');
  });
});
