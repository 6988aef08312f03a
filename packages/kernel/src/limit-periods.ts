import { addDays } from '@gdx/calendar';
import { dataDayDeadline, frozenDeadline, type ComputedDeadline } from './deadline-values.js';
import { endOfDay } from './shanghai-time.js';
import type { Calendar, IsoDate, Limit } from './types.js';

/** Options of the calendar's period arithmetic. */
type PeriodOptions = NonNullable<Parameters<Calendar['addCalendarDays']>[2]>;

/** Start days one limit remembers before it forgets them all (a long-running server stays flat). */
const STARTS_PER_LIMIT = 64;

/**
 * One limit's periods, computed once per start day and shared: a batch filed on one day shares
 * its deadlines (in a simulated year 10,000 applications share four). The calendar is still asked
 * for the due day on every call — a table look-up, and a calendar may gain or replace a year's
 * schedule at any time — and what is shared is the deadline built from its answer, which depends
 * on nothing else. The limit's fields are read here once, into one shape: limits come in several
 * (optional fields), and reading them on every transition made the deadline code polymorphic.
 */
export class LimitPeriods {
  readonly limit: Limit;
  readonly unit: Limit['unit'];
  readonly value: number;
  readonly startField: string | null;
  readonly dueField: string | null;
  readonly capField: string | null;
  /** A working-day period counts its start day (`Limit.countStartDay`): it counts on from the day before. */
  readonly countStartDay: boolean;
  /** The calendar's options: working-day periods, and calendar-day and year periods. */
  private readonly workingOpts: { estimate: boolean } | undefined;
  private readonly periodOpts: PeriodOptions | undefined;
  /** A month or year limit's period, for the calendar's `addPeriod`. */
  private readonly period: { months: number } | { years: number };
  /** The last deadline made or found, checked before the maps (a batch asks for it in a row). */
  private last: ComputedDeadline | null = null;
  private readonly byStart = new Map<IsoDate, ComputedDeadline>();
  private readonly cappedByStart = new Map<IsoDate, CappedDeadline>();

  constructor(limit: Limit) {
    this.limit = limit;
    this.unit = limit.unit;
    this.value = limit.value;
    this.startField = limit.startField ?? null;
    this.dueField = limit.dueField ?? null;
    this.capField = limit.capField ?? null;
    this.countStartDay = limit.countStartDay === true;
    this.workingOpts = limit.estimate ? { estimate: true } : undefined;
    const extension = limit.holidayExtension;
    this.periodOpts = !extension ? this.workingOpts : limit.estimate ? { estimate: true, holidayExtension: extension } : { holidayExtension: extension };
    this.period = limit.unit === 'months' ? { months: limit.value } : { years: limit.value };
  }

  /** Whether `other` says what this limit says, for every field a deadline depends on. */
  describes(other: Limit): boolean {
    const limit = this.limit;
    return (
      other.id === limit.id && other.value === this.value && other.unit === this.unit && other.startTrigger === limit.startTrigger &&
      other.basis === limit.basis && (other.startField ?? null) === this.startField && (other.dueField ?? null) === this.dueField &&
      (other.capField ?? null) === this.capField && Boolean(other.estimate) === Boolean(limit.estimate) && other.holidayExtension === limit.holidayExtension &&
      (other.countStartDay === true) === this.countStartDay
    );
  }

  /** The last day of the limit's own period from `startedOn` (days, months and years; not hours). */
  endDay(startedOn: IsoDate, calendar: Calendar): IsoDate {
    switch (this.unit) {
      case 'working_days':
        // Counted, a working start day is the first: the N-th working day after the day before it.
        return calendar.addWorkingDays(this.countStartDay ? addDays(startedOn, -1) : startedOn, this.value, this.workingOpts);
      case 'calendar_days':
        return calendar.addCalendarDays(startedOn, this.value, this.periodOpts);
      default:
        return calendar.addPeriod(startedOn, this.period, this.periodOpts);
    }
  }

  /** The limit's own deadline from `startedOn` to the calendar's `dueDate`. */
  deadline(startedOn: IsoDate, dueDate: IsoDate): ComputedDeadline {
    const last = this.last;
    if (last !== null && last.deadline.startedOn === startedOn && last.deadline.dueDate === dueDate) return last;
    const known = this.byStart.get(startedOn);
    const found = known !== undefined && known.deadline.dueDate === dueDate ? known : this.remember(startedOn, dueDate);
    this.last = found;
    return found;
  }

  /**
   * The deadline from `startedOn` cut short by the data's `cap`. Its period is the calendar's
   * (whole years or days), so the calendar is part of the key.
   */
  cappedDeadline(startedOn: IsoDate, cap: IsoDate, calendar: Calendar): ComputedDeadline {
    const known = this.cappedByStart.get(startedOn);
    if (known !== undefined && known.cap === cap && known.calendar === calendar) return known.computed;
    return this.rememberCapped(startedOn, cap, calendar);
  }

  private remember(startedOn: IsoDate, dueDate: IsoDate): ComputedDeadline {
    if (this.byStart.size >= STARTS_PER_LIMIT) this.byStart.clear();
    const made = frozenDeadline(this.limit, this.value, this.unit, startedOn, dueDate, endOfDay(dueDate));
    this.byStart.set(startedOn, made);
    return made;
  }

  private rememberCapped(startedOn: IsoDate, cap: IsoDate, calendar: Calendar): ComputedDeadline {
    if (this.cappedByStart.size >= STARTS_PER_LIMIT) this.cappedByStart.clear();
    const made = dataDayDeadline(this.limit, startedOn, cap, calendar);
    this.cappedByStart.set(startedOn, new CappedDeadline(calendar, cap, made));
    return made;
  }
}

/** A capped deadline remembered with what it was computed from. */
class CappedDeadline {
  constructor(
    readonly calendar: Calendar,
    readonly cap: IsoDate,
    readonly computed: ComputedDeadline,
  ) {}
}

/** Each limit's periods; weak, so a limit (and its machine) that is dropped takes them along. */
const periodsByLimit = new WeakMap<Limit, LimitPeriods>();
/** The last limit asked for and its periods: consecutive transitions mostly start the same step. */
let lastLimit: Limit | null = null;
let lastPeriods: LimitPeriods | null = null;

/** The last limits made periods for, scanned for an equal one (a few: one per kind of limit built anew). */
const RECENT_LIMIT = 16;
const recent: LimitPeriods[] = [];

/**
 * The shared periods of `limit` (made on first use). Like the rest of a machine definition, a
 * limit must not be changed once used: its fields are read once.
 */
export function periodsOf(limit: Limit): LimitPeriods {
  if (limit === lastLimit) return lastPeriods as LimitPeriods;
  const periods = periodsByLimit.get(limit) ?? periodsLike(limit);
  lastLimit = limit;
  lastPeriods = periods;
  return periods;
}

/**
 * The periods of a limit object not seen before. A caller may build its limit on every call (an
 * application's initial-filing duty is one, made per application): an equal limit met recently
 * lends its periods, so that its deadlines are shared too (compared field by field: no key is
 * built), and moves to the end of the list, where the next scan starts. Only a limit unlike them
 * is remembered by identity (weakly), which is how a machine definition's limits are found on
 * every later transition: a limit built per call would fill the weak map with a key per call.
 */
function periodsLike(limit: Limit): LimitPeriods {
  for (let i = recent.length - 1; i >= 0; i -= 1) {
    const periods = recent[i] as LimitPeriods;
    if (periods.describes(limit)) return mostRecent(i, periods);
  }
  const periods = new LimitPeriods(limit);
  periodsByLimit.set(limit, periods);
  if (recent.length >= RECENT_LIMIT) recent.shift();
  recent.push(periods);
  return periods;
}

/** Moves the periods at `index` of `recent` to its end (no array is built: this runs per call for a limit built per call). */
function mostRecent(index: number, periods: LimitPeriods): LimitPeriods {
  const end = recent.length - 1;
  for (let i = index; i < end; i += 1) recent[i] = recent[i + 1] as LimitPeriods;
  recent[end] = periods;
  return periods;
}
