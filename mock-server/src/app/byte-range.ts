/**
 * What a `Range` header asks of a representation of `length` bytes: the `whole` of it (no header,
 * or one ignored), one `part` (`first`–`last`, inclusive, within the representation), or nothing
 * it has (`unsatisfiable`, RFC 9110 §14.1.1).
 */
export type ByteRange = { kind: 'whole' } | { kind: 'part'; first: number; last: number } | { kind: 'unsatisfiable' };

const WHOLE: ByteRange = { kind: 'whole' };
const UNSATISFIABLE: ByteRange = { kind: 'unsatisfiable' };

/** One `int-range` (`first-last`, `first-`) or `suffix-range` (`-length`), RFC 9110 §14.1.2. */
const RANGE_SPEC = /^(\d*)-(\d*)$/;

/**
 * Reads a `Range` header for a representation of `length` bytes. Only a single range of the
 * `bytes` unit (case-insensitive) is served: a header that is malformed (no range, `last` before
 * `first`), of another unit, or that asks several ranges is ignored and the whole representation
 * answers, as RFC 9110 §14.2 allows. A `last` past the end is cut to it; a suffix longer than the
 * representation is all of it; a range starting at or past the end, or a zero-length suffix, is
 * `unsatisfiable` (416).
 *
 * @example
 * ```ts
 * byteRangeOf('bytes=0-99', 1000); // { kind: 'part', first: 0, last: 99 }
 * byteRangeOf('bytes=-100', 1000); // { kind: 'part', first: 900, last: 999 }
 * byteRangeOf('bytes=1000-', 1000); // { kind: 'unsatisfiable' }
 * byteRangeOf('bytes=0-1,5-6', 1000); // { kind: 'whole' } (several ranges: ignored)
 * ```
 */
export function byteRangeOf(header: string | undefined, length: number): ByteRange {
  if (header === undefined) return WHOLE;
  const equals = header.indexOf('=');
  if (equals === -1 || header.slice(0, equals).trim().toLowerCase() !== 'bytes') return WHOLE;
  // A list: empty elements are allowed and skipped (RFC 9110 §5.6.1).
  const specs = header
    .slice(equals + 1)
    .split(',')
    .map((spec) => spec.trim())
    .filter((spec) => spec !== '');
  if (specs.length !== 1) return WHOLE;
  const match = RANGE_SPEC.exec(specs[0]!);
  if (!match) return WHOLE;
  const [, from = '', to = ''] = match;
  if (from === '') {
    if (to === '') return WHOLE;
    const suffix = Number(to);
    return suffix === 0 || length === 0 ? UNSATISFIABLE : { kind: 'part', first: Math.max(0, length - suffix), last: length - 1 };
  }
  const first = Number(from);
  const last = to === '' ? Infinity : Number(to);
  if (last < first) return WHOLE;
  return first >= length ? UNSATISFIABLE : { kind: 'part', first, last: Math.min(last, length - 1) };
}
