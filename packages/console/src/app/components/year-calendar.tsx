import type { YearSchedule } from '../api/types.js';
import { useT } from '../i18n/locale.js';
import { daysInMonth, pad, weekdayOf } from '../lib/dates.js';

/** What a day is, for shading: the schedule first (a make-up Sunday is a working day), then the week. */
export function dayKind(date: string, holidays: ReadonlyMap<string, string>, makeups: ReadonlyMap<string, string>): 'holiday' | 'makeup' | 'weekend' | 'workday' {
  if (holidays.has(date)) return 'holiday';
  if (makeups.has(date)) return 'makeup';
  return weekdayOf(date) >= 5 ? 'weekend' : 'workday';
}

/** Twelve month grids with holidays, make-up working days, weekends and today marked (text and shape, not colour alone). */
export function YearCalendar({ year, schedule, today }: { year: number; schedule: YearSchedule; today: string }) {
  const { t } = useT();
  const holidays = new Map(schedule.holidays.map((d) => [d.date, d.name]));
  const makeups = new Map(schedule.makeupWorkdays.map((d) => [d.date, d.name]));
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <>
      <Legend />
      <div class="year">
        {Array.from({ length: 12 }, (_, m) => {
          const month = m + 1;
          const first = `${year}-${pad(month)}-01`;
          const cells: (string | null)[] = [...Array.from({ length: weekdayOf(first) }, () => null)];
          for (let d = 1; d <= daysInMonth(year, month); d++) cells.push(`${year}-${pad(month)}-${pad(d)}`);
          const weeks: (string | null)[][] = [];
          for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
          return (
            <table class="month" key={month}>
              <caption>{`${year}-${pad(month)}`}</caption>
              <thead>
                <tr>
                  {weekdays.map((w) => (
                    <th scope="col" key={w}>
                      {w}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeks.map((week, i) => (
                  <tr key={i}>
                    {Array.from({ length: 7 }, (_, j) => {
                      const date = week[j];
                      if (!date) return <td key={j} />;
                      const kind = dayKind(date, holidays, makeups);
                      const name = holidays.get(date) ?? makeups.get(date);
                      const label = [date, kind === 'holiday' ? t('calendar.holiday') : kind === 'makeup' ? t('calendar.makeup') : kind === 'weekend' ? t('calendar.weekend') : '', name ?? '', date === today ? t('calendar.today') : '']
                        .filter(Boolean)
                        .join(' · ');
                      return (
                        <td key={j} class={`day ${kind}${date === today ? ' today' : ''}`} title={label} data-date={date}>
                          <span aria-hidden="true">{Number(date.slice(8))}</span>
                          <span class="visually-hidden">{label}</span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
    </>
  );
}

export function Legend({ extra = [] }: { extra?: { className: string; label: string }[] }) {
  const { t } = useT();
  const items = [
    { className: 'holiday', label: t('calendar.holiday') },
    { className: 'makeup', label: t('calendar.makeup') },
    { className: 'weekend', label: t('calendar.weekend') },
    ...extra,
  ];
  return (
    <ul class="legend" aria-label={t('timeline.legend')}>
      {items.map((item) => (
        <li key={item.className}>
          <span class={`swatch day ${item.className}`} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
