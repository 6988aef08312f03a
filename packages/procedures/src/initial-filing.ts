import { computeDeadline, type Calendar, type IsoDate, type LimitUnit } from '@gdx/kernel';
import { profileLimit } from './machines/profile-limit.js';
import type { Profile } from './profile-schema.js';

/**
 * The registrant's initial-filing duty of one application (第九条(一); 223号 第十条(一)) and
 * whether the application met it. `legacy` operations started before the rules took effect and
 * run `registration.initial_filing_legacy` from that day; the others run
 * `registration.initial_filing` from the day operation started. The start day is not counted.
 */
export interface InitialFiling {
  /** The day authorised operation started, as the application states it. */
  operationStartedOn: IsoDate;
  /** True when operation started before the rules' effective date (`effectiveDates.registration`). */
  legacy: boolean;
  limit: number;
  unit: LimitUnit;
  /** `operation_started` or `rules_in_force` in the shipped profiles. */
  startTrigger: string;
  /** The day the period runs from: `operationStartedOn`, or the rules' effective date when `legacy`. */
  startedOn: IsoDate;
  /** The last day of the period (filing by 24:00 of it is in time). */
  dueDate: IsoDate;
  /** The instant that ends `dueDate`, `+08:00`. */
  dueAt: string;
  /** True when the application was received after `dueAt`. */
  late: boolean;
  basis: string;
}

/**
 * Computes the initial-filing duty of an application received at `receivedAt` (epoch ms) that
 * states `operationStartedOn`, on `calendar` (calendar errors such as `CALENDAR_NOT_PUBLISHED`
 * propagate). Lateness is only reported: the sources attach no consequence to it, so it is no
 * reason to refuse the application.
 *
 * @example
 * const f = initialFiling(resolveProfile('national'), WorkingCalendar.official(), {
 *   operationStartedOn: '2025-09-26', receivedAt: Date.parse('2025-10-31T09:00:00+08:00'),
 * });
 * f.dueDate; // '2025-10-30' (the National Day week skipped, the make-up Saturdays counted)
 * f.late;    // true
 */
export function initialFiling(profile: Profile, calendar: Calendar, input: { operationStartedOn: IsoDate; receivedAt: number }): InitialFiling {
  const effectiveOn = profile.effectiveDates.registration.date;
  const legacy = input.operationStartedOn < effectiveOn;
  const limit = profileLimit(profile, legacy ? 'registration.initial_filing_legacy' : 'registration.initial_filing', 'initial_filing', 'flag_overdue');
  const { deadline, dueAtMs } = computeDeadline(limit, { now: input.receivedAt, from: legacy ? effectiveOn : input.operationStartedOn }, calendar);
  return {
    operationStartedOn: input.operationStartedOn,
    legacy,
    limit: deadline.limit,
    unit: deadline.unit,
    startTrigger: deadline.startTrigger,
    startedOn: deadline.startedOn,
    dueDate: deadline.dueDate,
    dueAt: deadline.dueAt,
    late: input.receivedAt >= dueAtMs,
    basis: deadline.basis,
  };
}

