import { describe, expect, it } from 'vitest';
import { CalendarError, WorkingCalendar, type YearSchedule } from '../src/index.js';

/** A made-up 2027 schedule (the real one is not published yet): 元旦 Friday 01-01, a make-up Saturday. */
const schedule2027: YearSchedule = {
  year: 2027,
  source: 'test schedule, not an official notice',
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-02-05', name: '春节' },
    { date: '2027-02-08', name: '春节' },
  ],
  makeupWorkdays: [{ date: '2027-01-09', name: '元旦' }],
};

describe('adding a year at run time', () => {
  it('leaves a copy and the calendar it was copied from apart: a year added to one is not in the other', () => {
    const base = WorkingCalendar.official();
    base.addYear(schedule2027);
    const copy = base.copy();
    expect(copy.years()).toEqual([2024, 2025, 2026, 2027]);
    expect(copy.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    copy.addYear({ ...schedule2027, source: 'own', holidays: [] });
    expect(copy.addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(base.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    base.addYear({ year: 2028, source: 'test', holidays: [], makeupWorkdays: [] });
    expect(copy.hasYear(2028)).toBe(false);
    expect(WorkingCalendar.official().years()).toEqual([2024, 2025, 2026]);
  });

  it('extends the calendar and rebuilds the index', () => {
    const calendar = WorkingCalendar.official();
    expect(() => calendar.addWorkingDays('2026-12-31', 1)).toThrow(CalendarError);
    calendar.addYear(schedule2027);
    expect(calendar.years()).toEqual([2024, 2025, 2026, 2027]);
    expect(calendar.hasYear(2027)).toBe(true);
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(calendar.dayKind('2027-01-09')).toBe('makeup_working');
    expect(calendar.addWorkingDays('2027-01-08', 1)).toBe('2027-01-09');
    expect(calendar.addWorkingDays('2027-02-04', 1)).toBe('2027-02-09');
    expect(calendar.workingDaysBetween('2026-12-31', '2027-01-11')).toBe(7);
    // the old years are untouched
    expect(calendar.addWorkingDays('2025-09-26', 20)).toBe('2025-10-30');
  });

  it('replaces a year', () => {
    const calendar = WorkingCalendar.official();
    calendar.addYear(schedule2027);
    calendar.addYear({ ...schedule2027, holidays: [], makeupWorkdays: [] });
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true);
    expect(calendar.dayKind('2027-01-09')).toBe('weekend');
    expect(calendar.schedule(2027)?.holidays).toEqual([]);
  });

  it('removes a year: its days need an estimate again, and a copy made before keeps it', () => {
    const calendar = WorkingCalendar.official();
    calendar.addYear(schedule2027);
    const before = calendar.copy();
    expect(calendar.removeYear(2027)).toBe(true);
    expect(calendar.removeYear(2027)).toBe(false);
    expect(calendar.years()).toEqual([2024, 2025, 2026]);
    expect(() => calendar.addWorkingDays('2026-12-31', 1)).toThrow(CalendarError);
    expect(before.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });

  it('keeps instances apart: official() is fresh each time', () => {
    const extended = WorkingCalendar.official();
    extended.addYear(schedule2027);
    expect(WorkingCalendar.official().hasYear(2027)).toBe(false);
    // Replacing a shipped year in one calendar leaves the others' days as published.
    const emptied = WorkingCalendar.official();
    emptied.addYear({ year: 2025, source: 'test schedule, not an official notice', holidays: [], makeupWorkdays: [] });
    expect(emptied.dayKind('2025-10-01')).toBe('working');
    expect(WorkingCalendar.official().dayKind('2025-10-01')).toBe('holiday');
    expect(extended.dayKind('2025-10-01')).toBe('holiday');
  });

  it('rejects a bad schedule and keeps the previous state', () => {
    const calendar = WorkingCalendar.official();
    const bad = { ...schedule2027, makeupWorkdays: [{ date: '2027-01-01', name: '元旦' }] };
    expect(() => calendar.addYear(bad)).toThrow(expect.objectContaining({ code: 'INVALID_SCHEDULE', year: 2027 }));
    expect(calendar.hasYear(2027)).toBe(false);
  });

  it('does not share mutable state with the caller', () => {
    const calendar = new WorkingCalendar();
    const input = structuredClone(schedule2027);
    calendar.addYear(input);
    input.holidays.length = 0;
    expect(calendar.dayKind('2027-01-01')).toBe('holiday');
    expect(() => (calendar.schedule(2027)?.holidays as unknown[]).push({})).toThrow(TypeError);
  });

  it('works for a year far from the others', () => {
    const calendar = WorkingCalendar.official();
    calendar.addYear({ year: 2030, source: 'test', holidays: [{ date: '2030-10-01', name: '国庆节' }], makeupWorkdays: [] });
    expect(calendar.addWorkingDays('2030-09-30', 1)).toBe('2030-10-02');
    expect(() => calendar.addWorkingDays('2026-12-31', 1)).toThrow(expect.objectContaining({ year: 2027 }));
  });
});
