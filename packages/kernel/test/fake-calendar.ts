import type { Calendar, IsoDate } from '../src/index.js';

/*
 * A tiny stand-in for @gdx/calendar (the kernel must not depend on it): Monday–Friday plus the
 * 2025 National Day schedule, and years from 2027 on refused as unpublished.
 */
const HOLIDAYS = new Set(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08']);
const MAKEUP = new Set(['2025-09-28', '2025-10-11']);
const DAY = 86_400_000;

function shift(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

function check(date: IsoDate, estimate?: boolean): void {
  const year = Number(date.slice(0, 4));
  if (year >= 2027 && !estimate) {
    throw Object.assign(new Error(`calendar for ${year} not published`), { code: 'CALENDAR_NOT_PUBLISHED', year });
  }
}

function isWorkingDay(date: IsoDate): boolean {
  if (MAKEUP.has(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(date);
}

export const fakeCalendar: Calendar = {
  addWorkingDays(start, n, opts) {
    let date = start;
    for (let left = n; left > 0; ) {
      date = shift(date, 1);
      check(date, opts?.estimate);
      if (isWorkingDay(date)) left--;
    }
    return date;
  },
  addCalendarDays(start, n, opts) {
    const date = shift(start, n);
    check(date, opts?.estimate);
    return date;
  },
  addPeriod(start, p, opts) {
    // The corresponding day, or the month's last day when there is none (民法典 第二百零二条).
    const months = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 + (p.years ?? 0) * 12 + (p.months ?? 0);
    const [year, month] = [Math.floor(months / 12), (months % 12) + 1];
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const day = Math.min(Number(start.slice(8, 10)), last);
    const date = shift(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, p.days ?? 0);
    check(date, opts?.estimate);
    return date;
  },
};

/** Epoch ms of a Shanghai wall-clock time, e.g. `at('2025-09-26T10:00')`. */
export function at(local: string): number {
  return Date.parse(`${local}:00+08:00`);
}
