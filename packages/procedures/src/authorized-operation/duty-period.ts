import { computeDeadline, type Calendar, type Deadline, type Limit } from '@gdx/kernel';

/** A duty's period as the contract shows it: a deadline without its step and overdue flag. */
export type DutyPeriod = Omit<Deadline, 'step' | 'overdue'>;

/** How a duty's periods are computed: `estimate` counts a year without a published holiday schedule Monday–Friday (`Limit.estimate`). */
export interface DutyOptions {
  estimate?: boolean;
}

/**
 * `limit` as `options` count it: the same object for a plain call (the profile's limit as it is,
 * which the kernel finds its periods by), a copy with an explicit `estimate` when asked.
 *
 * @example
 * withEstimate(limit, { estimate: true }); // { ...limit, estimate: true }
 */
export function withEstimate(limit: Limit, options: DutyOptions): Limit {
  return options.estimate === true ? { ...limit, estimate: true } : limit;
}

/**
 * The period of `limit` from `day` (the start day not counted) and the instant it ends (epoch ms),
 * for the duties a host reads from an object's log (disclosure, ceiling report). Calendar errors
 * propagate (`CALENDAR_NOT_PUBLISHED`).
 *
 * @example
 * periodFrom(limit, '2026-03-10', calendar); // { period: { startedOn: '2026-03-10', dueDate: '2026-03-24', … }, dueAtMs: … }
 */
export function periodFrom(limit: Limit, day: string, calendar: Calendar): { period: DutyPeriod; dueAtMs: number } {
  const { deadline, dueAtMs } = computeDeadline(limit, { now: 0, from: day }, calendar);
  const { step: _step, overdue: _overdue, ...period } = deadline;
  return { period, dueAtMs };
}
