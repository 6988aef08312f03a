/** A clock within this many days of the last published year's end is warned about at start. */
const HORIZON_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * The banner's text about the sandbox calendar: the years whose holiday schedules it holds (those
 * `--calendar` gave named), and how a later year is added (a deadline reaching it is refused,
 * never counted Monday–Friday).
 *
 * @example
 * ```ts
 * calendarSummary([2024, 2025, 2026], 'default'); // 'holiday schedules 2024–2026; add a later year: --calendar <file>, or PUT /_sim/v1/sandboxes/default/calendar/{year}'
 * calendarSummary([2024, 2025, 2026], 'default', [2026]); // 'holiday schedules 2024–2026 (2026 from --calendar); …'
 * ```
 */
export function calendarSummary(years: readonly number[], sandboxId: string, fromFlag: readonly number[] = []): string {
  const sorted = [...years].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  const held = first === undefined || last === undefined ? 'no holiday schedules' : `holiday schedules ${first === last ? first : `${first}–${last}`}`;
  const given = fromFlag.length > 0 ? ` (${[...fromFlag].sort((a, b) => a - b).join(', ')} from --calendar)` : '';
  return `${held}${given}; add a later year: --calendar <file>, or PUT /_sim/v1/sandboxes/${sandboxId}/calendar/{year}`;
}

/**
 * A warning when the clock's `today` (YYYY-MM-DD, Asia/Shanghai) is within 90 days of the end of
 * the last year the calendar holds, or past it: a review of 20 working days started now would
 * end in a year whose schedule is unknown, and the platforms refuse such deadlines
 * (`CALENDAR_NOT_PUBLISHED`; an automatic official's decision or a clock event is recorded as
 * `action_blocked`, and carried on once the year is loaded).
 * `undefined` when the calendar reaches far enough.
 *
 * @example
 * ```ts
 * calendarHorizonWarning('2026-12-05', [2024, 2025, 2026], 'default'); // 'the clock (2026-12-05) is 26 days before …'
 * calendarHorizonWarning('2025-09-26', [2024, 2025, 2026], 'default'); // undefined
 * ```
 */
export function calendarHorizonWarning(today: string, years: readonly number[], sandboxId: string): string | undefined {
  const last = Math.max(...years);
  if (!Number.isFinite(last)) return undefined;
  const next = last + 1;
  const daysLeft = Math.round((Date.parse(`${next}-01-01T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  if (daysLeft > HORIZON_DAYS) return undefined;
  const where = daysLeft > 0 ? `is ${daysLeft} days before the end of ${last}` : `is past ${last}`;
  return (
    `the clock (${today}) ${where}, the last year whose holiday schedule the calendar holds: deadlines reaching ${next} are refused ` +
    `(CALENDAR_NOT_PUBLISHED; an automatic official's decision or a clock event is recorded as action_blocked and carried on once the year is loaded). Load it at start with --calendar <file> (every sandbox) or with PUT /_sim/v1/sandboxes/${sandboxId}/calendar/${next}, ` +
    `or start the clock earlier (--start-at) / 时钟临近已知节假日安排的最后一年（${last}），截止日期落入 ${next} 年的办理将被拒绝，请先载入 ${next} 年安排（启动时用 --calendar <文件>，或 PUT 该年安排）`
  );
}
