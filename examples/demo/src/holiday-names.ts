import type { IsoDate, WorkingCalendar } from '@gdx/calendar';

/** English names of the statutory holidays as the State Council notices name them. */
const ENGLISH: Readonly<Record<string, string>> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明节: 'Qingming',
  劳动节: 'Labour Day',
  端午节: 'Dragon Boat',
  中秋节: 'Mid-Autumn',
  国庆节: 'National Day',
};

/**
 * The schedule name of a listed holiday or make-up working day (`国庆节`), or `undefined` when
 * the calendar's schedule of that year does not list the day.
 *
 * @example
 * ```ts
 * scheduleName(WorkingCalendar.official(), '2025-10-06'); // '中秋节'
 * ```
 */
export function scheduleName(calendar: WorkingCalendar, date: IsoDate): string | undefined {
  const schedule = calendar.schedule(Number(date.slice(0, 4)));
  if (!schedule) return undefined;
  return (schedule.holidays.find((d) => d.date === date) ?? schedule.makeupWorkdays.find((d) => d.date === date))?.name;
}

/**
 * The names of a run of holiday days, in order of appearance, in English and Chinese:
 * `National Day + Mid-Autumn 国庆节、中秋节`. Unknown names are shown in Chinese only.
 *
 * @example
 * ```ts
 * holidayLabel(['国庆节', '国庆节', '中秋节']); // { english: 'National Day + Mid-Autumn', chinese: '国庆节、中秋节' }
 * ```
 */
export function holidayLabel(names: readonly string[]): { english: string; chinese: string } {
  const distinct = [...new Set(names.filter((n) => n !== ''))];
  if (distinct.length === 0) return { english: 'Statutory holiday', chinese: '法定节假日' };
  return { english: distinct.map((n) => ENGLISH[n] ?? n).join(' + '), chinese: distinct.join('、') };
}
