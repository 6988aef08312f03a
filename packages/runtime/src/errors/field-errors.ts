import type { FieldError } from '@gdx/protocol';

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
  const listed = (errors as Partial<FieldError>[]).slice(0, MAX_LISTED);
  const more = errors.length - listed.length;
  const line = (lang: 'en' | 'zh', colon: string, semicolon: string) =>
    listed.map((error) => `${error.pointer ?? '?'}${colon}${error.message?.[lang] ?? error.code ?? ''}`).join(semicolon);
  return {
    en: ` [${line('en', ': ', '; ')}${more > 0 ? `; and ${more} more` : ''}]`,
    zh: `【${line('zh', '：', '；')}${more > 0 ? `；另有 ${more} 项` : ''}】`,
  };
}
