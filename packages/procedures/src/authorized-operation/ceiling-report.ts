import { shanghaiDay, type Calendar, type WorkflowEvent } from '@gdx/kernel';
import { profileLimit } from '../machines/profile-limit.js';
import type { Profile } from '../profile-schema.js';
import { periodFrom, withEstimate, type DutyOptions, type DutyPeriod } from './duty-period.js';

/**
 * The grantor's duty to report the ceiling fees it set in writing to the 发展改革 and data
 * authorities (65号 二 "由授权主体制定…上限收费标准，并书面报告发展改革部门、数据管理部门";
 * `authorized_operation.ceiling_report`), as the contract's `Pricing.ceilingReport`.
 */
export interface CeilingReportDuty extends DutyPeriod {
  /** When the grantor reported, `null` while the ceilings await it. */
  reportedAt: string | null;
  /** Reported at or after the period's end. */
  late: boolean;
  /** The event-log position the period starts after: a `report_ceilings` from there on meets it. */
  since: number;
}

/** Whether `event` set a ceiling under the duty (`data.reportDue`, which a host adds since it tracks the duty). */
const dutyCeiling = (event: WorkflowEvent) => event.event === 'set_ceiling' && event.data?.['reportDue'] === true;

/**
 * The latest ceiling-report period of an authorization whose event log is `events`, `null` before
 * any ceiling under the duty: the profile's limit (choice 10 WD) from the day of the first ceiling
 * set since the last report (one report covers every ceiling set before it); `report_ceilings`
 * meets it (`late` at or after its end). Calendar errors propagate (`CALENDAR_NOT_PUBLISHED`),
 * unless `options.estimate` lets the calendar count such a year Monday–Friday.
 *
 * @example
 * ceilingReportDuty(resolveProfile('national'), WorkingCalendar.official(), instance.events);
 * // { startTrigger: 'ceiling_set', startedOn: '2026-03-10', dueDate: '2026-03-24', reportedAt: null, … }
 */
export function ceilingReportDuty(profile: Profile, calendar: Calendar, events: readonly WorkflowEvent[], options: DutyOptions = {}): CeilingReportDuty | null {
  const limit = withEstimate(profileLimit(profile, 'authorized_operation.ceiling_report', 'ceiling_report', 'flag_overdue'), options);
  let latest: (CeilingReportDuty & { dueAtMs: number }) | null = null;
  events.forEach((event, index) => {
    if (dutyCeiling(event) && (latest === null || latest.reportedAt !== null)) {
      const { period, dueAtMs } = periodFrom(limit, shanghaiDay(Date.parse(event.at)), calendar);
      latest = { ...period, reportedAt: null, late: false, since: index + 1, dueAtMs };
    }
    if (event.event === 'report_ceilings' && latest !== null && latest.reportedAt === null) {
      latest = { ...latest, reportedAt: event.at, late: Date.parse(event.at) >= latest.dueAtMs };
    }
  });
  if (latest === null) return null;
  const { dueAtMs: _dueAtMs, ...duty } = latest as CeilingReportDuty & { dueAtMs: number };
  return duty;
}
