import { daysInMonth, formatParts, parseIsoDate, type IsoDate } from './iso-date.js';

/**
 * Moves a date by whole months the way 民法典 第二百零二条 ends a period in months or years:
 * the corresponding day of the final month, or that month's last day when it has none.
 *
 * @example
 * ```ts
 * addMonthsClamped('2024-01-31', 1); // '2024-02-29'
 * addMonthsClamped('2024-02-29', 12); // '2025-02-28'
 * ```
 */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatParts({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}
