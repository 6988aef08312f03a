import type { FieldError } from '@gdx/protocol';

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
