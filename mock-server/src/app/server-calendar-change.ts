import { WorkingCalendar, type YearSchedule } from '@gdx/calendar';

/**
 * The server's calendar: the shipped years with `years` over them (given at start, or recorded by
 * a data directory's snapshot). Each sandbox starts from a copy of it.
 *
 * @example
 * ```ts
 * serverCalendar([schedule2027]).years(); // [2024, 2025, 2026, 2027]
 * ```
 */
export function serverCalendar(years: readonly Readonly<YearSchedule>[]): WorkingCalendar {
  const calendar = WorkingCalendar.official();
  for (const schedule of years) calendar.addYear(schedule);
  return calendar;
}

/**
 * The years whose schedule differs between two server calendars: gained, replaced or dropped
 * (compared as the validated schedules read, so the order of a file's days does not count).
 *
 * @example
 * ```ts
 * changedServerYears(serverCalendar([schedule2027]), serverCalendar([])); // [2027]
 * ```
 */
export function changedServerYears(before: WorkingCalendar, after: WorkingCalendar): number[] {
  const years = new Set([...before.years(), ...after.years()]);
  return [...years].filter((year) => JSON.stringify(before.schedule(year)) !== JSON.stringify(after.schedule(year))).sort((a, b) => a - b);
}

/**
 * What a start tells the operator when the years it is given differ from those its data directory
 * recorded, in Chinese and English: which years were added, replaced and dropped, and that they
 * count from this start on.
 *
 * @example
 * ```ts
 * serverYearsChangeText([2027], serverCalendar([]), serverCalendar([schedule2027]));
 * // '[CALENDAR_CHANGED] …；2027 年新增 … / … differ from those the data directory recorded: 2027 added. …'
 * ```
 */
export function serverYearsChangeText(changed: readonly number[], before: WorkingCalendar, after: WorkingCalendar): string {
  const added = changed.filter((year) => !before.hasYear(year));
  const dropped = changed.filter((year) => !after.hasYear(year));
  const replaced = changed.filter((year) => before.hasYear(year) && after.hasYear(year));
  const zh = [added.length ? `新增 ${added.join('、')} 年` : '', replaced.length ? `替换 ${replaced.join('、')} 年` : '', dropped.length ? `去掉 ${dropped.join('、')} 年` : ''].filter(Boolean).join('，');
  const en = [added.length ? `${added.join(', ')} added` : '', replaced.length ? `${replaced.join(', ')} replaced` : '', dropped.length ? `${dropped.join(', ')} dropped` : ''].filter(Boolean).join('; ');
  return (
    `[CALENDAR_CHANGED] 本次启动给出的节假日安排（--calendar）与数据目录记录的不同：${zh}。自本次启动起生效并已记入数据目录；此前已确认的写入仍按当时的安排重放` +
    ` / the holiday schedules given at this start (--calendar) differ from those the data directory recorded: ${en}. They count from this start on and are recorded in the data directory; writes acknowledged before replay under the schedules they ran under`
  );
}
