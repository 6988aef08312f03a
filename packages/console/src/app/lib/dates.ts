/** Date helpers on `YYYY-MM-DD` strings and `+08:00` instants, free of the browser's time zone. */

/** `2025-09-26T09:00:00+08:00` → `2025-09-26 09:00` (the server already speaks Beijing time). */
export function shortInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  return iso.slice(0, 16).replace('T', ' ');
}

/** The calendar date of an instant in Asia/Shanghai. */
export function dateOf(iso: string): string {
  const shanghai = new Date(Date.parse(iso) + 8 * 3_600_000);
  return shanghai.toISOString().slice(0, 10);
}

/** The date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const pad = (n: number) => String(n).padStart(2, '0');

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let date = from; date <= to && out.length < 3_660; date = addDays(date, 1)) out.push(date);
  return out;
}

/** A `datetime-local` value (Beijing wall time) as an instant with `+08:00`. */
export function localToInstant(value: string): string {
  return `${value.length === 16 ? `${value}:00` : value}+08:00`;
}

/**
 * Dates (ascending) as runs of consecutive days, `[first, last]` each: a week of holidays reads
 * as one span rather than seven dates, which at a phone's width filled a table cell's height.
 *
 * @example
 * ```ts
 * dayRuns(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-11']); // [['2025-10-01', '2025-10-03'], ['2025-10-11', '2025-10-11']]
 * ```
 */
export function dayRuns(dates: readonly string[]): [first: string, last: string][] {
  const runs: [string, string][] = [];
  for (const date of dates) {
    const run = runs.at(-1);
    if (run && addDays(run[1], 1) === date) run[1] = date;
    else runs.push([date, date]);
  }
  return runs;
}
