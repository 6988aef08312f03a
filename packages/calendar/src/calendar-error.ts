/** Stable codes of {@link CalendarError}. */
export type CalendarErrorCode = 'CALENDAR_NOT_PUBLISHED' | 'INVALID_DATE' | 'INVALID_SCHEDULE';

/** A message in both working languages, the shape problem+json uses for `message`. */
export interface LocalizedMessage {
  zh: string;
  en: string;
}

/**
 * The one error type of `@gdx/calendar`. `code` is stable; `message` is English and
 * `messages` carries the Chinese and English texts (as problem+json's `message` does).
 *
 * @example
 * ```ts
 * try {
 *   WorkingCalendar.official().addWorkingDays('2026-12-31', 1);
 * } catch (error) {
 *   if (error instanceof CalendarError && error.code === 'CALENDAR_NOT_PUBLISHED') {
 *     console.log(error.year, error.messages.zh); // 2027 '2027 年的节假日安排尚未发布…'
 *   }
 * }
 * ```
 */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  readonly code: CalendarErrorCode;
  readonly messages: LocalizedMessage;
  /** The year without a schedule (`CALENDAR_NOT_PUBLISHED`) or of the bad schedule (`INVALID_SCHEDULE`). */
  readonly year?: number;
  /** The offending input, when there is one (a malformed date, a bad schedule entry). */
  readonly value?: unknown;
  /**
   * Where in the schedule the fault is, as a JSON pointer (`INVALID_SCHEDULE`): `/holidays/2/date`,
   * `/makeupWorkdays/0/name`, `/source`, `/year`; `''` for the schedule as a whole. An API that
   * takes a schedule as a request body answers its field error there.
   */
  readonly pointer?: string;

  constructor(
    code: CalendarErrorCode,
    messages: LocalizedMessage,
    details: { year?: number; value?: unknown; pointer?: string } = {},
  ) {
    super(messages.en);
    this.code = code;
    this.messages = messages;
    if (details.year !== undefined) this.year = details.year;
    if ('value' in details) this.value = details.value;
    if (details.pointer !== undefined) this.pointer = details.pointer;
  }
}

/** @internal The error for a year whose schedule has not been loaded. */
export function notPublished(year: number): CalendarError {
  return new CalendarError(
    'CALENDAR_NOT_PUBLISHED',
    {
      zh: `${year} 年的节假日安排尚未发布或未加载，无法计算工作日；可加载该年安排或显式使用估算（estimate）`,
      en: `The holiday schedule for ${year} is not published or not loaded; load it or pass { estimate: true }`,
    },
    { year },
  );
}

/** @internal The error for malformed or impossible dates and instants. */
export function invalidDate(value: unknown, reason?: LocalizedMessage): CalendarError {
  const shown = typeof value === 'string' ? `'${value}'` : String(value);
  return new CalendarError(
    'INVALID_DATE',
    {
      zh: `无效日期 ${shown}${reason ? `：${reason.zh}` : '，应为存在的 YYYY-MM-DD 日期'}`,
      en: `Invalid date ${shown}${reason ? `: ${reason.en}` : '; expected an existing YYYY-MM-DD date'}`,
    },
    { value },
  );
}
