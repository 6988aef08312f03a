import { describe, expect, it } from 'vitest';
import { imfFixdate, parseHttpDate } from './http-date.js';

const NOV_6_1994 = Date.UTC(1994, 10, 6, 8, 49, 37);
const NOW = Date.UTC(2026, 11, 8);

describe('HTTP-date (RFC 9110 §5.6.7)', () => {
  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT', NOV_6_1994],
    ['RFC 850, a year more than 50 years ahead read in the past century', 'Sunday, 06-Nov-94 08:49:37 GMT', NOV_6_1994],
    ['RFC 850, a year within 50 years read ahead', 'Thursday, 01-Jan-60 00:00:00 GMT', Date.UTC(2060, 0, 1)],
    ['asctime, its day padded with a space', 'Sun Nov  6 08:49:37 1994', NOV_6_1994],
    ['spaces around it', '  Sun, 06 Nov 1994 08:49:37 GMT ', NOV_6_1994],
    ['a day that does not exist', 'Mon, 31 Feb 2025 00:00:00 GMT', undefined],
    ['a time that does not exist', 'Mon, 01 Sep 2025 24:00:00 GMT', undefined],
    ['another zone', 'Sun, 06 Nov 1994 08:49:37 PST', undefined],
    ['what Date.parse also reads', '2025', undefined],
    ['a list', 'Sun, 06 Nov 1994 08:49:37 GMT, Sun, 06 Nov 1994 08:49:37 GMT', undefined],
  ])('%s', (_case, value, want) => {
    expect(parseHttpDate(value, NOW)).toBe(want);
  });

  it('writes an IMF-fixdate that reads back', () => {
    expect(imfFixdate(NOV_6_1994)).toBe('Sun, 06 Nov 1994 08:49:37 GMT');
    expect(parseHttpDate(imfFixdate(NOV_6_1994))).toBe(NOV_6_1994);
  });
});
