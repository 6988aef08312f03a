/*
 * The instants a sandbox clock may be set to through the simulation API: years 1900–9899 of the
 * Asia/Shanghai calendar. `@gdx/calendar` dates and formats years 0001–9999 only, so the range
 * keeps clear of both ends: below, the seed data dates its entries and opening plans a year or
 * more before the start; above, a margin of a century holds every deadline and validity period a
 * platform counts from the clock (the longest is a few years) and a realtime clock started at the
 * very end (it would run for a hundred years before its dates could no longer be written).
 */

/** The earliest instant a clock may start at or be moved to: 1900-01-01T00:00:00+08:00 (inclusive). */
export const EARLIEST_CLOCK_INSTANT = Date.parse('1900-01-01T00:00:00+08:00');

/** The end of the range: 9900-01-01T00:00:00+08:00 (exclusive); the last instant taken is a millisecond before. */
export const CLOCK_INSTANT_END = Date.parse('9900-01-01T00:00:00+08:00');

/** The range in words, for messages and documents. */
export const CLOCK_RANGE_TEXT = {
  en: 'from 1900-01-01T00:00:00+08:00 up to (not including) 9900-01-01T00:00:00+08:00',
  zh: '须在 1900-01-01T00:00:00+08:00（含）至 9900-01-01T00:00:00+08:00（不含）之间',
} as const;

/**
 * Whether a clock may be at `epochMs` (see above).
 *
 * @example
 * ```ts
 * withinClockBounds(Date.parse('2025-09-26T10:00:00+08:00')); // true
 * withinClockBounds(Date.parse('9999-12-31T23:59:59+08:00')); // false
 * ```
 */
export function withinClockBounds(epochMs: number): boolean {
  return epochMs >= EARLIEST_CLOCK_INSTANT && epochMs < CLOCK_INSTANT_END;
}
