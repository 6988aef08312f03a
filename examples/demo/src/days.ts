import { addDays, dayOfWeek, shanghaiDate, type IsoDate } from '@gdx/calendar';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * The English short weekday of a date (Asia/Shanghai calendar day, independent of the process zone).
 *
 * @example
 * ```ts
 * weekday('2025-09-26'); // 'Fri'
 * ```
 */
export function weekday(date: IsoDate): string {
  return WEEKDAYS[dayOfWeek(date) - 1] ?? '???';
}

/**
 * The Asia/Shanghai day of an RFC 3339 instant as the platform sends it.
 *
 * @example
 * ```ts
 * dayOf('2025-09-30T23:30:00+08:00'); // '2025-09-30'
 * ```
 */
export function dayOf(instant: string): IsoDate {
  return shanghaiDate(Date.parse(instant));
}

/**
 * `MM-DD`, the short form used inside a deadline explanation.
 *
 * @example
 * ```ts
 * shortDate('2025-10-11'); // '10-11'
 * ```
 */
export function shortDate(date: IsoDate): string {
  return date.slice(5);
}

/**
 * Every day after `from` up to and including `to` (the start day is not counted, 民法典 第二百零一条).
 *
 * @example
 * ```ts
 * daysAfter('2025-09-26', '2025-09-28'); // ['2025-09-27', '2025-09-28']
 * ```
 */
export function daysAfter(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}
