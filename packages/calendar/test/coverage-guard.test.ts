import { describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { CalendarError, WorkingCalendar } from '../src/index.js';

function notPublished(year: number) {
  return expect.objectContaining({ name: 'CalendarError', code: 'CALENDAR_NOT_PUBLISHED', year });
}

describe('coverage guard (never a silent Monday–Friday fallback)', () => {
  const calendar = WorkingCalendar.official();

  it.each([
    { what: 'a working day in the next year', run: () => calendar.addWorkingDays('2026-12-31', 1), year: 2027 },
    { what: 'a long limit spilling into the next year', run: () => calendar.addWorkingDays('2026-12-01', 30), year: 2027 },
    { what: 'a day before the first year', run: () => calendar.addWorkingDays('2024-01-02', -2), year: 2023 },
    { what: 'a start in an unknown year', run: () => calendar.addWorkingDays('2023-12-29', 1), year: 2023 },
    { what: 'n = 0 in an unknown year', run: () => calendar.addWorkingDays('2027-03-01', 0), year: 2027 },
    { what: 'isWorkingDay', run: () => calendar.isWorkingDay('2027-01-01'), year: 2027 },
    { what: 'dayKind', run: () => calendar.dayKind('2023-10-01'), year: 2023 },
    { what: 'workingDaysBetween', run: () => calendar.workingDaysBetween('2026-12-30', '2027-01-05'), year: 2027 },
    { what: 'a calendar-day period ending in an unknown year', run: () => calendar.addCalendarDays('2026-12-01', 60), year: 2027 },
    { what: 'a period in years', run: () => calendar.addPeriod('2025-06-30', { years: 3 }), year: 2028 },
  ])('throws CALENDAR_NOT_PUBLISHED for $what', ({ run, year }) => {
    expect(run).toThrow(CalendarError);
    expect(run).toThrow(notPublished(year));
  });

  it('answers up to the last known day and stops exactly there', () => {
    expect(calendar.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
    expect(calendar.workingDaysBetween('2026-12-01', '2026-12-31')).toBe(22);
    expect(() => calendar.addWorkingDays('2026-12-30', 2)).toThrow(notPublished(2027));
    expect(() => calendar.addCalendarDays('2026-12-31', 1)).toThrow(notPublished(2027));
  });

  it('throws when the rest-day rule of a period must look into an unknown year', () => {
    const only2028 = new WorkingCalendar([{ year: 2028, source: 'test', holidays: [], makeupWorkdays: [] }]);
    // 2028-12-31 is a Sunday: the period would end on the first working day of 2029.
    expect(() => only2028.addCalendarDays('2028-12-01', 30)).toThrow(notPublished(2029));
    expect(only2028.addCalendarDays('2028-12-01', 30, { holidayExtension: 'none' })).toBe('2028-12-31');
    expect(only2028.addCalendarDays('2028-12-01', 30, { estimate: true })).toBe('2029-01-01');
  });

  it('says in both languages what to do', () => {
    try {
      calendar.addWorkingDays('2026-12-31', 1);
      expect.unreachable();
    } catch (error) {
      const { messages } = error as CalendarError;
      expect(messages.zh).toContain('2027 年');
      expect(messages.en).toContain('estimate');
    }
  });

  it('counts Monday–Friday in unknown years only when asked to estimate', () => {
    const estimate = { estimate: true };
    expect(calendar.addWorkingDays('2026-12-31', 1, estimate)).toBe('2027-01-01'); // a Friday; 元旦 in reality
    expect(calendar.addWorkingDays('2026-12-30', 5, estimate)).toBe('2027-01-06');
    expect(calendar.isWorkingDay('2027-01-01', estimate)).toBe(true);
    expect(calendar.dayKind('2027-01-02', estimate)).toBe('weekend');
    expect(calendar.workingDaysBetween('2023-12-29', '2024-01-02', estimate)).toBe(1); // 12-30/31 weekend, 01-01 holiday, 01-02 works
    expect(calendar.addWorkingDays('2024-01-02', -2, estimate)).toBe('2023-12-28');
    expect(calendar.addPeriod('2025-06-30', { years: 3 }, estimate)).toBe('2028-06-30');
  });

  it('uses the real data of known years inside an estimate', () => {
    expect(calendar.addWorkingDays('2025-09-26', 3, { estimate: true })).toBe('2025-09-30');
  });

  it("does not take chinese-days' silent answer for 2027", () => {
    // chinese-days (like every package checked) reports 2027-01-01 as a working day…
    expect(chineseDays.isWorkday('2027-01-01')).toBe(true);
    // …and this calendar refuses instead.
    expect(() => calendar.isWorkingDay('2027-01-01')).toThrow(notPublished(2027));
    expect(calendar.hasYear(2027)).toBe(false);
  });

  it('guards every gap year between loaded years', () => {
    const gappy = new WorkingCalendar([
      { year: 2024, source: 'a', holidays: [], makeupWorkdays: [] },
      { year: 2026, source: 'b', holidays: [], makeupWorkdays: [] },
    ]);
    expect(() => gappy.addWorkingDays('2024-12-31', 300)).toThrow(notPublished(2025));
    expect(() => gappy.workingDaysBetween('2024-06-01', '2026-06-01')).toThrow(notPublished(2025));
    expect(gappy.addWorkingDays('2024-12-31', 1, { estimate: true })).toBe('2025-01-01');
  });

  it('needs estimate for everything on an empty calendar', () => {
    const empty = new WorkingCalendar();
    expect(empty.years()).toEqual([]);
    expect(() => empty.isWorkingDay('2025-09-29')).toThrow(notPublished(2025));
    expect(empty.addWorkingDays('2025-09-26', 3, { estimate: true })).toBe('2025-10-01');
    expect(empty.workingDaysBetween('2025-09-26', '2025-10-03', { estimate: true })).toBe(5);
  });
});
