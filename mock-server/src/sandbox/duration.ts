import { addDays, addMonthsClamped, shanghaiDate, startOfShanghaiDay } from '@gdx/calendar';

const PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Whether `text` is an ISO 8601 duration `addIsoDuration` reads (`P3D`, `PT4H`, `P1Y2M3DT4H`).
 *
 * @example
 * ```ts
 * isIsoDuration('P3D'); // true
 * isIsoDuration('3 days'); // false
 * ```
 */
export function isIsoDuration(text: string): boolean {
  return PATTERN.test(text);
}

/**
 * Adds an ISO 8601 duration (`P1Y2M3DT4H`) to an instant on the Asia/Shanghai calendar: years and
 * months move the calendar day (clamped to the month's end), weeks and days add calendar days,
 * the time part adds exact hours, minutes and seconds. `undefined` when the text is no duration.
 *
 * @example
 * ```ts
 * addIsoDuration(Date.parse('2025-09-26T02:00:00Z'), 'P3D'); // 2025-09-29T10:00:00+08:00 as epoch ms
 * ```
 */
export function addIsoDuration(instant: number, duration: string): number | undefined {
  const m = PATTERN.exec(duration);
  if (!m) return undefined;
  const n = (i: number): number => Number(m[i] ?? 0);
  try {
    const day = shanghaiDate(instant);
    const timeOfDay = instant - startOfShanghaiDay(day);
    const months = n(1) * 12 + n(2);
    const target = addDays(months > 0 ? addMonthsClamped(day, months) : day, n(3) * 7 + n(4));
    const result = startOfShanghaiDay(target) + timeOfDay + ((n(5) * 60 + n(6)) * 60 + n(7)) * 1000;
    // Keep within what Date and RFC 3339 can express (years 1–9999).
    return Number.isFinite(result) && result < 253402300800000 ? result : undefined;
  } catch {
    return undefined; // the calendar refuses dates beyond its range
  }
}
