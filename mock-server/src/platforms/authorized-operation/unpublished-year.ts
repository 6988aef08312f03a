import type { WorkingCalendar } from '@gdx/calendar';
import type { DutyOptions, DutyPeriod } from '@gdx/procedures';
import { unpublishedYears } from '../../app/sim/timeline-steps.js';

/** Whether `error` is the calendar's `CALENDAR_NOT_PUBLISHED`, or one that carries it on (the kernel's, a problem's). */
function isYearUnpublished(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'CALENDAR_NOT_PUBLISHED';
}

/**
 * What `compute` answers, or `undefined` when it needs a year whose holiday schedule is not
 * published (`CALENDAR_NOT_PUBLISHED`), as a command journaled before `REVISIONS.dutyEstimates`
 * found a duty it could plan. Any other error is thrown.
 *
 * @example
 * ```ts
 * const duty = unlessYearUnpublished(() => ceilingReportDuty(profile, calendar, events)); // undefined past 2026
 * ```
 */
export function unlessYearUnpublished<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch (error) {
    if (isYearUnpublished(error)) return undefined;
    throw error;
  }
}

/** How a duty's running period stands to the calendar: `estimate` while it reaches `unpublishedYears`. */
export interface CalendarEstimate {
  estimate: boolean;
  unpublishedYears: number[];
}

/**
 * A reporting duty on the sandbox calendar, as the workflow steps' deadlines are laid on it (the
 * simulation timeline's `estimate`, `unpublishedYears`): exact where the calendar has every year
 * it needs; else counted with the calendar's explicit estimate (Monday–Friday in a year whose
 * holiday schedule is not published, domain README time 4) and said to be one, never silently.
 * The running period is an estimate when its working days reach such a year, or, in other units,
 * when it ends in one and the log needed the estimate (a yearly repeat, which no rest day moves,
 * is exact on its own). `null` when `compute` finds no duty.
 *
 * @example
 * ```ts
 * onCalendar(calendar, (options) => disclosureDuty(profile, calendar, '2026-12-10', events, options));
 * // { dueDate: '2027-01-07', estimate: true, unpublishedYears: [2027], … } until 2027 is loaded
 * ```
 */
export function onCalendar<T extends DutyPeriod>(calendar: WorkingCalendar, compute: (options: DutyOptions) => T | null): (T & CalendarEstimate) | null {
  try {
    const duty = compute({});
    return duty && { ...duty, estimate: false, unpublishedYears: [] };
  } catch (error) {
    if (!isYearUnpublished(error)) throw error;
  }
  const duty = compute({ estimate: true });
  if (!duty) return null;
  const years = unpublishedYears(calendar, duty.unit === 'working_days' ? duty.startedOn : duty.dueDate, duty.dueDate);
  return { ...duty, estimate: years.length > 0, unpublishedYears: years };
}

/**
 * Whether a period's days run through `year` (from its start day's year to its due day's).
 *
 * @example
 * ```ts
 * reachesYear({ startedOn: '2026-12-10', dueDate: '2027-01-08' }, 2027); // true
 * ```
 */
export function reachesYear(period: Pick<DutyPeriod, 'startedOn' | 'dueDate'>, year: number): boolean {
  return Number(period.startedOn.slice(0, 4)) <= year && year <= Number(period.dueDate.slice(0, 4));
}
