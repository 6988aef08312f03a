import type { FieldError } from '@gdx/protocol';
import { PlatformProblem } from './platform-problem.js';

/** Whether `value` holds nothing but white space (U+3000 and tabs included). */
export function isBlankText(value: string): boolean {
  return !/\S/u.test(value);
}

/**
 * The field error of a written text that holds nothing but white space, at `pointer`.
 *
 * @example
 * ```ts
 * blankTextError('/summary'); // { pointer: '/summary', code: 'TEXT_BLANK', message: { zh: …, en: … } }
 * ```
 */
export function blankTextError(pointer: string): FieldError {
  return { pointer, code: 'TEXT_BLANK', message: { zh: '须填写文字说明，不能只有空白字符', en: 'Write the text out: white space alone says nothing' } };
}

/**
 * The pointers of the written texts in a simulation-API body that hold nothing but white space:
 * every member named `text` (a reason's, a supplement item's, an objection's), at any depth. The
 * contract's `minLength: 1` lets `"   "` through, yet the sources require written reasons (书面理由)
 * and a supplement notice that says what to supply (一次性告知): blank text is no reason at all.
 *
 * @example
 * ```ts
 * blankTexts({ action: 'reject', reasons: [{ text: '缺少材料' }, { text: ' 　' }] }); // ['/reasons/1/text']
 * ```
 */
export function blankTexts(body: unknown, pointer = ''): string[] {
  if (body === null || typeof body !== 'object') return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const at = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (key === 'text' && typeof value === 'string' && isBlankText(value)) found.push(at);
    else found.push(...blankTexts(value, at));
  }
  return found;
}

/** The concrete pointers a template names in `value`: `{i}` stands for every item of an array. */
function expand(value: unknown, steps: readonly string[], pointer: string): Array<{ pointer: string; value: unknown }> {
  if (steps.length === 0) return [{ pointer, value }];
  if (value === null || typeof value !== 'object') return [];
  const [step, ...rest] = steps as [string, ...string[]];
  if (step === '{i}') return Array.isArray(value) ? value.flatMap((item, i) => expand(item, rest, `${pointer}/${i}`)) : [];
  return expand((value as Record<string, unknown>)[step], rest, `${pointer}/${step}`);
}

/**
 * The pointers of the members `templates` name in `body` that are strings of white space only
 * (templates as `refuseBlankTexts` takes them; an absent member or one not a string is left out).
 *
 * @example
 * ```ts
 * blankMembers({ objection: { text: 'x', dataReference: { description: ' ' } } }, ['/objection/dataReference/description']); // ['/objection/dataReference/description']
 * ```
 */
export function blankMembers(body: unknown, templates: readonly string[]): string[] {
  return templates
    .flatMap((t) => expand(body, t.split('/').slice(1), ''))
    .filter((m) => typeof m.value === 'string' && isBlankText(m.value))
    .map((m) => m.pointer);
}

/**
 * Refuses a submission whose required written texts hold nothing but white space: 400
 * `VALIDATION_FAILED` with `TEXT_BLANK` at each such member, all reported together, nothing
 * stored. The contracts' `minLength: 1` lets `"   "` through, yet a scenario, purpose or
 * security measure of blanks states nothing a grant could be bound to (厦门 第二十三、二十六条),
 * and an objection or dispute of blanks gives the answering unit nothing to answer. `templates`
 * are JSON pointers, `{i}` standing for every item of an array (`/conditionEvidence/{i}/text`); a
 * member that is absent or not a string is left to the schema.
 *
 * @example
 * ```ts
 * refuseBlankTexts(body, ['/scenario/name', '/purpose']); // { purpose: ' ' } → 400 TEXT_BLANK at /purpose
 * ```
 */
export function refuseBlankTexts(body: unknown, templates: readonly string[]): void {
  const blank = blankMembers(body, templates).map(blankTextError);
  if (blank.length === 0) return;
  const n = blank.length;
  throw new PlatformProblem('VALIDATION_FAILED', { detail: `${n} ${n === 1 ? 'text is' : 'texts are'} white space only`, errors: blank });
}
