import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-error.js';
import { addDays, dayOfWeek, daysBetween, daysInMonth, isIsoDate, parseIsoDate } from './iso-date.js';

describe('parseIsoDate', () => {
  it.each([
    { given: '2025-09-26', want: { year: 2025, month: 9, day: 26 } },
    { given: '2024-02-29', want: { year: 2024, month: 2, day: 29 } },
    { given: '2000-02-29', want: { year: 2000, month: 2, day: 29 } },
    { given: '0001-01-01', want: { year: 1, month: 1, day: 1 } },
    { given: '9999-12-31', want: { year: 9999, month: 12, day: 31 } },
  ])('parses $given', ({ given, want }) => {
    expect(parseIsoDate(given)).toEqual(want);
  });

  it.each(['2025-02-30', '2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '0000-01-01',
    '2025-9-26', '2025-09-26T00:00:00+08:00', ' 2025-09-26', '20250926', '', '２０２５-09-26',
    '2025-09-2a', '2025/09/26', '2025-09-26\n', '+025-09-26', '2025-0 -26', '2025-09--1'])(
    'rejects %j with INVALID_DATE',
    (given) => {
      expect(() => parseIsoDate(given)).toThrow(CalendarError);
      expect(() => parseIsoDate(given)).toThrow(expect.objectContaining({ code: 'INVALID_DATE', value: given }));
      expect(isIsoDate(given)).toBe(false);
    },
  );

  it('rejects non-strings', () => {
    expect(() => parseIsoDate(20250926 as unknown as string)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(isIsoDate(null)).toBe(false);
  });

  it('has a Chinese and an English message', () => {
    try {
      parseIsoDate('2025-02-30');
      expect.unreachable();
    } catch (error) {
      const { messages, message } = error as CalendarError;
      expect(messages.zh).toContain('无效日期');
      expect(messages.en).toBe(message);
      expect(message).toContain('2025-02-30');
    }
  });
});

describe('day arithmetic', () => {
  it('agrees with Date.UTC for every day from 1899 to 2101', () => {
    const wrong: string[] = [];
    let date = '1899-01-01';
    let days = 0;
    for (let ms = Date.UTC(1899, 0, 1); ms <= Date.UTC(2101, 11, 31); ms += 86_400_000, days++) {
      const expected = new Date(ms).toISOString().slice(0, 10);
      if (date !== expected) wrong.push(`${date} should be ${expected}`);
      if (dayOfWeek(date) !== (new Date(ms).getUTCDay() || 7)) wrong.push(`weekday of ${date}`);
      date = addDays(date, 1);
    }
    expect(days).toBeGreaterThan(73_000);
    expect(wrong).toEqual([]);
  });

  it.each([
    { date: '2024-02-28', days: 2, want: '2024-03-01' },
    { date: '2025-02-28', days: 1, want: '2025-03-01' },
    { date: '2025-01-01', days: -1, want: '2024-12-31' },
    { date: '2025-09-26', days: 0, want: '2025-09-26' },
    { date: '2025-09-26', days: 36524, want: '2125-09-26' }, // 24 leap days: 2100 is not one
  ])('addDays($date, $days) = $want', ({ date, days, want }) => {
    expect(addDays(date, days)).toBe(want);
    expect(daysBetween(date, want)).toBe(days);
  });

  it('rejects fractional day counts and dates past 9999', () => {
    expect(() => addDays('2025-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2025, 4, 30],
    [2025, 12, 31],
  ])('daysInMonth(%i, %i) = %i', (year, month, want) => {
    expect(daysInMonth(year, month)).toBe(want);
  });
});
