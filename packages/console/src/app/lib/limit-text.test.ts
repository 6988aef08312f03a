import { describe, expect, it } from 'vitest';
import type { StepDeadline } from '../api/types.js';
import { translator } from '../i18n/locale.js';
import { limitText } from './limit-text.js';

const en = translator('en');
const zh = translator('zh');

/** A deadline as `GET …/timeline` answers it (the acceptance of a registration filed 2025-09-26). */
const ACCEPTANCE: StepDeadline = {
  kind: 'acceptance',
  startedOn: '2025-09-26',
  workingDays: 3,
  unit: 'working_days',
  limit: 3,
  dueAt: '2025-10-01T00:00:00+08:00',
  countedDays: ['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10'],
  skippedDays: [],
  makeUpDays: ['2025-09-28'],
  overdue: true,
  rule: '发改数据规〔2025〕26号 第十条',
  estimate: false,
  unpublishedYears: [],
};

/** An open-data grant's usage report: 90 calendar days, no working days (`workingDays: null`). */
const USAGE_REPORT: StepDeadline = { ...ACCEPTANCE, kind: 'usage_report', workingDays: null, unit: 'calendar_days', limit: 90, countedDays: [], makeUpDays: [], rule: null };

describe('limitText', () => {
  it('says a limit in working days with the days counted and skipped so far', () => {
    expect(limitText(ACCEPTANCE, 9, en)).toBe('Limit 3 working days; 5 working days counted; 9 days skipped');
    expect(limitText(ACCEPTANCE, 9, zh)).toBe('时限 3 个工作日；已计 5 个工作日；跳过 9 天');
  });

  it('says a limit in calendar days, hours or years in its unit, without working days counted', () => {
    expect(limitText(USAGE_REPORT, 0, en)).toBe('Limit 90 calendar days');
    expect(limitText(USAGE_REPORT, 0, zh)).toBe('时限 90 日（自然日）');
    expect(limitText({ ...USAGE_REPORT, unit: 'hours', limit: 1 }, 0, en)).toBe('Limit 1 hour');
    expect(limitText({ ...USAGE_REPORT, unit: 'years', limit: 3 }, 0, zh)).toBe('时限 3 年');
  });

  it('says when the count reaches a year without a holiday schedule', () => {
    const estimated = { ...ACCEPTANCE, estimate: true, unpublishedYears: [2027] };
    expect(limitText(estimated, 2, en)).toBe('Limit 3 working days; 5 working days counted; 2 days skipped; Estimate: no holiday schedule for 2027, counted Monday–Friday');
    expect(limitText(estimated, 2, zh)).toContain('估算：2027 年节假日安排未发布');
  });
});
