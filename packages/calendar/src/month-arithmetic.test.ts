import { describe, expect, it } from 'vitest';
import { addMonthsClamped } from './month-arithmetic.js';

describe('addMonthsClamped (民法典 第二百零二条)', () => {
  it.each([
    { date: '2025-03-15', months: 1, want: '2025-04-15' },
    { date: '2024-01-31', months: 1, want: '2024-02-29' },
    { date: '2025-01-31', months: 1, want: '2025-02-28' },
    { date: '2025-03-31', months: 1, want: '2025-04-30' },
    { date: '2024-02-29', months: 12, want: '2025-02-28' },
    { date: '2024-02-29', months: 48, want: '2028-02-29' },
    { date: '2025-11-30', months: 3, want: '2026-02-28' },
    { date: '2025-12-31', months: 0, want: '2025-12-31' },
    { date: '2025-03-31', months: -1, want: '2025-02-28' },
    { date: '2025-01-15', months: -13, want: '2023-12-15' },
  ])('$date + $months months = $want', ({ date, months, want }) => {
    expect(addMonthsClamped(date, months)).toBe(want);
  });
});
