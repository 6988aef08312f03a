import { describe, expect, it } from 'vitest';
import { dayRuns } from './dates.js';

describe('dayRuns', () => {
  it('joins consecutive days into one run, across a month’s end, and keeps a lone day a run of one', () => {
    const nationalDay = ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'];
    expect(dayRuns(nationalDay)).toEqual([['2025-10-01', '2025-10-08']]);
    expect(dayRuns(['2025-01-31', '2025-02-01', '2025-02-03'])).toEqual([
      ['2025-01-31', '2025-02-01'],
      ['2025-02-03', '2025-02-03'],
    ]);
    expect(dayRuns([])).toEqual([]);
  });
});
