import { useEffect, useRef, useState } from 'preact/hooks';
import type { Step, YearSchedule } from '../api/types.js';
import { useT } from '../i18n/locale.js';
import { addDays, dateOf, datesBetween, weekdayOf } from '../lib/dates.js';
import { dayKind, Legend } from './year-calendar.js';

const DAY = 22;
const HEADER = 40;
const ROW = 30;
const LABEL = 150;
/** Room a month heading ("2025-10", bold 11 px) takes: the chart is never narrower than its last heading. */
const MONTH_LABEL = 60;
/** Columns drawn at most (about seven months): a longer span shows its last part. */
const MAX_DAYS = 220;

/**
 * Scrolls the chart to its right end when it is first drawn: today and the latest steps are there,
 * not at the start of a long span. A stable ref is called on mount only, so a poll keeps the
 * reader's own scrolling.
 */
const toEnd = (element: HTMLDivElement | null) => {
  if (element) element.scrollLeft = element.scrollWidth;
};

/** The last day an instant closes: the day before a midnight (a due time, a step left at 24:00), else its own day. */
export function dueDateOf(dueAt: string): string {
  return dateOf(new Date(Date.parse(dueAt) - 1).toISOString());
}

/**
 * The last day a step covers: the day it was left (the day before, if left at midnight), or today
 * while it runs — the day the mock counts working days up to.
 */
export function lastDayOf(step: Step, today: string): string {
  return step.leftAt && step.leftAt > step.enteredAt ? dueDateOf(step.leftAt) : step.leftAt ? dateOf(step.leftAt) : today;
}

/**
 * The month of the first day column in view, the days scrolled `scrollLeft` px sideways (the step
 * names beside them cover none of the columns: they take their own room at the left).
 */
export function monthInView(days: readonly string[], scrollLeft: number): string {
  const column = Math.min(days.length - 1, Math.max(0, Math.floor(scrollLeft / DAY)));
  return days[column]?.slice(0, 7) ?? '';
}

/**
 * The month of the days in view, in the header of the step names' column (which stays at the left
 * edge): a month's own heading is drawn over its first day only, so a chart scrolled past it would
 * show days with no month. Its own component, so that scrolling redraws this one text, not the chart.
 */
function MonthInView({ days }: { days: readonly string[] }) {
  const [scrollLeft, setScrollLeft] = useState(0);
  const text = useRef<SVGTextElement>(null);
  useEffect(() => {
    const box = text.current?.closest('.scroll');
    if (!box) return undefined;
    const onScroll = () => setScrollLeft(box.scrollLeft);
    onScroll();
    box.addEventListener('scroll', onScroll, { passive: true });
    return () => box.removeEventListener('scroll', onScroll);
  }, []);
  return (
    <text ref={text} class="month-label" x={LABEL - 6} y={12} text-anchor="end">
      {monthInView(days, scrollLeft)}
    </text>
  );
}

/**
 * The steps on a working-day calendar, drawn as plain SVG: one row per step from the day it was
 * entered to the day it was left (or today), the working days counted towards its limit filled,
 * the due date outlined, overdue steps hatched; weekends, holidays and make-up working days shaded
 * down every row. The step table next to it says the same in text.
 */
export function TimelineChart({ steps, today, schedules }: { steps: Step[]; today: string; schedules: YearSchedule[] }) {
  const { t, pick } = useT();
  if (steps.length === 0) return null;
  const holidays = new Map(schedules.flatMap((s) => s.holidays.map((d) => [d.date, d.name] as const)));
  const makeups = new Map(schedules.flatMap((s) => s.makeupWorkdays.map((d) => [d.date, d.name] as const)));
  for (const step of steps) for (const date of step.deadline?.makeUpDays ?? []) makeups.set(date, makeups.get(date) ?? '');
  for (const step of steps) for (const skipped of step.deadline?.skippedDays ?? []) if (skipped.reason === 'holiday' && !holidays.has(skipped.date)) holidays.set(skipped.date, '');
  const ends = steps.flatMap((s) => [lastDayOf(s, today), ...(s.deadline ? [dueDateOf(s.deadline.dueAt)] : [])]);
  const first = dateOf(steps[0]!.enteredAt);
  const last = addDays(ends.reduce((a, b) => (a > b ? a : b), today), 1);
  let days = datesBetween(first, last);
  const cut = days.length > MAX_DAYS;
  if (cut) days = days.slice(-MAX_DAYS);
  const column = new Map(days.map((d, i) => [d, i]));
  // A bar reaching past the window is drawn to its edge; a day mark outside it (a due date, a
  // counted day) is not drawn at all: at the edge it would name the wrong day.
  const x = (date: string) => (column.get(date) ?? (date < days[0]! ? 0 : days.length - 1)) * DAY;
  const drawn = (date: string) => column.has(date);
  // A heading on the first day of each month; the month of the first column in view is in the step names' header (MonthInView).
  const months = days.filter((date) => date.endsWith('-01'));
  // Never narrower than its last month heading: a short span would clip "2025-10" to "202".
  const width = Math.max(days.length * DAY, ...months.map((date) => x(date) + MONTH_LABEL));
  const height = HEADER + steps.length * ROW + 4;
  return (
    <figure class="timeline-chart">
      <Legend
        extra={[
          { className: 'counted', label: t('timeline.countedDay') },
          { className: 'due', label: t('timeline.dueDay') },
          { className: 'overdue-swatch', label: t('objects.overdue') },
        ]}
      />
      {cut && <p class="hint">{t('timeline.window', { n: MAX_DAYS, from: days[0]! })}</p>}
      <div class="scroll" tabIndex={0} role="group" aria-label={t('timeline.chart')} ref={toEnd}>
        <div class="chart-rows">
          {/* The step names: a first column that stays in view however far the days scroll (sticky). */}
          <svg class="step-labels" width={LABEL} height={height} viewBox={`0 0 ${LABEL} ${height}`} aria-hidden="true" focusable="false">
            <MonthInView days={days} />
            {steps.map((step, i) => (
              <text key={i} class="step-label" data-state={step.state} x={4} y={HEADER + i * ROW + ROW / 2 + 4}>
                {pick(step.label) || step.state}
              </text>
            ))}
          </svg>
          <svg class="days" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
            <defs>
              <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#fde2e1" />
                <line x1="0" y1="0" x2="0" y2="6" stroke="#b3261e" stroke-width="2" />
              </pattern>
            </defs>
            {days.map((date) => {
              const kind = dayKind(date, holidays, makeups);
              return (
                <g key={date} data-date={date} data-kind={kind}>
                  <rect class={`col ${kind}`} x={x(date)} y={HEADER - 18} width={DAY} height={height - HEADER + 18} />
                  {months.includes(date) && (
                    <text class="month-label" x={x(date) + 2} y={12}>
                      {date.slice(0, 7)}
                    </text>
                  )}
                  <text class={`day-label${weekdayOf(date) >= 5 ? ' weekend' : ''}`} x={x(date) + DAY / 2} y={HEADER - 5} text-anchor="middle">
                    {Number(date.slice(8))}
                  </text>
                </g>
              );
            })}
            {days.includes(today) && <line class="today-line" x1={x(today) + DAY / 2} x2={x(today) + DAY / 2} y1={HEADER - 18} y2={height} />}
            {steps.map((step, i) => {
              const y = HEADER + i * ROW;
              const from = dateOf(step.enteredAt);
              const to = lastDayOf(step, today);
              const counted = new Set(step.deadline?.countedDays ?? []);
              const due = step.deadline ? dueDateOf(step.deadline.dueAt) : undefined;
              return (
                <g key={i} class={`step${step.deadline?.overdue ? ' overdue' : ''}`} data-state={step.state}>
                  <rect class="bar" x={x(from)} y={y + 6} width={x(to) - x(from) + DAY} height={ROW - 12} rx={4} />
                  {[...counted].filter(drawn).map((date) => (
                    <rect key={date} class="counted" x={x(date) + 3} y={y + 9} width={DAY - 6} height={ROW - 18} rx={2} />
                  ))}
                  {due && drawn(due) && <rect class="due" x={x(due) + 1} y={y + 3} width={DAY - 2} height={ROW - 6} rx={4} />}
                </g>
              );
            })}
          </svg>
        </div>
      </div>
    </figure>
  );
}
