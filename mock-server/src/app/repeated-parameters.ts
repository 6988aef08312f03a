import type { FieldError } from '@gdx/protocol';
import { pointerToken } from './field-errors.js';

/** Field codes of a value refused for its type or for not being an allowed one. */
const WRONG_VALUE: ReadonlySet<string> = new Set(['TYPE', 'ENUM']);

const repeatedError = (pointer: string, name: string, count: number): FieldError => ({
  pointer,
  code: 'REPEATED_PARAMETER',
  message: { en: `The query parameter ${name} was sent ${count} times; send it once`, zh: `查询参数 ${name} 出现了 ${count} 次，只能发送一次` },
});

/**
 * The query errors with those that refuse a parameter sent more than once for having the wrong
 * type or value made one `REPEATED_PARAMETER` error at its pointer. A repeated name parses to an
 * array, which a parameter of one value refuses as "must be integer" (`limit=5&limit=10`), "must
 * be string" (`q=a&q=b`) or "not one of the allowed values" (`state=a&state=b`): true of the
 * array, but it sends the client looking at values that may each be right. A parameter whose
 * schema takes an array has no such error at its own pointer, so it is not touched, nor is any
 * other error. Called on refusals only, so a request that passes pays nothing.
 *
 * @example
 * ```ts
 * repeatedParameterErrors([{ pointer: '/query/limit', code: 'TYPE', message }], { limit: ['5', '10'] });
 * // → [{ pointer: '/query/limit', code: 'REPEATED_PARAMETER', message: { en: 'The query parameter limit was sent 2 times; send it once', … } }]
 * ```
 */
export function repeatedParameterErrors(errors: readonly FieldError[], query: Readonly<Record<string, unknown>>): FieldError[] {
  const counts = new Map<string, { name: string; count: number }>();
  for (const [name, value] of Object.entries(query)) if (Array.isArray(value)) counts.set(`/query${pointerToken(name)}`, { name, count: value.length });
  if (counts.size === 0) return [...errors];
  const out: FieldError[] = [];
  for (const error of errors) {
    const repeated = WRONG_VALUE.has(error.code) ? counts.get(error.pointer) : undefined;
    if (repeated === undefined) out.push(error);
    else if (!out.some((e) => e.pointer === error.pointer && e.code === 'REPEATED_PARAMETER')) out.push(repeatedError(error.pointer, repeated.name, repeated.count));
  }
  return out;
}
