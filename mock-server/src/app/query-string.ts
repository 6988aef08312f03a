import type { FieldError } from '@gdx/protocol';
import { pointerToken } from './field-errors.js';

/**
 * The field errors of a raw query string's names and values that `URLSearchParams` would
 * silently turn into other text (`parseQuery`), or `undefined` when it has none: one that is not
 * valid percent-encoding (`q=%FF`, `q=%E0%A4%A`, `q=100%`: it came out as U+FFFD, or as the
 * literal `%`) is an `INVALID_ENCODING` error, as the same bytes in a path parameter are; one that
 * holds a NUL (`q=a%00b`) is an `INVALID_TEXT` error, as in a JSON body (tools downstream cut text
 * there). Each error is at `/query/<name>`: the name decoded, or, when the name itself is the
 * fault, as the client wrote it (`/query/%FF`). A query without `%` (nor a raw NUL, which only an
 * in-process caller can send) is not scanned.
 *
 * @example
 * ```ts
 * unreadableQuery('limit=5'); // undefined
 * unreadableQuery('q=%FF'); // [{ pointer: '/query/q', code: 'INVALID_ENCODING', message: { zh: …, en: … } }]
 * ```
 */
export function unreadableQuery(query: string): FieldError[] | undefined {
  if (!query.includes('%') && !query.includes('\0')) return undefined;
  const errors = unreadableParts(query);
  return errors.length === 0 ? undefined : errors;
}

/** The field errors of a query's unreadable names and values, one per name, in the order sent. */
function unreadableParts(query: string): FieldError[] {
  const errors: FieldError[] = [];
  const reported = new Set<string>();
  // Split as application/x-www-form-urlencoded is (WHATWG URL §5.1): pairs by `&`, the name up to the first `=`.
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawName = equals < 0 ? pair : pair.slice(0, equals);
    const name = formDecode(rawName);
    const shownName = name === undefined || name.includes('\0') ? rawName.replaceAll('\0', '%00') : name;
    const pointer = `/query${pointerToken(shownName)}`;
    if (reported.has(pointer)) continue;
    const error = name === shownName ? valueError(pointer, name, equals < 0 ? '' : pair.slice(equals + 1)) : nameError(pointer, name, shownName);
    if (error === undefined) continue;
    reported.add(pointer);
    errors.push(error);
  }
  return errors;
}

/** The error of a name that is not valid percent-encoding (`name` undefined) or that holds a NUL. */
function nameError(pointer: string, name: string | undefined, shownName: string): FieldError {
  const subject = { en: `name ${shownName}`, zh: `名称 ${shownName}` };
  return name === undefined ? badEncoding(pointer, subject) : nul(pointer, subject);
}

/** The error of parameter `name`'s raw value, or `undefined` when it reads as text. */
function valueError(pointer: string, name: string, rawValue: string): FieldError | undefined {
  const value = formDecode(rawValue);
  const subject = { en: name, zh: name };
  if (value === undefined) return badEncoding(pointer, subject);
  return value.includes('\0') ? nul(pointer, subject) : undefined;
}

/** A form-encoded name or value as text (`+` is a space), or `undefined` when its `%XX` bytes are not UTF-8 or not `%XX` at all. */
function formDecode(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/** What an error is about, in both languages: `q`, or `name %FF` / `名称 %FF`. */
interface Subject {
  en: string;
  zh: string;
}

function badEncoding(pointer: string, { en, zh }: Subject): FieldError {
  return {
    pointer,
    code: 'INVALID_ENCODING',
    message: { zh: `查询参数 ${zh} 的百分号编码无效（须为 UTF-8 字节的 %XX 编码，RFC 3986 §2.1）`, en: `The query parameter ${en} is not valid percent-encoding (%XX of UTF-8 bytes, RFC 3986 §2.1)` },
  };
}

function nul(pointer: string, { en, zh }: Subject): FieldError {
  return { pointer, code: 'INVALID_TEXT', message: { zh: `查询参数 ${zh} 含有 NUL 字符（%00），不允许`, en: `The query parameter ${en} holds a NUL character (%00), which is not allowed` } };
}
