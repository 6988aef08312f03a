// Xiamen's 一级开发主体 reports 公共数据授权运营情况 to the data authority "定期" (厦门办法 第二十四条;
// choice: quarterly): the duty's periods, and the machine's events only where the profile asks them.
import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '@gdx/calendar';
import type { WorkflowEvent } from '@gdx/kernel';
import { authorizationMachine } from '../src/machines/authorized-operation/authorization.js';
import { resolveProfile, statusReportDuty } from '../src/index.js';

const calendar = WorkingCalendar.official();
const reported = (at: string): WorkflowEvent => ({ event: 'report_status', at } as WorkflowEvent);

describe('statusReportDuty', () => {
  it('runs 3 months from the signing day, then 3 months from each report (a rest-day end moves to the next working day)', () => {
    const xiamen = resolveProfile('xiamen');
    expect(statusReportDuty(xiamen, calendar, '2025-09-26', [])).toMatchObject({ limit: 3, unit: 'months', startTrigger: 'agreement_signed', dueDate: '2025-12-26', lastDisclosedAt: null });
    // From Monday 2026-01-05: 3 months end on Sunday 2026-04-05, inside 清明 (04-04 to 04-06).
    expect(statusReportDuty(xiamen, calendar, '2025-09-26', [reported('2026-01-05T09:00:00+08:00')])).toMatchObject({
      startTrigger: 'status_reported', startedOn: '2026-01-05', dueDate: '2026-04-07', lastDisclosedAt: '2026-01-05T09:00:00+08:00', lastLate: true, since: 1,
    });
  });
});

describe('the authorization machine', () => {
  const events = (profile: string) => new Set(authorizationMachine(resolveProfile(profile)).transitions.map((t) => t.event));

  it('takes the status report and its overdue flag only where the profile has statusReport on (xiamen)', () => {
    expect(resolveProfile('xiamen').options.authorizedOperation.statusReport).toBe(true);
    expect([...events('xiamen')]).toEqual(expect.arrayContaining(['report_status', 'status_report_overdue']));
    for (const profile of ['national', 'inner-mongolia']) {
      expect(resolveProfile(profile).options.authorizedOperation.statusReport, profile).toBe(false);
      expect([...events(profile)], profile).not.toContain('report_status');
      expect([...events(profile)], profile).not.toContain('status_report_overdue');
    }
  });
});
