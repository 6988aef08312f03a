import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek, officialSchedules, WorkingCalendar, type YearSchedule } from '../src/index.js';

/**
 * A deliberately naive model — walk day by day, look every day up — against which the indexed
 * calendar is compared exhaustively. Same answers, same errors.
 */
function naiveModel(schedules: readonly YearSchedule[], estimate: boolean) {
  const years = new Set(schedules.map((schedule) => schedule.year));
  const holidays = new Set(schedules.flatMap((schedule) => schedule.holidays.map((day) => day.date)));
  const makeup = new Set(schedules.flatMap((schedule) => schedule.makeupWorkdays.map((day) => day.date)));
  const working = (day: string): boolean => {
    const year = Number(day.slice(0, 4));
    if (!estimate && !years.has(year)) throw Object.assign(new Error('unknown year'), { code: 'CALENDAR_NOT_PUBLISHED', year });
    return makeup.has(day) || (!holidays.has(day) && dayOfWeek(day) <= 5);
  };
  return {
    addWorkingDays(start: string, n: number): string {
      working(start);
      let day = start;
      for (let left = Math.abs(n); left > 0; ) {
        day = addDays(day, Math.sign(n));
        if (working(day)) left--;
      }
      return day;
    },
    workingDaysBetween(from: string, to: string): number {
      const [a, b, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      working(a);
      let count = 0;
      for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (working(day)) count++;
      return sign * count || 0; // no -0
    },
    addCalendarDays(start: string, n: number): string {
      let day = addDays(start, n);
      if (n <= 0) return day;
      while (!working(day)) day = addDays(day, 1);
      return day;
    },
  };
}

function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    const { code, year } = error as { code?: string; year?: number };
    return { code, year };
  }
}

const cases = [
  { name: 'official years', schedules: officialSchedules, estimate: false, first: '2023-12-20', last: '2027-01-10' },
  { name: 'official years, estimating', schedules: officialSchedules, estimate: true, first: '2023-12-01', last: '2027-02-01' },
  {
    name: 'a gap year, estimating',
    schedules: officialSchedules.filter((schedule) => schedule.year !== 2025),
    estimate: true,
    first: '2023-11-01',
    last: '2027-02-01',
  },
];

/** Compares every case and reports the disagreeing ones at once (one assertion, not thousands). */
function mismatches<T>(inputs: readonly T[], label: (input: T) => string, got: (input: T) => unknown, want: (input: T) => unknown) {
  const wrong: { input: string; got: unknown; want: unknown }[] = [];
  for (const input of inputs) {
    const [g, w] = [outcome(() => got(input)), outcome(() => want(input))];
    if (JSON.stringify(g) !== JSON.stringify(w)) wrong.push({ input: label(input), got: g, want: w });
  }
  return wrong;
}

describe.each(cases)('indexed calendar = naive model: $name', ({ schedules, estimate, first, last }) => {
  const calendar = new WorkingCalendar(schedules);
  const model = naiveModel(schedules, estimate);
  const opts = { estimate };
  const starts: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) starts.push(day);
  const pairs = <N,>(values: readonly N[]) => starts.flatMap((start) => values.map((n) => [start, n] as const));

  it('addWorkingDays', () => {
    const inputs = pairs([0, 1, 2, 3, 5, 7, 10, 15, 20, 30, 60, -1, -3, -10, -20]);
    expect(inputs.length).toBeGreaterThan(10_000);
    expect(
      mismatches(inputs, ([start, n]) => `${start} + ${n}`, ([start, n]) => calendar.addWorkingDays(start, n, opts), ([start, n]) => model.addWorkingDays(start, n)),
    ).toEqual([]);
  });

  it('workingDaysBetween', () => {
    const inputs = pairs([0, 1, 6, 13, 40, -9]).map(([from, span]) => [from, addDays(from, span)] as const);
    expect(
      mismatches(inputs, ([from, to]) => `${from}..${to}`, ([from, to]) => calendar.workingDaysBetween(from, to, opts), ([from, to]) => model.workingDaysBetween(from, to)),
    ).toEqual([]);
  });

  it('addCalendarDays', () => {
    const inputs = pairs([1, 3, 7, 10, 30, 60]);
    expect(
      mismatches(inputs, ([start, n]) => `${start} + ${n} days`, ([start, n]) => calendar.addCalendarDays(start, n, opts), ([start, n]) => model.addCalendarDays(start, n)),
    ).toEqual([]);
  });
});
