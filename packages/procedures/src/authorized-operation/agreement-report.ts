import { computeDeadline, shanghaiDay, type Calendar, type Deadline, type IsoDate } from '@gdx/kernel';
import { profileLimit } from '../machines/profile-limit.js';
import type { Profile } from '../profile-schema.js';
import { withEstimate, type DutyOptions } from './duty-period.js';

/**
 * Xiamen's duty to report the signed 开发利用协议 to the city data authority within 5 WD
 * (厦门办法 第十二条, `authorized_operation.data_access_agreement_report`), as the contract's
 * `DataAccessRequest.agreementReportDuty`: judged once the report arrived.
 */
export interface AgreementReportDuty extends Omit<Deadline, 'step' | 'overdue'> {
  reportedOn: IsoDate;
  /** Reported after `dueAt`. */
  late: boolean;
}

/**
 * The agreement report's duty: 5 WD (the start day not counted) from the day the agreement was
 * signed, or from the approval where the profile's `agreementReportFrom` is `approval`; `late`
 * when `reportedAt` (epoch ms) is at or past the end. Calendar errors propagate
 * (`CALENDAR_NOT_PUBLISHED`), unless `options.estimate` lets the calendar count a year without a
 * published holiday schedule Monday–Friday (the caller then says the period is an estimate).
 *
 * @example
 * agreementReportDuty(resolveProfile('xiamen'), WorkingCalendar.official(), {
 *   signedOn: '2025-09-29', approvedOn: '2025-09-26', reportedAt: Date.parse('2025-10-14T10:00:00+08:00'),
 * }); // { startedOn: '2025-09-29', dueDate: '2025-10-13', late: true, ... }
 */
export function agreementReportDuty(
  profile: Profile,
  calendar: Calendar,
  input: { signedOn: IsoDate; approvedOn: IsoDate; reportedAt: number },
  options: DutyOptions = {},
): AgreementReportDuty {
  const limit = withEstimate(profileLimit(profile, 'authorized_operation.data_access_agreement_report', 'agreement_report', 'flag_overdue'), options);
  const from = profile.options.authorizedOperation.agreementReportFrom === 'signing' ? input.signedOn : input.approvedOn;
  const { deadline, dueAtMs } = computeDeadline(limit, { now: input.reportedAt, from }, calendar);
  const { step: _step, overdue: _overdue, ...period } = deadline;
  return { ...period, reportedOn: shanghaiDay(input.reportedAt), late: input.reportedAt >= dueAtMs };
}
