import type { FieldError } from '@gdx/protocol';
import { nameKey } from '../../app/name-key.js';
import { PlatformProblem } from '../../app/platform-problem.js';
import { attributeErrors } from './attribute-consistency.js';

/** The content fields these checks read (of an entry's content, a patch or a change). */
interface ContentLike {
  name?: unknown;
  sharing?: unknown;
  opening?: unknown;
}

function fieldError(pointer: string, code: string, zh: string, en: string): FieldError {
  return { pointer, code, message: { zh, en } };
}

/** A name of white space only (the schema's `minLength: 1` lets `"   "` through) names nothing. */
function blankName(name: unknown, pointer: string, zh: string, en: string): FieldError[] {
  return typeof name === 'string' && nameKey(name) === '' ? [fieldError(pointer, 'NAME_BLANK', zh, en)] : [];
}

/**
 * Refuses content the schema lets through but the catalog cannot keep, with 400
 * `VALIDATION_FAILED` and one field error per fault under `pointer` (`''` for an entry's content
 * or patch, `/changes` for a change proposal), all reported together: a blank `name`
 * (`NAME_BLANK`), and sharing or opening attributes that contradict their type (`attributeErrors`). Only the fields
 * present are checked (a patch replaces them whole).
 *
 * @example
 * ```ts
 * refuseInvalidContent({ name: '   ' }, '');
 * // throws: 400 VALIDATION_FAILED, NAME_BLANK at /name
 * ```
 */
export function refuseInvalidContent(fields: ContentLike, pointer: string): void {
  const errors = [
    ...blankName(fields.name, `${pointer}/name`, '目录名称不得为空白（仅含空白字符）', 'The entry name must not be blank (white space only)'),
    ...attributeErrors(fields, pointer),
  ];
  if (errors.length === 0) return;
  const n = errors.length;
  throw new PlatformProblem('VALIDATION_FAILED', { detail: `${n} ${n === 1 ? 'field is' : 'fields are'} refused: ${errors.map((e) => `${e.code} at ${e.pointer}`).join(', ')}`, errors });
}
