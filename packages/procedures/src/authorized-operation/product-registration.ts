import { computeDeadline, type Calendar, type Deadline, type IsoDate } from '@gdx/kernel';
import { profileLimit } from '../machines/profile-limit.js';
import type { Profile } from '../profile-schema.js';

/**
 * The operator's duty to register a delivered product on the registration platform (27号 第十六条;
 * 26号 第九条(一)): within `authorized_operation.product_registration` (20 WD) of the day it was
 * delivered (listed), the start day not counted. As the contract's `Product.registration`.
 */
export interface ProductRegistrationDuty extends Omit<Deadline, 'step' | 'overdue'> {
  registrationCode: string | null;
  registeredOn: IsoDate | null;
  /** Registered after `dueAt`. */
  late: boolean;
  /** Not registered and `now` is at or past `dueAt`. */
  overdue: boolean;
}

/**
 * Computes the registration duty of a product delivered on `deliveredOn`, given when (if ever) the
 * registration platform coded it, as seen at `now` (epoch ms). Lateness is reported, never a reason
 * to delist; calendar errors (`CALENDAR_NOT_PUBLISHED`) propagate.
 *
 * @example
 * productRegistrationDuty(resolveProfile('national'), WorkingCalendar.official(), {
 *   deliveredOn: '2026-03-09', registered: null, now: Date.parse('2026-04-08T09:00:00+08:00'),
 * }); // { dueDate: '2026-04-07', overdue: true, late: false, ... }
 */
export function productRegistrationDuty(
  profile: Profile,
  calendar: Calendar,
  input: { deliveredOn: IsoDate; registered: { code: string; at: number; on: IsoDate } | null; now: number },
): ProductRegistrationDuty {
  const limit = profileLimit(profile, 'authorized_operation.product_registration', 'product_registration', 'flag_overdue');
  const { deadline, dueAtMs } = computeDeadline(limit, { now: input.now, from: input.deliveredOn }, calendar);
  const { step: _step, overdue: _overdue, ...period } = deadline;
  const registered = input.registered;
  return {
    ...period,
    registrationCode: registered?.code ?? null,
    registeredOn: registered?.on ?? null,
    late: registered !== null && registered.at >= dueAtMs,
    overdue: registered === null && input.now >= dueAtMs,
  };
}
