import { describe, expect, it } from 'vitest';
import { addIsoDuration } from './duration.js';

const at = (s: string) => Date.parse(s);

describe('addIsoDuration', () => {
  it.each([
    { from: '2025-09-26T10:00:00+08:00', duration: 'P3D', want: '2025-09-29T10:00:00+08:00' },
    { from: '2025-09-26T10:00:00+08:00', duration: 'PT4H', want: '2025-09-26T14:00:00+08:00' },
    { from: '2025-09-26T23:30:00+08:00', duration: 'PT1H', want: '2025-09-27T00:30:00+08:00' },
    { from: '2025-01-31T09:00:00+08:00', duration: 'P1M', want: '2025-02-28T09:00:00+08:00' },
    { from: '2024-02-29T09:00:00+08:00', duration: 'P1Y', want: '2025-02-28T09:00:00+08:00' },
    { from: '2025-09-26T10:00:00+08:00', duration: 'P1W2DT30M', want: '2025-10-05T10:30:00+08:00' },
    // The Shanghai day, not the UTC day, carries the date part (01:00 +08:00 is the previous UTC day).
    { from: '2025-09-26T01:00:00+08:00', duration: 'P1D', want: '2025-09-27T01:00:00+08:00' },
  ])('$from + $duration', ({ from, duration, want }) => {
    expect(addIsoDuration(at(from), duration)).toBe(at(want));
  });

  it.each(['', 'P', 'PT', '3D', 'P1.5D', 'P-1D', 'P1DT', 'PT1H2'])('refuses %j', (duration) => {
    expect(addIsoDuration(at('2025-09-26T10:00:00+08:00'), duration)).toBeUndefined();
  });

  it('refuses results beyond year 9999', () => {
    expect(addIsoDuration(at('2025-09-26T10:00:00+08:00'), 'P99999Y')).toBeUndefined();
  });
});
