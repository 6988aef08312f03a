import { readFile } from 'node:fs/promises';
import { fieldErrorsText, InvalidCalendarYearError } from '../app/server-calendar-years.js';

/**
 * A `--calendar` file that cannot be read, parsed, or taken as a year schedule: `path` names it,
 * the message says why (the field, for a schedule refused) in Chinese and English. A start refusal
 * (`startRefusal`) shows it without a stack.
 *
 * @example
 * ```ts
 * new CalendarFileError('2027.yaml', '不是有效的 YAML/JSON', 'is not valid YAML/JSON').message;
 * // '[INVALID_CALENDAR_FILE] 节假日安排文件 2027.yaml 不是有效的 YAML/JSON / holiday schedule file 2027.yaml is not valid YAML/JSON'
 * ```
 */
export class CalendarFileError extends Error {
  override readonly name = 'CalendarFileError';
  readonly code = 'INVALID_CALENDAR_FILE';

  constructor(
    readonly path: string,
    zh: string,
    en: string,
  ) {
    super(`[INVALID_CALENDAR_FILE] 节假日安排文件 ${path} ${zh} / holiday schedule file ${path} ${en}`);
  }
}

/**
 * The schedules of the `--calendar` files, parsed (JSON or YAML), in order: what
 * `AppOptions.calendarYears` takes. They are checked by `createApp`: wrap it in
 * `namingCalendarFile` so a refusal names the file. A file that cannot be read or parsed throws a
 * `CalendarFileError` naming it.
 *
 * @example
 * ```ts
 * const calendarYears = await readCalendarFiles(['./2027.yaml']);
 * ```
 */
export async function readCalendarFiles(paths: readonly string[]): Promise<unknown[]> {
  if (paths.length === 0) return [];
  // Imported only when a file is given (~25 ms of CPU), as the profile loader does.
  const { parse } = await import('yaml');
  return Promise.all(
    paths.map(async (path) => {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        throw new CalendarFileError(path, `无法读取（${(error as Error).message}）`, `cannot be read: ${(error as Error).message}`);
      }
      try {
        return parse(text) as unknown;
      } catch (error) {
        throw new CalendarFileError(path, `不是有效的 YAML/JSON：${(error as Error).message}`, `is not valid YAML/JSON: ${(error as Error).message}`);
      }
    }),
  );
}

/**
 * Runs `make` (the `createApp` given the files' schedules) and turns the refusal of one schedule
 * (`InvalidCalendarYearError`) into a `CalendarFileError` naming its file and field.
 *
 * @example
 * ```ts
 * const app = namingCalendarFile(files, () => createApp({ calendarYears: schedules }));
 * // throws '[INVALID_CALENDAR_FILE] 节假日安排文件 2027.yaml 无效：/holidays/0/date: … / holiday schedule file 2027.yaml is invalid: /holidays/0/date: …'
 * ```
 */
export function namingCalendarFile<T>(paths: readonly string[], make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof InvalidCalendarYearError)) throw error;
    const path = paths[error.index];
    if (path === undefined) throw error;
    throw new CalendarFileError(path, `无效：${fieldErrorsText(error.errors, 'zh')}`, `is invalid: ${fieldErrorsText(error.errors, 'en')}`);
  }
}
