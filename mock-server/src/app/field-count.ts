import type { FieldError } from '@gdx/protocol';

/**
 * The `detail` of a `VALIDATION_FAILED` problem: how many fields its errors are about, counted by
 * pointer. One field can fail two checks (`?status=-1` is both too short and off the pattern, a
 * LENGTH and a PATTERN at `/query/status`): that is one invalid field, not two.
 *
 * @example
 * ```ts
 * fieldCountDetail([{ pointer: '/query/status', code: 'LENGTH', … }, { pointer: '/query/status', code: 'PATTERN', … }]); // '1 field is invalid'
 * fieldCountDetail(errors, 'refused'); // '2 fields are refused'
 * ```
 */
export function fieldCountDetail(errors: readonly FieldError[], verdict: 'invalid' | 'refused' = 'invalid'): string {
  const n = new Set(errors.map((e) => e.pointer)).size;
  return `${n} ${n === 1 ? 'field is' : 'fields are'} ${verdict}`;
}
