import { CalendarError, type LocalizedMessage } from './calendar-error.js';
import { isoWeekday, toDayNumber, type IsoDate } from './iso-date.js';

/** One day of a schedule with the festival it belongs to (e.g. `春节`, `国庆节`). */
export interface ScheduledDay {
  date: IsoDate;
  name: string;
}

/**
 * A year's holiday arrangement as the State Council General Office announces it: the days off
 * (including weekend days inside a holiday block) and the make-up working days (调休上班).
 * Days not listed follow the week: Monday–Friday work, Saturday and Sunday rest.
 *
 * @example
 * ```ts
 * const schedule: YearSchedule = {
 *   year: 2027,
 *   source: '国务院办公厅关于2027年部分节假日安排的通知',
 *   holidays: [{ date: '2027-01-01', name: '元旦' }],
 *   makeupWorkdays: [],
 * };
 * ```
 */
export interface YearSchedule {
  year: number;
  /** The notice it comes from, e.g. `国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）`. */
  source: string;
  holidays: ScheduledDay[];
  makeupWorkdays: ScheduledDay[];
}

function invalid(year: unknown, pointer: string, en: string, zh: string, value?: unknown): CalendarError {
  const message: LocalizedMessage = { zh: `节假日安排无效：${zh}`, en: `Invalid holiday schedule: ${en}` };
  return new CalendarError('INVALID_SCHEDULE', message, {
    ...(typeof year === 'number' ? { year } : {}),
    ...(value === undefined ? {} : { value }),
    pointer,
  });
}

/** The list a day was first seen in, to tell a day listed twice from one both a holiday and a make-up day. */
type Seen = Map<IsoDate, 'holidays' | 'makeupWorkdays'>;

function checkDays(schedule: YearSchedule, list: 'holidays' | 'makeupWorkdays', seen: Seen): ScheduledDay[] {
  const days: unknown = schedule[list];
  if (!Array.isArray(days)) throw invalid(schedule.year, `/${list}`, `${list} must be an array`, `${list} 必须是数组`);
  return days.map((entry: unknown, index) => {
    const at = `/${list}/${index}`;
    const { date, name } = (entry ?? {}) as Partial<ScheduledDay>;
    if (typeof name !== 'string' || name.trim() === '') {
      throw invalid(schedule.year, `${at}/name`, `every entry of ${list} needs a name`, `${list} 的每一项都需要名称`, entry);
    }
    let dayNumber: number;
    try {
      dayNumber = toDayNumber(date as IsoDate);
    } catch {
      throw invalid(schedule.year, `${at}/date`, `${String(date)} is not a valid date`, `${String(date)} 不是有效日期`, entry);
    }
    const day = date as IsoDate;
    if (!day.startsWith(`${schedule.year}-`)) {
      throw invalid(schedule.year, `${at}/date`, `${day} is outside ${schedule.year}`, `${day} 不在 ${schedule.year} 年内`, entry);
    }
    const first = seen.get(day);
    if (first === list) throw invalid(schedule.year, `${at}/date`, `${day} is listed twice`, `${day} 重复出现`, entry);
    if (first !== undefined) throw invalid(schedule.year, `${at}/date`, `${day} is both a holiday and a make-up working day`, `${day} 既是假日又是调休上班日`, entry);
    if (list === 'makeupWorkdays' && isoWeekday(dayNumber) < 6) {
      throw invalid(schedule.year, `${at}/date`, `make-up working day ${day} is not a weekend day`, `调休上班日 ${day} 不是周末`, entry);
    }
    seen.set(day, list);
    return Object.freeze({ date: day, name });
  });
}

/**
 * Checks a schedule and returns a frozen copy with days in date order. Rejects with
 * `INVALID_SCHEDULE` (its `pointer` at the field): a year outside 1000–9999, an empty source, malformed or out-of-year dates,
 * a day listed twice or as both holiday and make-up day, and make-up days on Monday–Friday.
 *
 * @example
 * ```ts
 * validateYearSchedule({ year: 2027, source: 'notice', holidays: [], makeupWorkdays: [] });
 * validateYearSchedule({ year: 2027, source: 'x', holidays: [{ date: '2026-12-31', name: '元旦' }], makeupWorkdays: [] });
 * // throws CalendarError INVALID_SCHEDULE
 * ```
 */
export function validateYearSchedule(schedule: YearSchedule): Readonly<YearSchedule> {
  if (typeof schedule !== 'object' || schedule === null) throw invalid(undefined, '', 'not an object', '不是对象', schedule);
  const { year, source } = schedule;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw invalid(year, '/year', 'year must be an integer 1000–9999', '年份必须是 1000–9999 的整数', year);
  }
  if (typeof source !== 'string' || source.trim() === '') {
    throw invalid(year, '/source', 'source (the notice) is required', '必须注明来源（通知文号）', source);
  }
  const seen: Seen = new Map();
  const byDate = (a: ScheduledDay, b: ScheduledDay): number => (a.date < b.date ? -1 : 1);
  const holidays = checkDays(schedule, 'holidays', seen).sort(byDate);
  const makeupWorkdays = checkDays(schedule, 'makeupWorkdays', seen).sort(byDate);
  return Object.freeze({ year, source, holidays: Object.freeze(holidays), makeupWorkdays: Object.freeze(makeupWorkdays) }) as Readonly<YearSchedule>;
}
