import { describe, expect, it } from 'vitest';
import { endOfShanghaiDay, formatShanghaiInstant, shanghaiDate, startOfShanghaiDay } from './shanghai-time.js';

describe('Asia/Shanghai instants', () => {
  it.each([
    { instant: '2025-09-30T15:59:59.999Z', want: '2025-09-30' },
    { instant: '2025-09-30T16:00:00.000Z', want: '2025-10-01' },
    { instant: '2024-12-31T16:00:00.000Z', want: '2025-01-01' },
    { instant: '1969-12-31T16:00:00.000Z', want: '1970-01-01' },
    { instant: '1969-12-31T15:59:59.000Z', want: '1969-12-31' },
  ])('shanghaiDate($instant) = $want', ({ instant, want }) => {
    expect(shanghaiDate(Date.parse(instant))).toBe(want);
    expect(shanghaiDate(new Date(instant))).toBe(want);
  });

  it('gives the same day starts past its bound of remembered dates, and refuses a bad date every time', () => {
    const dates = Array.from({ length: 1200 }, (_, i) => new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10));
    const want = dates.map((date) => Date.parse(`${date}T00:00:00+08:00`));
    for (let round = 0; round < 2; round += 1) expect(dates.map((date) => startOfShanghaiDay(date))).toEqual(want);
    for (let round = 0; round < 2; round += 1) expect(() => startOfShanghaiDay('2025-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('gives the bounds of a Shanghai day', () => {
    expect(new Date(startOfShanghaiDay('2025-10-01')).toISOString()).toBe('2025-09-30T16:00:00.000Z');
    expect(new Date(endOfShanghaiDay('2025-09-30')).toISOString()).toBe('2025-09-30T16:00:00.000Z');
    expect(endOfShanghaiDay('2024-02-28') - startOfShanghaiDay('2024-02-28')).toBe(86_400_000);
  });

  it.each([
    { instant: '2025-09-26T02:00:00Z', want: '2025-09-26T10:00:00+08:00' },
    { instant: '2025-09-30T16:00:00Z', want: '2025-10-01T00:00:00+08:00' },
    { instant: '2025-09-30T15:59:59.999Z', want: '2025-09-30T23:59:59+08:00' },
    { instant: '1960-01-01T00:00:00Z', want: '1960-01-01T08:00:00+08:00' },
  ])('formatShanghaiInstant($instant) = $want', ({ instant, want }) => {
    const ms = Date.parse(instant);
    expect(formatShanghaiInstant(ms)).toBe(want);
    expect(Date.parse(formatShanghaiInstant(ms))).toBe(Math.floor(ms / 1000) * 1000);
  });

  it.each([
    { instant: '2025-09-30T15:59:59.999Z', want: '2025-09-30T23:59:59.999+08:00' },
    { instant: '2024-02-29T04:05:06.007Z', want: '2024-02-29T12:05:06.007+08:00' },
    { instant: '1969-12-31T15:59:59.500Z', want: '1969-12-31T23:59:59.500+08:00' },
    { instant: '2025-09-26T02:00:00.000Z', want: '2025-09-26T10:00:00+08:00' },
  ])('formatShanghaiInstant($instant, { milliseconds: true }) = $want', ({ instant, want }) => {
    const ms = Date.parse(instant);
    expect(formatShanghaiInstant(ms, { milliseconds: true })).toBe(want);
    expect(Date.parse(want)).toBe(ms);
  });

  it('formats every second of the day, whatever day came before (the last day is remembered)', () => {
    const start = Date.parse('2025-12-31T00:00:00+08:00');
    for (let s = 0; s < 2 * 86_400; s += 61) {
      const ms = start + s * 1000;
      const want = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
      expect(formatShanghaiInstant(ms)).toBe(want);
      // Another day in between: the next answer must not reuse this one's date.
      expect(formatShanghaiInstant(ms - 86_400_000 * 400).slice(0, 10)).toBe(new Date(ms - 86_400_000 * 400 + 8 * 3_600_000).toISOString().slice(0, 10));
    }
  });

  it('round-trips the end of a day through the wire format', () => {
    expect(formatShanghaiInstant(endOfShanghaiDay('2025-09-30'))).toBe('2025-10-01T00:00:00+08:00');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, new Date('nope')])('rejects %s with INVALID_DATE', (instant) => {
    expect(() => shanghaiDate(instant)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => formatShanghaiInstant(instant as number)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('rejects malformed dates', () => {
    expect(() => startOfShanghaiDay('2025-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
