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
    { why: 'year not an integer', change: { year: 2027.5 }, pointer: '/year' },
    { why: 'year out of range', change: { year: 99 }, pointer: '/year' },
    { why: 'empty source', change: { source: ' ' }, pointer: '/source' },
    { why: 'holidays not an array', change: { holidays: 'x' }, pointer: '/holidays' },
    { why: 'impossible date', change: { holidays: [{ date: '2027-02-30', name: '春节' }] }, pointer: '/holidays/0/date' },
    { why: 'malformed date', change: { holidays: [{ date: '2027-1-1', name: '元旦' }] }, pointer: '/holidays/0/date' },
    { why: 'date in another year', change: { holidays: [{ date: '2026-12-31', name: '元旦' }] }, pointer: '/holidays/0/date' },
    { why: 'missing name', change: { holidays: [{ date: '2027-01-01' }] }, pointer: '/holidays/0/name' },
    { why: 'null entry', change: { holidays: [null] }, pointer: '/holidays/0/name' },
    { why: 'holiday listed twice', change: { holidays: [{ date: '2027-01-01', name: 'a' }, { date: '2027-01-01', name: 'b' }] }, pointer: '/holidays/1/date' },
    { why: 'holiday also a make-up day', change: { makeupWorkdays: [{ date: '2027-01-01', name: '元旦' }] }, pointer: '/makeupWorkdays/0/date' },
    { why: 'make-up day on a weekday', change: { makeupWorkdays: [{ date: '2027-02-06', name: 'a' }, { date: '2027-01-04', name: '元旦' }] }, pointer: '/makeupWorkdays/1/date' },
  ])('rejects a schedule with $why (INVALID_SCHEDULE) at $pointer', ({ change, pointer }) => {
    const schedule = { ...base, ...change } as unknown as YearSchedule;
    expect(() => validateYearSchedule(schedule)).toThrow(expect.objectContaining({ code: 'INVALID_SCHEDULE', pointer }));
  });

  it('tells a day listed twice from a holiday that is also a make-up day, in both languages', () => {
    const twice = { ...base, holidays: [...base.holidays, { date: '2027-01-01', name: '元旦' }] };
    expect(() => validateYearSchedule(twice)).toThrow(expect.objectContaining({ messages: { en: 'Invalid holiday schedule: 2027-01-01 is listed twice', zh: '节假日安排无效：2027-01-01 重复出现' } }));
    const both = { ...base, makeupWorkdays: [{ date: '2027-01-01', name: '元旦' }] };
    expect(() => validateYearSchedule(both)).toThrow(
      expect.objectContaining({ messages: { en: 'Invalid holiday schedule: 2027-01-01 is both a holiday and a make-up working day', zh: '节假日安排无效：2027-01-01 既是假日又是调休上班日' } }),
    );
  });

  it('names the year in the error', () => {
    const schedule = { ...base, holidays: [{ date: '2026-12-31', name: '元旦' }] };
    expect(() => validateYearSchedule(schedule)).toThrow(expect.objectContaining({ year: 2027 }));
  });
});
