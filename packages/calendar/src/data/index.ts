import { validateYearSchedule, type YearSchedule } from '../year-schedule.js';
import { schedule2024 } from './2024.js';
import { schedule2025 } from './2025.js';
import { schedule2026 } from './2026.js';

/**
 * The shipped official schedules (validated and frozen), one data file per year. To add a year,
 * derive its file with `scripts/derive-year.mjs`, check it against the notice, and list it here.
 *
 * @example
 * ```ts
 * officialSchedules.map((schedule) => schedule.source);
 * ```
 */
export const officialSchedules: readonly Readonly<YearSchedule>[] = Object.freeze(
  [schedule2024, schedule2025, schedule2026].map(validateYearSchedule),
);
