import { describe, expect, it } from 'vitest';
import { datesBetween } from '../lib/dates.js';
import { monthInView } from './timeline-chart.js';

/** A chart's days from Friday 2025-09-26 to 2025-12-05, 22 px a column: 2025-10-01 is column 5, 2025-11-01 column 36. */
const DAYS = datesBetween('2025-09-26', '2025-12-05');

describe('monthInView', () => {
  it('names the month of the first day column in view, also between two months’ first days', () => {
    expect(monthInView(DAYS, 0)).toBe('2025-09');
    expect(monthInView(DAYS, 4 * 22 + 21)).toBe('2025-09');
    expect(monthInView(DAYS, 5 * 22)).toBe('2025-10');
    // Scrolled to 2025-10-17: October's heading is far to the left, November's not yet in view.
    expect(monthInView(DAYS, 21 * 22 + 5)).toBe('2025-10');
    expect(monthInView(DAYS, 36 * 22)).toBe('2025-11');
  });

  it('keeps to the chart’s days past either end (an overscroll, a chart narrower than its box)', () => {
    expect(monthInView(DAYS, -40)).toBe('2025-09');
    expect(monthInView(DAYS, 100_000)).toBe('2025-12');
    expect(monthInView([], 0)).toBe('');
  });
});
