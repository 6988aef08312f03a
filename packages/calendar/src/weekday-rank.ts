import type { DayNumber } from './iso-date.js';

/**
 * Closed-form Monday–Friday arithmetic, used for the days outside the loaded years (only ever
 * reached with `{ estimate: true }`). Ranks count weekdays from Monday 1969-12-29 (day −3):
 * that Monday has rank 1; earlier weekdays have ranks ≤ 0.
 */
const ANCHOR_MONDAY = -3;

/** @internal Number of Monday–Friday days in [day −3, day) — negative before the anchor. */
export function weekdaysBefore(day: DayNumber): number {
  const offset = day - ANCHOR_MONDAY;
  const weeks = Math.floor(offset / 7);
  return weeks * 5 + Math.min(offset - weeks * 7, 5);
}

/** @internal The weekday with the given rank: inverse of {@link weekdaysBefore}(d + 1) on weekdays. */
export function weekdayWithRank(rank: number): DayNumber {
  const weeks = Math.floor((rank - 1) / 5);
  return ANCHOR_MONDAY + weeks * 7 + (rank - 1 - weeks * 5);
}
