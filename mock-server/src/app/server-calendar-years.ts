import { CalendarError, validateYearSchedule, type YearSchedule } from '@gdx/calendar';
import type { FieldError } from '@gdx/protocol';
import type { RequestValidator } from './request-validator.js';

/**
 * A schedule's field errors as one line in one language: `/holidays/0/date: …; /note: …`.
 *
 * @example
 * ```ts
 * fieldErrorsText(error.errors, 'zh'); // '/note: 不允许的字段'
 * ```
 */
export function fieldErrorsText(errors: readonly FieldError[], lang: 'zh' | 'en'): string {
  return errors.map((e) => `${e.pointer || '(the schedule)'}: ${e.message[lang]}`).join(lang === 'zh' ? '；' : '; ');
}

/**
 * One of `AppOptions.calendarYears` was refused: `index` is its place in the list, `errors` its
 * field errors (pointers into that schedule, as the PUT endpoint answers them). The message names
 * `calendarYears[index]` and each field, in Chinese and English:
 * `[INVALID_CALENDAR_YEAR] calendarYears[1] 有误：/note: 不允许的字段 / calendarYears[1] is refused: /note: This field is not allowed`.
 *
 * @example
 * ```ts
 * try { createApp({ calendarYears: [schedule] }); } catch (error) {
 *   if (error instanceof InvalidCalendarYearError) console.log(error.index, error.errors[0]?.pointer); // 0 '/holidays/0/date'
 * }
 * ```
 */
export class InvalidCalendarYearError extends RangeError {
  override readonly name = 'InvalidCalendarYearError';
  readonly code = 'INVALID_CALENDAR_YEAR';

  constructor(
    readonly index: number,
    readonly errors: readonly FieldError[],
  ) {
    super(`[INVALID_CALENDAR_YEAR] calendarYears[${index}] 有误：${fieldErrorsText(errors, 'zh')} / calendarYears[${index}] is refused: ${fieldErrorsText(errors, 'en')}`);
  }
}

/**
 * The server's extra year schedules (`AppOptions.calendarYears`), each checked as
 * `PUT /_sim/v1/sandboxes/{id}/calendar/{year}` checks its body: by that endpoint's validator (the
 * contract's `YearSchedule`; none when the app serves no simulation contract), then by
 * `@gdx/calendar`'s rules. A year given twice is refused too (which one was meant is unknown).
 * Throws an `InvalidCalendarYearError` for the first schedule refused.
 *
 * @example
 * ```ts
 * serverCalendarYears([schedule2026Copy], putValidator); // [frozen, validated schedule]
 * ```
 */
export function serverCalendarYears(schedules: readonly unknown[], putValidator: RequestValidator | undefined): Readonly<YearSchedule>[] {
  const checked: Readonly<YearSchedule>[] = [];
  schedules.forEach((schedule, index) => {
    // Path values that always pass: only the body is this option's.
    const outcome = putValidator?.validate({ params: { sandboxId: 'default', year: '2000' }, query: {}, body: schedule, hasBody: true });
    if (outcome && !outcome.ok) throw new InvalidCalendarYearError(index, outcome.errors);
    let valid: Readonly<YearSchedule>;
    try {
      valid = validateYearSchedule(schedule as YearSchedule);
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      throw new InvalidCalendarYearError(index, [{ pointer: error.pointer ?? '', code: 'INVALID', message: error.messages }]);
    }
    if (checked.some((other) => other.year === valid.year)) {
      throw new InvalidCalendarYearError(index, [{ pointer: '/year', code: 'INVALID', message: { zh: `${valid.year} 年的安排重复给出`, en: `${valid.year} is given twice` } }]);
    }
    checked.push(valid);
  });
  return checked;
}
