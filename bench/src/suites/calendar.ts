import { createRequire } from 'node:module';
import type { IsoDate } from '@gdx/calendar';
import { syncWorkload } from '../core/measure.js';
import { ratioRow, type Row } from '../core/report.js';
import { sampleInterleaved } from '../core/sample.js';
import type { Suite, SuiteContext } from '../core/suite.js';

interface ChineseDays {
  findWorkday(deltaDays: number, date: string): string;
  getWorkdaysInRange(start: string, end: string, includeWeekends?: boolean): string[];
}

/**
 * Start dates spread over 2025–2026: every 5th day, so every weekday, holiday block and make-up
 * day is a start now and then. They stop early enough that 20 working days stay inside 2026 (the
 * last year both libraries know; after it chinese-days silently counts Monday–Friday).
 */
function startDates(addDays: (date: IsoDate, days: number) => IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let date = '2025-01-01'; date <= '2026-11-30'; date = addDays(date, 5)) dates.push(date);
  return dates;
}

function mismatches(starts: readonly IsoDate[], ours: (s: IsoDate) => unknown, theirs: (s: IsoDate) => unknown): number {
  return starts.filter((s) => ours(s) !== theirs(s)).length;
}

/**
 * Suite 2: `@gdx/calendar` (precomputed working-day index) against `chinese-days` (walks day by
 * day) on the same start dates; both answers are compared before anything is timed.
 *
 * @example
 * ```ts
 * const result = await calendarSuite.run({ quick: true, plan: quickPlan(), log: console.error });
 * ```
 */
export const calendarSuite: Suite = {
  id: 'calendar',
  title: '2. Calendar: @gdx/calendar vs chinese-days 1.5.7',
  async run({ plan, log }: SuiteContext) {
    // Loaded here, not at the top, so an unbuilt dependency fails this suite only.
    const { WorkingCalendar, addDays } = await import('@gdx/calendar');
    // chinese-days is CommonJS only: named ESM imports of it fail.
    const chineseDays = createRequire(import.meta.url)('chinese-days') as ChineseDays;
    const calendar = WorkingCalendar.official();
    const starts = startDates(addDays);
    const pick = (i: number): IsoDate => starts[i % starts.length]!;
    const rows: Row[] = [];
    const notes = [`${starts.length} start dates from ${starts[0]} to ${starts.at(-1)}, every 5th day; process TZ=${process.env.TZ ?? 'unset (UTC here)'}`];

    for (const n of [3, 20]) {
      const wrong = mismatches(starts, (s) => calendar.addWorkingDays(s, n), (s) => chineseDays.findWorkday(n, s));
      notes.push(`addWorkingDays n=${n}: ${wrong === 0 ? 'same answers as' : `${wrong} start dates answer differently from`} chinese-days`);
      log(`calendar: addWorkingDays n=${n}`);
      const [ours, theirs] = await sampleInterleaved(
        [
          syncWorkload(`addWorkingDays(start, ${n})`, (i) => calendar.addWorkingDays(pick(i), n)),
          syncWorkload(`findWorkday(${n}, start)`, (i) => chineseDays.findWorkday(n, pick(i))),
        ],
        plan,
      );
      rows.push(ratioRow(ours!, theirs!, { kind: 'min-ratio', value: 20 }));
    }

    // Different definitions: ours counts (from, to], getWorkdaysInRange lists [from, to]; the
    // comparison is of speed only, so it carries no target.
    const span = (s: IsoDate): IsoDate => addDays(s, 30);
    log('calendar: workingDaysBetween');
    const [between, range] = await sampleInterleaved(
      [
        syncWorkload('workingDaysBetween(start, +30d)', (i) => calendar.workingDaysBetween(pick(i), span(pick(i)))),
        syncWorkload('getWorkdaysInRange(start, +30d).length', (i) => chineseDays.getWorkdaysInRange(pick(i), span(pick(i))).length),
      ],
      plan,
    );
    rows.push(ratioRow(between!, range!, { kind: 'info' }));
    return { id: this.id, title: this.title, rows, notes };
  },
};
