/** Field errors named in a message; the rest are counted (all of them stay in `problem.errors`). */
const MAX_LISTED = 3;

/**
 * A problem's field errors as one line per language, e.g.
 * `/query/limit: The number is too large: must be <= 200` — what a log needs to tell which field
 * was refused, where the problem's own message says only "1 field is invalid". Empty strings when
 * there are none. Read defensively: `isProblemDetails` does not check the shape of `errors`.
 */
export function describeFieldErrors(errors: unknown): { en: string; zh: string } {
  if (!Array.isArray(errors) || errors.length === 0) return { en: '', zh: '' };
  const listed = errors.slice(0, MAX_LISTED).map(fieldError);
  const more = errors.length - listed.length;
  const line = (lang: 'en' | 'zh', colon: string, semicolon: string) =>
    listed.map((error) => `${text(error.pointer) ?? '?'}${colon}${text(error.message?.[lang]) ?? text(error.code) ?? ''}`).join(semicolon);
  return {
    en: ` [${line('en', ': ', '; ')}${more > 0 ? `; and ${more} more` : ''}]`,
    zh: `【${line('zh', '：', '；')}${more > 0 ? `；另有 ${more} 项` : ''}】`,
  };
}

/** A field error as received: any member may be missing or of another type. */
interface ReceivedFieldError {
  pointer?: unknown;
  code?: unknown;
  message?: { en?: unknown; zh?: unknown } | null;
}

/** An entry of `errors` as far as it is an object: a `null` or a string entry names nothing. */
function fieldError(entry: unknown): ReceivedFieldError {
  return typeof entry === 'object' && entry !== null ? entry : {};
}

/** A member quoted in the message: strings and numbers only (an object would read `[object Object]`). */
function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
