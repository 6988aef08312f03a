import { open } from 'node:fs/promises';
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
 * The largest `--calendar` file read, in bytes (1 MiB). A real year's schedule is a few KB (some
 * 40 days of `{ date, name }`), so a file near the bound is the wrong file; read whole before it was
 * refused, a 50 MB one took some 180 MB of memory at start.
 */
export const MAX_CALENDAR_FILE_BYTES = 1024 * 1024;

/** `MAX_CALENDAR_FILE_BYTES` as a message says it. */
const BOUND = { en: `the ${MAX_CALENDAR_FILE_BYTES} bytes (1 MiB) a holiday schedule file may hold`, zh: `节假日安排文件的上限 ${MAX_CALENDAR_FILE_BYTES} 字节（1 MiB）` };

const unreadable = (path: string, error: Error): CalendarFileError => new CalendarFileError(path, `无法读取（${error.message}）`, `cannot be read: ${error.message}`);

/**
 * The text of one `--calendar` file, refused before it is read when its size is over the bound;
 * one that tells no size (a pipe, `--calendar <(…)`) or grows meanwhile is read only to one byte
 * past it.
 */
async function readBoundedText(path: string): Promise<string> {
  const handle = await open(path, 'r').catch((error: Error) => {
    throw unreadable(path, error);
  });
  try {
    const { size } = await handle.stat();
    if (size > MAX_CALENDAR_FILE_BYTES) throw new CalendarFileError(path, `有 ${size} 字节，超过${BOUND.zh}`, `is ${size} bytes, over ${BOUND.en}`);
    const buffer = Buffer.alloc(MAX_CALENDAR_FILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > MAX_CALENDAR_FILE_BYTES) throw new CalendarFileError(path, `超过${BOUND.zh}`, `is over ${BOUND.en}`);
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    throw error instanceof CalendarFileError ? error : unreadable(path, error as Error);
  } finally {
    await handle.close();
  }
}

/**
 * The schedules of the `--calendar` files, parsed (JSON or YAML), in order: what
 * `AppOptions.calendarYears` takes. They are checked by `createApp`: wrap it in
 * `namingCalendarFile` so a refusal names the file. A file that cannot be read or parsed, or is
 * over `MAX_CALENDAR_FILE_BYTES` (refused before it is read), throws a `CalendarFileError` naming it.
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
      const text = await readBoundedText(path);
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
