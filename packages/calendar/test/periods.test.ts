import { describe, expect, it } from 'vitest';
import { WorkingCalendar, type HolidayExtension } from '../src/index.js';

const calendar = WorkingCalendar.official();

describe('addCalendarDays (民法典 第二百零一条, 第二百零三条)', () => {
  it.each<{ start: string; n: number; rule?: HolidayExtension; want: string; why: string }>([
    { start: '2025-09-01', n: 10, want: '2025-09-11', why: 'ends on a working day: unmoved' },
    { start: '2025-09-01', n: 30, want: '2025-10-09', why: 'ends on a holiday: first working day after the block' },
    { start: '2025-09-01', n: 30, rule: 'statutory_holidays', want: '2025-10-09', why: 'the day after the block is a working day' },
    { start: '2025-09-01', n: 30, rule: 'none', want: '2025-10-01', why: 'no extension asked' },
    { start: '2025-09-01', n: 27, want: '2025-09-28', why: 'ends on a make-up working day (Sunday): it is a working day' },
    { start: '2025-09-01', n: 26, want: '2025-09-28', why: 'ends on an ordinary Saturday: next working day is the make-up Sunday' },
    { start: '2025-09-01', n: 26, rule: 'statutory_holidays', want: '2025-09-27', why: 'ordinary weekends do not move the end' },
    { start: '2025-09-01', n: 5, want: '2025-09-08', why: 'ends on a Saturday: Monday' },
    { start: '2025-05-01', n: 4, want: '2025-05-06', why: 'ends inside 劳动节: the day after the block' },
    { start: '2024-06-01', n: 8, want: '2024-06-11', why: 'ends on the weekend before a Monday holiday (端午 2024)' },
    { start: '2024-06-01', n: 8, rule: 'statutory_holidays', want: '2024-06-09', why: 'the weekend is not in the notice' },
    { start: '2024-06-01', n: 9, rule: 'statutory_holidays', want: '2024-06-11', why: 'the holiday itself moves' },
    { start: '2025-10-11', n: -60, want: '2025-08-12', why: 'negative: a window before a date, no extension' },
    { start: '2025-10-05', n: 0, want: '2025-10-05', why: 'zero: the start itself' },
  ])('$start + $n days ($why) = $want', ({ start, n, rule, want }) => {
    expect(calendar.addCalendarDays(start, n, rule ? { holidayExtension: rule } : undefined)).toBe(want);
  });

  it('rejects fractional counts and malformed dates', () => {
    expect(() => calendar.addCalendarDays('2025-09-01', 1.5)).toThrow(RangeError);
    expect(() => calendar.addCalendarDays('2025-02-30', 1)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});

describe('addPeriod (民法典 第二百零二条)', () => {
  const none = { holidayExtension: 'none' } as const;

  it.each([
    { start: '2024-01-31', period: { months: 1 }, want: '2024-02-29', why: 'no corresponding day: month end (leap year)' },
    { start: '2025-01-31', period: { months: 1 }, want: '2025-02-28', why: 'no corresponding day: month end' },
    { start: '2024-02-29', period: { years: 1 }, want: '2025-02-28', why: 'no 29 February in the final year' },
    { start: '2025-03-15', period: { months: 1 }, want: '2025-04-15', why: 'corresponding day' },
    { start: '2024-03-31', period: { years: 1, months: 2 }, want: '2025-05-31', why: 'years then months' },
    { start: '2025-01-31', period: { months: 1, days: 3 }, want: '2025-03-03', why: 'months, then days' },
    { start: '2025-03-31', period: { months: -1 }, want: '2025-02-28', why: 'backwards' },
    { start: '2025-03-31', period: {}, want: '2025-03-31', why: 'empty period' },
  ])('$start + $period ($why) = $want', ({ start, period, want }) => {
    expect(calendar.addPeriod(start, period, none)).toBe(want);
  });

  it('moves a last day that is a rest day (民法典 第二百零三条) by default', () => {
    expect(calendar.addPeriod('2024-10-01', { years: 1 })).toBe('2025-10-09');
    expect(calendar.addPeriod('2024-10-01', { years: 1 }, none)).toBe('2025-10-01');
    expect(calendar.addPeriod('2025-03-31', { months: -1 })).toBe('2025-02-28'); // backwards: never moved
    expect(calendar.addPeriod('2025-01-29', { years: 1 })).toBe('2026-01-29');
  });

  it('rejects fractional parts', () => {
    expect(() => calendar.addPeriod('2025-01-01', { months: 0.5 })).toThrow(RangeError);
  });

  // Periods are moved in day numbers; these pin that they end where the dates' own arithmetic does.
  it('ends in years outside the loaded ones (estimated) on the corresponding day or the month end', () => {
    const estimate = { estimate: true } as const;
    expect(calendar.addPeriod('2024-02-29', { years: 3 }, { ...none, estimate: true })).toBe('2027-02-28');
    expect(calendar.addPeriod('2024-02-29', { years: 3 }, estimate)).toBe('2027-03-01'); // 02-28 is a Sunday
    expect(calendar.addPeriod('2025-12-31', { years: 3, months: 2 }, { ...none, estimate: true })).toBe('2029-02-28');
    expect(calendar.addPeriod('2026-05-15', { years: -30, days: 1 }, { ...none, estimate: true })).toBe('1996-05-16');
    expect(calendar.addPeriod('0052-02-29', { years: 1 }, { ...none, estimate: true })).toBe('0053-02-28');
  });

  it('rejects a period that ends past 9999 with the date it would end on', () => {
    expect(() => calendar.addPeriod('9999-06-01', { years: 1 }, { holidayExtension: 'none', estimate: true })).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE', message: expect.stringContaining('10000-06-01') }),
    );
  });
});
