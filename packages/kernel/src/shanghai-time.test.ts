import { CalendarError, shanghaiDate } from '@gdx/calendar';
import { describe, expect, it } from 'vitest';
import { endOfDay, formatInstant, instantOf, shanghaiDay } from './shanghai-time.js';

describe('Shanghai time helpers', () => {
  it.each([
    ['2025-09-26T02:00:00Z', '2025-09-26T10:00:00+08:00', '2025-09-26'],
    ['2025-09-30T16:00:00Z', '2025-10-01T00:00:00+08:00', '2025-10-01'],
    ['2025-09-30T15:59:59.999Z', '2025-09-30T23:59:59.999+08:00', '2025-09-30'],
    ['2024-02-29T04:05:06.007Z', '2024-02-29T12:05:06.007+08:00', '2024-02-29'],
    ['1969-12-31T16:00:00Z', '1970-01-01T00:00:00+08:00', '1970-01-01'],
  ])('%s → %s', (utc, formatted, day) => {
    const ms = Date.parse(utc);
    expect(formatInstant(ms)).toBe(formatted);
    expect(Date.parse(formatted)).toBe(ms);
    expect(shanghaiDay(ms)).toBe(day);
  });

  it('agrees with Date for every day from 1999 to 2101', () => {
    const mismatches: string[] = [];
    for (let ms = Date.parse('1999-01-01T00:00:00Z'); ms < Date.parse('2101-01-01T00:00:00Z'); ms += 86_400_000) {
      const expected = new Date(ms).toISOString().slice(0, 10);
      if (shanghaiDay(ms - 8 * 3_600_000) !== expected) mismatches.push(expected);
    }
    expect(mismatches).toEqual([]);
  });

  it('answers the calendar\'s day (and its refusal) at the ends of its range and after days far apart', () => {
    const dayStart = (date: string): number => Date.parse(`${date}T00:00:00+08:00`);
    // Remembered days come in spans: the first and last days of the calendar's range, days far
    // apart in both orders, and a day after its span was cleared all answer as the calendar does.
    for (const date of ['9999-12-31', '0001-01-01', '0001-01-08', '9999-12-20', '2025-10-01', '2030-01-02', '2025-09-30', '2020-02-29', '2025-10-01']) {
      expect(shanghaiDay(dayStart(date))).toBe(date);
      expect(shanghaiDay(dayStart(date) + 86_399_999)).toBe(date);
      if (date !== '0001-01-01') expect(shanghaiDay(dayStart(date) - 1)).toBe(shanghaiDate(dayStart(date) - 1));
    }
    expect(() => shanghaiDay(dayStart('0001-01-01') - 1)).toThrow(CalendarError);
    const beyond = dayStart('9999-12-31') + 86_400_000;
    expect(() => shanghaiDate(beyond)).toThrow();
    expect(() => shanghaiDay(beyond)).toThrow(CalendarError);
    expect(() => shanghaiDay(Number.NaN)).toThrow(CalendarError);
  });

  it('ends a day at the next day 00:00 +08:00', () => {
    expect(formatInstant(endOfDay('2025-09-30'))).toBe('2025-10-01T00:00:00+08:00');
  });

  it('answers the same text for an instant formatted again, also after many other instants', () => {
    const ms = Date.parse('2025-10-08T16:00:00.250Z');
    const first = formatInstant(ms);
    const others = Array.from({ length: 2_000 }, (_, i) => formatInstant(ms + (i + 1) * 1_000));
    expect(formatInstant(ms)).toBe(first);
    expect(first).toBe('2025-10-09T00:00:00.250+08:00');
    expect(others.at(-1)).toBe('2025-10-09T00:33:20.250+08:00');
  });

  it('reads an instant back: the last one formatted without parsing, any other as Date.parse does', () => {
    const start = Date.parse('2025-09-26T02:00:00.007Z');
    const texts = Array.from({ length: 50 }, (_, i) => formatInstant(start + i * 3_601_001));
    expect(instantOf(texts[49] as string)).toBe(start + 49 * 3_601_001);
    texts.forEach((text, i) => expect(instantOf(text)).toBe(start + i * 3_601_001));
    for (const text of ['2025-10-01T00:00:00+08:00', '2025-09-30T16:00:00Z', 'not an instant', '']) expect(instantOf(text)).toEqual(Date.parse(text));
  });
});
