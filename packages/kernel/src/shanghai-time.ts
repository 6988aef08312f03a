import { endOfShanghaiDay, formatShanghaiInstant, shanghaiDate } from '@gdx/calendar';
import type { IsoDate } from './types.js';

/*
 * The kernel's names for @gdx/calendar's Asia/Shanghai helpers: the date math lives once, in the
 * calendar. These wrappers keep the kernel's public API (and its millisecond-exact event times).
 */

/*
 * A clock advance fires thousands of transitions at a handful of instants (deadlines end at
 * 24:00, planned decisions share their times), and every one formats its instant several times
 * (event `at`, `updatedAt`, the fired list). Remembering recent answers turns that string work
 * into a lookup; the bound keeps the memory flat, and clearing when full keeps it simple.
 */
const FORMATTED_LIMIT = 512;
const formatted = new Map<number, string>();
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** The last answers of `formatInstant`, checked before the map: a batch asks for the same instant in a row. */
let lastInstant = Number.NaN;
let lastText = '';

/*
 * Days are remembered by day number, a span of them at once: the day asked for, a week before it
 * and more than a year after (`DAYS_BEFORE`, `DAYS_AFTER`). Every call then takes the same path, a
 * look-up: a year's clock advance meets no day it has to format. Formatting each new day as it
 * came (with the last day checked first) sent the year's first new day, in a later phase of the
 * advance, down a path the optimized code had never run, and deoptimized its callers there.
 */
const DAYS_BEFORE = 7;
const DAYS_AFTER = 400;
const DAYS_LIMIT = 1_024;
/** Day numbers of 0001-01-01 and 9999-12-31, the calendar's range: a span is cut to it (the day asked for is not). */
const FIRST_DAY = -719_162;
const LAST_DAY = 2_932_896;
const days = new Map<number, IsoDate>();

/**
 * The Asia/Shanghai calendar day of an instant.
 *
 * @example
 * shanghaiDay(Date.parse('2025-09-30T16:00:00Z')); // '2025-10-01'
 */
export function shanghaiDay(epochMs: number): IsoDate {
  return days.get(Math.floor((epochMs + SHANGHAI_OFFSET_MS) / DAY_MS)) ?? rememberDays(epochMs);
}

/** Formats the day of `epochMs` as the calendar does (its errors too), and the span around it (see `days` above). */
function rememberDays(epochMs: number): IsoDate {
  const own = shanghaiDate(epochMs);
  const dayNumber = Math.floor((epochMs + SHANGHAI_OFFSET_MS) / DAY_MS);
  if (days.size + DAYS_BEFORE + DAYS_AFTER >= DAYS_LIMIT) days.clear();
  const last = Math.min(dayNumber + DAYS_AFTER, LAST_DAY);
  for (let day = Math.max(dayNumber - DAYS_BEFORE, FIRST_DAY); day <= last; day += 1) {
    if (!days.has(day)) days.set(day, day === dayNumber ? own : shanghaiDate(day * DAY_MS - SHANGHAI_OFFSET_MS));
  }
  return own;
}

/**
 * Epoch ms of 24:00 of a Shanghai day (= 00:00 +08:00 of the next day).
 *
 * @example
 * formatInstant(endOfDay('2025-09-30')); // '2025-10-01T00:00:00+08:00'
 */
export function endOfDay(date: IsoDate): number {
  return endOfShanghaiDay(date);
}

/**
 * RFC 3339 with the `+08:00` offset, the wire format of instants; a non-zero millisecond part is
 * kept, so an event's `at` reads back to the instant the kernel saw.
 *
 * @example
 * formatInstant(Date.parse('2025-09-26T02:00:00Z')); // '2025-09-26T10:00:00+08:00'
 */
export function formatInstant(epochMs: number): string {
  if (epochMs === lastInstant) return lastText;
  const text = formatted.get(epochMs) ?? rememberInstant(epochMs);
  lastInstant = epochMs;
  lastText = text;
  return text;
}

/** Event times keep their milliseconds (one options object, not one per instant formatted). */
const KEEP_MILLISECONDS = { milliseconds: true } as const;

/** Formats an instant not remembered yet (apart, so that `formatInstant` compiles small). */
function rememberInstant(epochMs: number): string {
  if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
  const text = formatShanghaiInstant(epochMs, KEEP_MILLISECONDS);
  formatted.set(epochMs, text);
  return text;
}

/**
 * The epoch milliseconds of an instant in the wire format (`formatInstant`'s inverse, e.g. an
 * event's `at`). The instant the kernel formatted last is answered without parsing: code that
 * reads the time of an event just recorded (the simulated officials plan after every state
 * change) asks for exactly that one. Any other text is `Date.parse`d.
 *
 * @example
 * instantOf('2025-09-26T10:00:00+08:00'); // 1758852000000
 * instantOf(instance.events.at(-1)!.at); // when that event was recorded
 */
export function instantOf(text: string): number {
  // Right whichever engine or calendar formatted last: the text is a function of the instant
  // alone, and `Date.parse` reads it back to that (whole-millisecond) instant: the remembered pair
  // answers as the parse would.
  return text === lastText ? lastInstant : Date.parse(text);
}
