import type { Calendar, Limit, WorkflowEvent } from '@gdx/kernel';
import { profileLimit } from '../machines/profile-limit.js';
import type { Profile } from '../profile-schema.js';
import { withEstimate, type DutyOptions, type DutyPeriod } from './duty-period.js';
import { periodicDuty } from './periodic-duty.js';

/**
 * A disclosure duty, as the contract's `Authorization.disclosure` (the implementing body's,
 * 27号 第十八条) and `Authorization.operatorDisclosure` (the operator's, 第十九条): the period
 * running now, and when it last disclosed.
 */
export interface DisclosureDuty extends DutyPeriod {
  /** The instant of the latest disclosure (`disclose`, `disclose_operation`), `null` before the first. */
  lastDisclosedAt: string | null;
  /** Whether that disclosure came after the period it met had run out. */
  lastLate: boolean;
  /** The event-log position the running period starts after: a disclosure from there on meets it. */
  since: number;
}

/**
 * The disclosure duty of an authorization signed on `signedOn` whose event log is `events`, as
 * the choice of the domain (§8): the profile's limit (20 WD) from the signing day; an approved
 * amendment (a change of the agreement) starts the same limit from its day unless the period
 * already running ends sooner; each `disclose` meets the running period (`late` after its end)
 * and starts the yearly repeat, one calendar year from its day. Calendar errors propagate
 * (`CALENDAR_NOT_PUBLISHED`), unless `options.estimate` lets the calendar count a year without a
 * published holiday schedule Monday–Friday (the caller then says the period is an estimate).
 *
 * @example
 * disclosureDuty(resolveProfile('national'), WorkingCalendar.official(), '2026-01-05', instance.events);
 * // { startTrigger: 'agreement_signed', startedOn: '2026-01-05', dueDate: '2026-02-02', lastDisclosedAt: null, … }
 */
export function disclosureDuty(
  profile: Profile,
  calendar: Calendar,
  signedOn: string,
  events: readonly WorkflowEvent[],
  options: DutyOptions = {},
): DisclosureDuty {
  const limit = withEstimate(profileLimit(profile, 'authorized_operation.disclosure', 'disclosure', 'flag_overdue'), options);
  const yearly: Limit = { ...limit, value: 1, unit: 'years', startTrigger: 'disclosed', holidayExtension: 'none' };
  const { lastMetAt, ...duty } = periodicDuty(limit, yearly, signedOn, calendar, events, { met: 'disclose', change: { event: 'approve_amendment', startTrigger: 'agreement_amended' } });
  return { ...duty, lastDisclosedAt: lastMetAt };
}

/**
 * The operator's duty to disclose its product list and its use of public data (27号 第十九条
 * "定期", `authorized_operation.operator_disclosure`), as the contract's
 * `Authorization.operatorDisclosure`: the profile's limit (choice: half-yearly, 6 months) from the
 * signing day, then the same limit from each `disclose_operation` (`operation_disclosed`).
 * Calendar errors propagate as for `disclosureDuty`, unless `options.estimate`.
 *
 * @example
 * operatorDisclosureDuty(resolveProfile('national'), WorkingCalendar.official(), '2026-01-05', instance.events);
 * // { startTrigger: 'agreement_signed', startedOn: '2026-01-05', dueDate: '2026-07-06', lastDisclosedAt: null, … }
 */
export const operatorDisclosureDuty = sameLimitAgain('operator_disclosure', 'disclose_operation', 'operation_disclosed');

/**
 * Xiamen's 一级开发主体 (the operator) reporting 公共数据授权运营情况 to the city data authority
 * "定期" (厦门办法 第二十四条, `authorized_operation.status_report`; only where the profile's
 * `statusReport` option is on), as the contract's `Authorization.statusReport`: the profile's limit
 * (choice: quarterly, 3 months) from the signing day, then the same limit from each `report_status`
 * (`status_reported`). `lastDisclosedAt` is the latest report. Calendar errors propagate as for
 * `disclosureDuty`, unless `options.estimate`.
 *
 * @example
 * statusReportDuty(resolveProfile('xiamen'), WorkingCalendar.official(), '2026-01-05', instance.events);
 * // { startTrigger: 'agreement_signed', startedOn: '2026-01-05', dueDate: '2026-04-07', lastDisclosedAt: null, … }
 */
export const statusReportDuty = sameLimitAgain('status_report', 'report_status', 'status_reported');

/**
 * A duty the operator meets again and again: the profile's `authorized_operation.<name>` limit
 * from the signing day, then the same limit from each `met` event (whose record is `startTrigger`).
 */
function sameLimitAgain(name: 'operator_disclosure' | 'status_report', met: string, startTrigger: string) {
  return (profile: Profile, calendar: Calendar, signedOn: string, events: readonly WorkflowEvent[], options: DutyOptions = {}): DisclosureDuty => {
    const limit = withEstimate(profileLimit(profile, `authorized_operation.${name}`, name, 'flag_overdue'), options);
    const { lastMetAt, ...duty } = periodicDuty(limit, { ...limit, startTrigger }, signedOn, calendar, events, { met });
    return { ...duty, lastDisclosedAt: lastMetAt };
  };
}
