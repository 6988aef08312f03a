import { describe, expect, it } from 'vitest';
import { addDays, addMonthsClamped, WorkingCalendar } from '../src/index.js';

/*
 * Days outside the loaded years (a 3-year validity ends in one) are formatted once and then looked
 * up, in a bounded table shared by every calendar: the answers must not depend on what was asked
 * before, nor on the table having been emptied when full.
 */
describe('dates outside the loaded years', () => {
  const starts = Array.from({ length: 700 }, (_, i) => addDays('2024-01-01', i));

  it('answers every period past the loaded years as plain date arithmetic, again and again', () => {
    const calendar = WorkingCalendar.official();
    const expected = starts.map((start) => addMonthsClamped(start, 60));
    for (let round = 0; round < 2; round += 1) {
      expect(starts.map((start) => calendar.addPeriod(start, { years: 5 }, { holidayExtension: 'none' }))).toEqual(expected);
    }
  });

  it('gives every calendar the same day, whichever computed it first', () => {
    const estimating = new WorkingCalendar();
    const official = WorkingCalendar.official();
    const fromEstimate = starts.map((start) => estimating.addCalendarDays(start, 2000, { holidayExtension: 'none', estimate: true }));
    expect(starts.map((start) => official.addCalendarDays(start, 2000, { holidayExtension: 'none', estimate: true }))).toEqual(fromEstimate);
    expect(fromEstimate.slice(0, 2)).toEqual(['2029-06-23', '2029-06-24']);
  });
});
