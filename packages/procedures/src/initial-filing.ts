import { computeDeadline, type Calendar, type Deadline, type IsoDate, type Limit } from '@gdx/kernel';
import { withEstimate, type DutyOptions } from './authorized-operation/duty-period.js';
import { profileLimit } from './machines/profile-limit.js';
import type { Profile } from './profile-schema.js';

/**
 * The registrant's initial-filing duty of one application (第九条(一); 223号 第十条(一)) and
 * whether the application met it. `legacy` operations started before the rules took effect and
 * run `registration.initial_filing_legacy` from that day; the others run
 * `registration.initial_filing` from the day operation started. The start day is not counted.
 */
export interface InitialFiling extends Omit<Deadline, 'step' | 'overdue'> {
  /** The day authorised operation started, as the application states it. */
  operationStartedOn: IsoDate;
  /** True when operation started before the rules' effective date (`effectiveDates.registration`). */
  legacy: boolean;
  /** True when the application was received after `dueAt` (the period ran from `startedOn`: `operationStartedOn`, or the effective date when `legacy`). */
  late: boolean;
}

/**
 * Computes the initial-filing duty of an application received at `receivedAt` (epoch ms) that
 * states `operationStartedOn`, on `calendar` (calendar errors such as `CALENDAR_NOT_PUBLISHED`
 * propagate, unless `options.estimate` lets the calendar count a year without a published holiday
 * schedule Monday–Friday: the caller then says the period is an estimate). Lateness is only reported: the sources attach no consequence to it, so it is no
 * reason to refuse the application. The profile's two filing limits are read on its first use and
 * kept for that profile object: a profile changed afterwards is not seen (resolve a new one).
 *
 * @example
 * const f = initialFiling(resolveProfile('national'), WorkingCalendar.official(), {
 *   operationStartedOn: '2025-09-26', receivedAt: Date.parse('2025-10-31T09:00:00+08:00'),
 * });
 * f.dueDate; // '2025-10-30' (the National Day week skipped, the make-up Saturdays counted)
 * f.late;    // true
 */
export function initialFiling(profile: Profile, calendar: Calendar, input: { operationStartedOn: IsoDate; receivedAt: number }, options: DutyOptions = {}): InitialFiling {
  const effectiveOn = profile.effectiveDates.registration.date;
  const legacy = input.operationStartedOn < effectiveOn;
  const limits = filingLimitsOf(profile);
  const { deadline, dueAtMs } = computeDeadline(withEstimate(legacy ? limits.legacy : limits.current, options), { now: input.receivedAt, from: legacy ? effectiveOn : input.operationStartedOn }, calendar);
  // One literal in the order the rest of the deadline had (its `step` and `overdue` left out):
  // deadlines are frozen and shared, and a rest or spread copy of a frozen object takes V8's slow path.
  return {
    operationStartedOn: input.operationStartedOn,
    legacy,
    limit: deadline.limit,
    unit: deadline.unit,
    startTrigger: deadline.startTrigger,
    startedOn: deadline.startedOn,
    dueDate: deadline.dueDate,
    dueAt: deadline.dueAt,
    basis: deadline.basis,
    late: input.receivedAt >= dueAtMs,
  };
}

/** The two limits of the initial-filing duty of one profile. */
interface FilingLimits {
  current: Limit;
  legacy: Limit;
}

/**
 * Limits built once per profile, not per application: the same limit object each time lets the
 * kernel find its periods (and the day's shared deadline) by identity. Like a machine definition,
 * a profile is not changed once used.
 */
const filingLimits = new WeakMap<Profile, FilingLimits>();

function filingLimitsOf(profile: Profile): FilingLimits {
  let limits = filingLimits.get(profile);
  if (limits === undefined) {
    limits = {
      current: profileLimit(profile, 'registration.initial_filing', 'initial_filing', 'flag_overdue'),
      legacy: profileLimit(profile, 'registration.initial_filing_legacy', 'initial_filing', 'flag_overdue'),
    };
    filingLimits.set(profile, limits);
  }
  return limits;
}
