import type { CapturedBody } from '../../sandbox/request-journal.js';
import { isJsonContentType } from '../media-type.js';

const utf8 = new TextEncoder();
// Not fatal: a body cut inside a character ends with U+FFFD rather than failing.
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * A body as the journal keeps it, at most `maxBytes` of UTF-8, flagged when it was longer. A
 * string that is within the bound whatever its characters (n UTF-16 units take at most 3n bytes)
 * is kept as it is: no work, and nothing to copy when the core renders it once for many answers
 * (a dataset's JSON). Anything longer is kept as a copy of its first `maxBytes` UTF-8 bytes: a
 * typed array's contents live outside the JavaScript heap, so the young-generation collector never
 * copies them (holding 18 KB search answers as strings for the last 1,000 requests cost ~140 µs of
 * CPU per request in collections, bench/HISTORY.md), and a copy never keeps a larger answer alive.
 * One native encode into a reused buffer and one copy, none when the string is the last one cut;
 * the text is decoded only when read (`capturedText`).
 *
 * @example
 * ```ts
 * capturedText(captureBody('{"a":1}', 'application/json', 16384)!); // '{"a":1}'
 * captureBody('x'.repeat(20), 'text/plain', 8)?.truncated;          // true (text 'xxxxxxxx')
 * ```
 */
export function captureBody(body: string | Uint8Array | undefined, contentType: string | undefined, maxBytes: number): CapturedBody | null {
  if (body === undefined || body.length === 0) return null;
  const json = isJsonContentType(contentType);
  if (typeof body !== 'string') return { kept: copyOf(body.subarray(0, maxBytes)), truncated: body.byteLength > maxBytes, json };
  if (body.length * 3 <= maxBytes) return { kept: body, truncated: false, json };
  // The same text as the last string cut (an answer rendered once and given again, such as a cached
  // search page; V8 compares the pointers first): its capture is shared, not made again, as nothing
  // ever changes a capture.
  if (lastCut !== undefined && lastCut.body === body && lastCut.maxBytes === maxBytes && lastCut.captured.json === json) return lastCut.captured;
  if (scratch.byteLength < maxBytes) scratch = new Uint8Array(maxBytes);
  // Native and allocation-free: encodes at most `maxBytes`, and says whether the whole string fitted.
  const { read, written } = utf8.encodeInto(body, scratch.subarray(0, maxBytes));
  const captured = { kept: copyOf(scratch.subarray(0, written)), truncated: read < body.length, json };
  lastCut = { body, maxBytes, captured };
  return captured;
}

/** A copy in a plain `Uint8Array` (a Node `Buffer`'s `slice` would be a view of the request's memory). */
function copyOf(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

/**
 * The text of a kept body (a cut inside a character ends with U+FFFD).
 *
 * @example
 * ```ts
 * capturedText(captureBody('数据', 'text/plain', 4)!); // '数'
 * ```
 */
export function capturedText(body: CapturedBody): string {
  return typeof body.kept === 'string' ? body.kept : lenientUtf8.decode(body.kept);
}

/**
 * What a kept body holds in memory, in bytes: its UTF-8 bytes, or a kept string at two bytes per
 * UTF-16 unit (V8's two-byte form; an upper bound).
 *
 * @example
 * ```ts
 * capturedBytes(captureBody('{"a":1}', 'application/json', 16384)!); // 14
 * ```
 */
export function capturedBytes(body: CapturedBody | null): number {
  if (body === null) return 0;
  return typeof body.kept === 'string' ? 2 * body.kept.length : body.kept.byteLength;
}

/** Reused to encode and cut bodies (the kept copy is sliced out of it), so a capture allocates only its result. */
let scratch = new Uint8Array(0);

/** The last string cut with its capture (holding it keeps one answer alive, no more). */
let lastCut: { body: string; maxBytes: number; captured: CapturedBody } | undefined;
