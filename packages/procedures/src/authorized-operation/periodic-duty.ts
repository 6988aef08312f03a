import { shanghaiDay, type Calendar, type Limit, type WorkflowEvent } from '@gdx/kernel';
import { periodFrom, type DutyPeriod } from './duty-period.js';

/** A duty met again and again ("定期"), read from an authorization's log: its periods and when it was last met. */
export interface PeriodicDuty extends DutyPeriod {
  /** The instant of the latest meeting event, `null` before the first. */
  lastMetAt: string | null;
  /** Whether that event came after the period it met had run out. */
  lastLate: boolean;
  /** The event-log position the running period starts after: a meeting event from there on meets it. */
  since: number;
}

/** Which events of the log a periodic duty reads. */
export interface PeriodicDutyEvents {
  /** The event that meets the running period and starts `repeat` from its day. */
  met: string;
  /** An event (a change of the agreement) that starts `first` again from its day when that ends sooner than the running period. */
  change?: { event: string; startTrigger: string };
}

/**
 * The running period of a duty first due `first` from `signedOn` and then `repeat` from each
 * meeting event's day (`on.met`, `lastLate` when it came at or after the period's end); an
 * `on.change` event starts `first` again from its day if that ends sooner. The implementing body's
 * disclosure (`disclosureDuty`) and the operator's (`operatorDisclosureDuty`) share it. Calendar
 * errors propagate (`CALENDAR_NOT_PUBLISHED`) unless the limits say `estimate`.
 *
 * @example
 * periodicDuty(halfYear, halfYear, '2026-01-05', WorkingCalendar.official(), instance.events, { met: 'disclose_operation' });
 * // { startTrigger: 'agreement_signed', startedOn: '2026-01-05', dueDate: '2026-07-06', lastMetAt: null, lastLate: false, since: 0, … }
 */
export function periodicDuty(first: Limit, repeat: Limit, signedOn: string, calendar: Calendar, events: readonly WorkflowEvent[], on: PeriodicDutyEvents): PeriodicDuty {
  let running = { ...periodFrom(first, signedOn, calendar), since: 0 };
  let lastMetAt: string | null = null;
  let lastLate = false;
  events.forEach((event, index) => {
    const change = on.change;
    if (change !== undefined && event.event === change.event) {
      const changed = periodFrom({ ...first, startTrigger: change.startTrigger }, shanghaiDay(Date.parse(event.at)), calendar);
      if (changed.dueAtMs < running.dueAtMs) running = { ...changed, since: running.since };
    }
    if (event.event === on.met) {
      lastMetAt = event.at;
      lastLate = Date.parse(event.at) >= running.dueAtMs;
      running = { ...periodFrom(repeat, shanghaiDay(Date.parse(event.at)), calendar), since: index + 1 };
    }
  });
  return { ...running.period, lastMetAt, lastLate, since: running.since };
}
