import type { CheckResult, Report } from '../runner/types.js';
import { formatValue } from './format.js';

/** Escapes text for XML attributes and content; drops characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function testcase(r: CheckResult): string {
  const open = `    <testcase classname="gdx.${escapeXml(r.area)}${r.platform ? `.${escapeXml(r.platform)}` : ''}" name="${escapeXml(`${r.id} ${r.title}`)}" time="${(r.durationMs / 1000).toFixed(3)}">`;
  const props = `\n      <properties><property name="source" value="${escapeXml(r.source)}"/></properties>`;
  if (r.status === 'skipped') return `${open}${props}\n      <skipped message="${escapeXml(r.message ?? 'skipped')}"/>\n    </testcase>`;
  if (r.status === 'passed') return `${open}${props}\n    </testcase>`;
  const details = r.failures.map((f) => `${f.message}\nexpected: ${formatValue(f.expected, 2000)}\nactual:   ${formatValue(f.actual, 2000)}`).join('\n\n');
  return `${open}${props}\n      <failure message="${escapeXml(r.message ?? 'failed')}" type="${escapeXml(r.id)}">${escapeXml(`${details}\nrule: ${r.source}`)}</failure>\n    </testcase>`;
}

/**
 * Renders a report as JUnit XML: one `<testsuite>` per area, one `<testcase>` per check (name =
 * id + title, the rule as a property), failures with expected and actual.
 *
 * @example
 * ```ts
 * await writeFile('conformance.xml', junitXml(report));
 * ```
 */
export function junitXml(report: Report): string {
  const areas = [...new Set(report.results.map((r) => r.area))];
  const suites = areas.map((area) => {
    const rs = report.results.filter((r) => r.area === area);
    const count = (s: CheckResult['status']) => rs.filter((r) => r.status === s).length;
    const time = rs.reduce((t, r) => t + r.durationMs, 0) / 1000;
    return [
      `  <testsuite name="gdx-conformance.${escapeXml(area)}" tests="${rs.length}" failures="${count('failed')}" errors="0" skipped="${count('skipped')}" time="${time.toFixed(3)}" timestamp="${escapeXml(report.startedAt)}">`,
      ...rs.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
  const { passed, failed, skipped } = report.totals;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="gdx-conformance" tests="${passed + failed + skipped}" failures="${failed}" errors="0" skipped="${skipped}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
