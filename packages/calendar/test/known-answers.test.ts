import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../src/index.js';

// Known answers from the project's toolchain notes, checked against the State Council notices.
describe('known working-day answers', () => {
  const calendar = WorkingCalendar.official();

  it.each([
    { start: '2025-09-26', n: 3, want: '2025-09-30' },
    { start: '2025-09-26', n: 20, want: '2025-10-30' },
    { start: '2025-09-30', n: 20, want: '2025-11-04' },
    { start: '2026-09-28', n: 10, want: '2026-10-16' },
  ])('$n working days after $start is $want', ({ start, n, want }) => {
    expect(calendar.addWorkingDays(start, n)).toBe(want);
    expect(calendar.workingDaysBetween(start, want)).toBe(n);
    expect(calendar.addWorkingDays(want, -n)).toBe(start); // every start here is a working day
  });

  it.each([
    { date: '2025-09-28', kind: 'makeup_working' }, // Sunday
    { date: '2025-10-11', kind: 'makeup_working' }, // Saturday
    { date: '2025-09-27', kind: 'weekend' },
    { date: '2025-09-29', kind: 'working' },
    ...['01', '02', '03', '04', '05', '06', '07', '08'].map((day) => ({ date: `2025-10-${day}`, kind: 'holiday' })),
    { date: '2025-10-09', kind: 'working' },
    { date: '2025-10-12', kind: 'weekend' },
  ])('$date is $kind', ({ date, kind }) => {
    expect(calendar.dayKind(date)).toBe(kind);
    expect(calendar.isWorkingDay(date)).toBe(kind === 'working' || kind === 'makeup_working');
  });

  it('does not count the start day (民法典 第二百零一条) and returns it for n = 0', () => {
    expect(calendar.addWorkingDays('2025-09-29', 1)).toBe('2025-09-30');
    expect(calendar.addWorkingDays('2025-09-27', 0)).toBe('2025-09-27');
    expect(calendar.addWorkingDays('2025-09-27', 1)).toBe('2025-09-28');
    expect(calendar.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
  });

  it('counts backwards for negative n: the |n|-th working day before the start', () => {
    expect(calendar.addWorkingDays('2025-10-09', -1)).toBe('2025-09-30');
    expect(calendar.addWorkingDays('2025-10-05', -1)).toBe('2025-09-30');
    expect(calendar.addWorkingDays('2025-10-09', -3)).toBe('2025-09-28');
    expect(calendar.addWorkingDays('2025-10-09', -4)).toBe('2025-09-26');
  });

  it('counts working days in (from, to], negative when reversed', () => {
    expect(calendar.workingDaysBetween('2025-09-26', '2025-10-09')).toBe(4);
    expect(calendar.workingDaysBetween('2025-10-09', '2025-09-26')).toBe(-4);
    expect(calendar.workingDaysBetween('2025-10-01', '2025-10-08')).toBe(0);
    expect(calendar.workingDaysBetween('2025-09-26', '2025-09-26')).toBe(0);
  });

  it('crosses a year boundary inside the shipped years', () => {
    // 2024-12-31 (Tue) → 2025-01-01 holiday → 01-02, 01-03 (Thu, Fri) → 01-06 (Mon)
    expect(calendar.addWorkingDays('2024-12-31', 3)).toBe('2025-01-06');
    expect(calendar.workingDaysBetween('2024-12-31', '2025-01-06')).toBe(3);
  });

  it('counts the working days of whole years as the notices imply', () => {
    // Counted by hand from the notices: weekdays − holidays on weekdays + make-up days.
    // 2024: 262 − 19 + 8 = 251; 2025: 261 − 18 + 5 = 248 (two more statutory holidays from 2025).
    expect(calendar.workingDaysBetween('2023-12-31', '2024-12-31', { estimate: true })).toBe(251);
    expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
  });
});
