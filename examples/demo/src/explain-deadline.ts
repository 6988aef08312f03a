import type { IsoDate, WorkingCalendar } from '@gdx/calendar';
import { daysAfter, shortDate, weekday } from './days.js';
import { holidayLabel, scheduleName } from './holiday-names.js';
import type { Style } from './style.js';

/** The part of a platform deadline an explanation needs (as the mock answers it). */
export interface DeadlineLike {
  step: string;
  limit: number;
  unit: string;
  startedOn: IsoDate;
  dueDate: IsoDate;
}

/** The explanation lines and what `@gdx/calendar` counts between the start and the due date. */
export interface DeadlineExplanation {
  lines: string[];
  /** Working days in (startedOn, dueDate] by the calendar; equals `limit` when platform and calendar agree. */
  counted: number;
}

type Run =
  | { kind: 'ordinary'; days: IsoDate[]; firstCount: number; lastCount: number; weekendDays: number }
  | { kind: 'holiday'; days: IsoDate[]; names: string[] }
  | { kind: 'makeup'; day: IsoDate; count: number; name: string | undefined };

/**
 * Splits the counted span into runs: blocks of statutory holidays, single make-up working days,
 * and stretches of ordinary days (Monday–Friday working days with plain weekends between them).
 */
function runsOf(calendar: WorkingCalendar, days: readonly IsoDate[]): Run[] {
  const runs: Run[] = [];
  let count = 0;
  for (const day of days) {
    const kind = calendar.dayKind(day);
    const last = runs.at(-1);
    if (kind === 'holiday') {
      const name = scheduleName(calendar, day) ?? '';
      if (last?.kind === 'holiday') {
        last.days.push(day);
        last.names.push(name);
      } else runs.push({ kind: 'holiday', days: [day], names: [name] });
      continue;
    }
    if (kind === 'makeup_working') {
      count += 1;
      runs.push({ kind: 'makeup', day, count, name: scheduleName(calendar, day) });
      continue;
    }
    const counted = kind === 'working' ? (count += 1) : 0;
    if (last?.kind === 'ordinary') {
      last.days.push(day);
      if (counted > 0) {
        if (last.firstCount === 0) last.firstCount = counted;
        last.lastCount = counted;
      } else last.weekendDays += 1;
    } else {
      runs.push({ kind: 'ordinary', days: [day], firstCount: counted, lastCount: counted, weekendDays: counted > 0 ? 0 : 1 });
    }
  }
  return runs;
}

/** `09-27 Sat` for one day, `10-01..10-08` for several. */
function span(days: readonly IsoDate[]): string {
  const first = days[0]!;
  const last = days.at(-1)!;
  return (first === last ? `${shortDate(first)} ${weekday(first)}` : `${shortDate(first)}..${shortDate(last)}`).padEnd(14);
}

function describe(run: Run, style: Style): string {
  switch (run.kind) {
    case 'holiday': {
      const { english, chinese } = holidayLabel(run.names);
      return `${span(run.days)}${style.yellow(`${english} (holiday)`)} ${chinese} ${style.dim('— skipped')}`;
    }
    case 'makeup':
      return `${span([run.day])}${style.cyan(`make-up working day${run.name ? ` (${run.name})` : ''}`)} ${style.green(`✓ ${run.count}`)}`;
    case 'ordinary': {
      if (run.firstCount === 0) return `${span(run.days)}${style.dim('weekend — skipped')}`;
      const counts = run.firstCount === run.lastCount ? `✓ ${run.firstCount}` : `✓ ${run.firstCount}–${run.lastCount}`;
      const single = run.days.length - run.weekendDays === 1;
      const weekends = run.weekendDays === 0 ? '' : style.dim(run.weekendDays === 1 ? ', a weekend day skipped' : ', weekends skipped');
      return `${span(run.days)}${single ? 'working day' : 'working days'} ${style.green(counts)}${weekends}`;
    }
  }
}

/**
 * Explains a working-day deadline of the platform day by day, compactly: statutory holidays
 * shown as skipped, make-up working days shown as counted, ordinary stretches with their running
 * count. The dates come from the platform (`startedOn`, `dueDate`); the calendar only classifies
 * the days in between, so a disagreement shows up as `counted !== limit` instead of being hidden.
 * Other units (calendar days, years, hours) get no day list.
 *
 * @example
 * ```ts
 * const { lines } = explainDeadline(WorkingCalendar.official(), { step: 'acceptance', limit: 3, unit: 'working_days', startedOn: '2025-09-26', dueDate: '2025-09-30' }, createStyle(false));
 * // ['09-27 Sat     weekend — skipped', '09-28 Sun     make-up working day (国庆节) ✓ 1', '09-29..09-30  working days ✓ 2–3 → due']
 * ```
 */
export function explainDeadline(calendar: WorkingCalendar, deadline: DeadlineLike, style: Style): DeadlineExplanation {
  if (deadline.unit !== 'working_days') return { lines: [], counted: 0 };
  const runs = runsOf(calendar, daysAfter(deadline.startedOn, deadline.dueDate));
  const lines = runs.map((run) => describe(run, style));
  if (lines.length > 0) lines[lines.length - 1] += style.bold(' → due');
  const counted = calendar.workingDaysBetween(deadline.startedOn, deadline.dueDate);
  if (counted !== deadline.limit) {
    lines.push(style.yellow(`⚠ @gdx/calendar counts ${counted} working days up to the due date; the platform's limit is ${deadline.limit}`));
  }
  return { lines, counted };
}
