import { describe, expect, it } from 'vitest';
import { calendarHorizonWarning, calendarSummary } from './calendar-horizon.js';

const YEARS = [2024, 2025, 2026];

describe('the calendar horizon at start', () => {
  it('summarises the years held and how to add one', () => {
    expect(calendarSummary([2026, 2024, 2025], 'default')).toBe('holiday schedules 2024–2026; add a later year: --calendar <file>, or PUT /_sim/v1/sandboxes/default/calendar/{year}');
    expect(calendarSummary([2025], 'sbx_1')).toBe('holiday schedules 2025; add a later year: --calendar <file>, or PUT /_sim/v1/sandboxes/sbx_1/calendar/{year}');
    expect(calendarSummary([2024, 2025, 2026, 2028, 2027], 'default', [2028, 2027])).toMatch(/^holiday schedules 2024–2028 \(2027, 2028 from --calendar\); /);
    expect(calendarSummary([], 'default')).toMatch(/^no holiday schedules;/);
  });

  it('warns within 90 days of the end of the last year held, and past it, naming the year to load', () => {
    expect(calendarHorizonWarning('2025-09-26', YEARS, 'default')).toBeUndefined();
    expect(calendarHorizonWarning('2026-10-02', YEARS, 'default')).toBeUndefined(); // 91 days before 2027
    const near = calendarHorizonWarning('2026-12-05', YEARS, 'default');
    expect(near).toContain('the clock (2026-12-05) is 27 days before the end of 2026');
    expect(near).toContain('PUT /_sim/v1/sandboxes/default/calendar/2027');
    expect(near).toContain('--calendar <file>');
    expect(near).toContain('action_blocked');
    expect(calendarHorizonWarning('2027-03-01', YEARS, 'default')).toContain('is past 2026');
    expect(calendarHorizonWarning('2027-03-01', [], 'default')).toBeUndefined();
  });
});
