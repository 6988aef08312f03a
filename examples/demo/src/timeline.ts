import type { IsoDate, WorkingCalendar } from '@gdx/calendar';
import { dayOf, weekday } from './days.js';
import { explainDeadline, type DeadlineLike } from './explain-deadline.js';
import type { Style } from './style.js';

/** A platform deadline as every workflow object carries it (docs/design.md, "Workflow objects"). */
export interface PlatformDeadline extends DeadlineLike {
  basis?: string | null;
  overdue?: boolean;
}

/** The fields of a platform workflow event the timeline shows. */
export interface PlatformEvent {
  type: string;
  at: string;
  actor: { role: string };
  from: string | null;
  to: string | null;
  reason?: { text: string } | null;
  deadline?: PlatformDeadline | null;
}

/** One dated line of the timeline, optionally with the deadline it started. */
export interface TimelineEntry {
  /** RFC 3339 instant (platform clock) or a plain date. */
  at: string;
  text: string;
  deadline?: PlatformDeadline | null;
}

const UNIT_WORDS: Readonly<Record<string, [string, string]>> = {
  working_days: ['working day', 'working days'],
  calendar_days: ['calendar day', 'calendar days'],
  hours: ['hour', 'hours'],
  years: ['year', 'years'],
};

/** `3 working days`, `1 working day`, `3 years`. */
function amount(limit: number, unit: string): string {
  const [one, many] = UNIT_WORDS[unit] ?? [unit, unit];
  return `${limit} ${limit === 1 ? one : many}`;
}

/**
 * The text of a platform event: the transition (`submitted → under_review`), who made it, and
 * the written reason when there is one.
 *
 * @example
 * ```ts
 * eventText({ type: 'state_changed', at: '…', actor: { role: 'registry' }, from: 'submitted', to: 'under_review' });
 * // 'submitted → under_review (registry)'
 * ```
 */
export function eventText(event: PlatformEvent): string {
  const words = event.type.replaceAll('_', ' ');
  const what =
    event.from === null ? (event.to ?? words)
    : event.from === event.to ? words
    : `${event.type === 'state_changed' ? '' : `${words}: `}${event.from} → ${event.to}`;
  const reason = event.reason?.text ? ` — “${event.reason.text}”` : '';
  return `${what} (${event.actor.role})${reason}`;
}

/**
 * The timeline lines of entries: the date and weekday, the text, the deadline as the platform
 * stated it (due date, limit, legal basis) and, for working-day limits, the day-by-day count.
 * A deadline repeated by the next entries (still running) is shown as `still due` without the count.
 *
 * @example
 * ```ts
 * timelineLines([{ at: '2025-09-26T09:00:00+08:00', text: 'submitted', deadline }], calendar, style);
 * // ['2025-09-26 Fri  submitted — acceptance due 2025-09-30 (3 working days, 发改数据规〔2025〕26号 第十条)', '                   09-27 Sat …', …]
 * ```
 */
export function timelineLines(entries: readonly TimelineEntry[], calendar: WorkingCalendar, style: Style): string[] {
  const lines: string[] = [];
  let shown = '';
  for (const entry of entries) {
    const date: IsoDate = entry.at.length === 10 ? entry.at : dayOf(entry.at);
    const d = entry.deadline;
    // A deadline that keeps running through later events (e.g. a notice during an objection) is explained once.
    const key = d ? `${d.step}|${d.startedOn}|${d.dueDate}` : '';
    const again = d !== null && d !== undefined && key === shown;
    const due = d
      ? ` — ${d.step.replaceAll('_', ' ')} ${again ? 'still ' : ''}due ${style.bold(d.dueDate)}${again ? '' : ` (${amount(d.limit, d.unit)}${d.basis ? `, ${d.basis}` : ''})`}${d.overdue ? style.yellow(' OVERDUE') : ''}`
      : '';
    lines.push(`${style.bold(date)} ${weekday(date)}  ${entry.text}${due}`);
    if (d && !again) for (const line of explainDeadline(calendar, d, style).lines) lines.push(`${' '.repeat(17)}${line}`);
    if (d) shown = key;
  }
  return lines;
}

/**
 * Timeline entries of a workflow object's events, each with the deadline it started.
 *
 * @example
 * ```ts
 * timelineLines(eventEntries(application.events), calendar, style).forEach(print);
 * ```
 */
export function eventEntries(events: readonly PlatformEvent[]): TimelineEntry[] {
  return events.map((e) => ({ at: e.at, text: eventText(e), deadline: e.deadline ?? null }));
}
