import { describe, expect, it } from 'vitest';
import { validateYearSchedule, type YearSchedule } from './year-schedule.js';

const base: YearSchedule = {
  year: 2027,
  source: 'test notice',
  holidays: [{ date: '2027-01-01', name: '元旦' }],
  makeupWorkdays: [{ date: '2027-01-02', name: '元旦' }],
};

describe('validateYearSchedule', () => {
  it('returns a frozen, date-sorted copy', () => {
    const valid = validateYearSchedule({
      ...base,
      holidays: [
        { date: '2027-10-02', name: '国庆节' },
        { date: '2027-10-01', name: '国庆节' },
      ],
    });
    expect(valid.holidays.map((day) => day.date)).toEqual(['2027-10-01', '2027-10-02']);
    expect(Object.isFrozen(valid)).toBe(true);
    expect(Object.isFrozen(valid.holidays)).toBe(true);
  });

  it.each([
    { why: 'year not an integer', change: { year: 2027.5 } },
    { why: 'year out of range', change: { year: 99 } },
    { why: 'empty source', change: { source: ' ' } },
    { why: 'holidays not an array', change: { holidays: 'x' } },
    { why: 'impossible date', change: { holidays: [{ date: '2027-02-30', name: '春节' }] } },
    { why: 'malformed date', change: { holidays: [{ date: '2027-1-1', name: '元旦' }] } },
    { why: 'date in another year', change: { holidays: [{ date: '2026-12-31', name: '元旦' }] } },
    { why: 'missing name', change: { holidays: [{ date: '2027-01-01' }] } },
    { why: 'null entry', change: { holidays: [null] } },
    { why: 'holiday listed twice', change: { holidays: [{ date: '2027-01-01', name: 'a' }, { date: '2027-01-01', name: 'b' }] } },
    { why: 'holiday also a make-up day', change: { makeupWorkdays: [{ date: '2027-01-01', name: '元旦' }] } },
    { why: 'make-up day on a weekday', change: { makeupWorkdays: [{ date: '2027-01-04', name: '元旦' }] } },
  ])('rejects a schedule with $why (INVALID_SCHEDULE)', ({ change }) => {
    const schedule = { ...base, ...change } as unknown as YearSchedule;
    expect(() => validateYearSchedule(schedule)).toThrow(expect.objectContaining({ code: 'INVALID_SCHEDULE' }));
  });

  it('names the year in the error', () => {
    const schedule = { ...base, holidays: [{ date: '2026-12-31', name: '元旦' }] };
    expect(() => validateYearSchedule(schedule)).toThrow(expect.objectContaining({ year: 2027 }));
  });
});
