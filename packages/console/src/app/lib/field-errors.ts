import { createContext } from 'preact';
import type { Problem } from '../api/types.js';
import type { Locale } from '../i18n/locale.js';

type FieldError = NonNullable<Problem['errors']>[number];

/** A field error's message in the locale: the server sends both languages (an older server, one string). */
export function errorText({ message }: FieldError, locale: Locale): string {
  return typeof message === 'string' ? message : (message?.[locale] ?? '');
}

/**
 * What a refusal says of the field at `pointer` (a JSON pointer into the body sent, as the
 * problem's `errors[].pointer` names it), in the locale; `''` when it says nothing of it.
 *
 * @example
 * ```ts
 * const blank = { status: 400, code: 'VALIDATION_FAILED', errors: [{ pointer: '/reasons/0/text', code: 'TEXT_BLANK', message: { zh: '理由不能为空白', en: 'The reason is blank' } }] };
 * fieldErrorText(blank, '/reasons/0/text', 'zh'); // '理由不能为空白'
 * fieldErrorText(blank, '/reasons', 'zh');        // ''
 * ```
 */
export function fieldErrorText(problem: Problem | undefined, pointer: string, locale: Locale): string {
  return (problem?.errors ?? [])
    .filter((error) => error.pointer === pointer)
    .map((error) => errorText(error, locale))
    .join(' ');
}

/** The refusal of the form a field is in, so that each field can show what it says of that field. */
export const FormProblem = createContext<Problem | undefined>(undefined);
