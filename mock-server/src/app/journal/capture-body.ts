import type { CapturedBody } from '../../sandbox/request-journal.js';

const utf8 = new TextEncoder();
// Not fatal: a body cut inside a character ends with U+FFFD rather than failing.
const lenientUtf8 = new TextDecoder('utf-8');

/** `application/json` or any `application/…+json` (problem+json, ld+json), parameters ignored. */
function isJsonType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * A body as the journal keeps it: a copy of its first `maxBytes` UTF-8 bytes, flagged when it was
 * longer. Bytes rather than the answer's string: a typed array's contents live outside the
 * JavaScript heap, so the kept bodies are never copied by the young-generation collector (holding
 * the answers' strings for the last 1,000 requests made every collection copy them: ~140 µs of
 * CPU per 18 KB search answer, bench/README.md), and a copy never keeps a larger answer alive.
 * One native encode into a reused buffer and one copy; the text is decoded only when read
 * (`capturedText`).
 *
 * @example
 * ```ts
 * capturedText(captureBody('{"a":1}', 'application/json', 16384)!); // '{"a":1}'
 * captureBody('x'.repeat(20), 'text/plain', 8)?.truncated;          // true (text 'xxxxxxxx')
 * ```
 */
export function captureBody(body: string | Uint8Array | undefined, contentType: string | undefined, maxBytes: number): CapturedBody | null {
  if (body === undefined || body.length === 0) return null;
  const json = isJsonType(contentType);
  if (typeof body !== 'string') return { bytes: copyOf(body.subarray(0, maxBytes)), truncated: body.byteLength > maxBytes, json };
  if (scratch.byteLength < maxBytes) scratch = new Uint8Array(maxBytes);
  // Native and allocation-free: encodes at most `maxBytes`, and says whether the whole string fitted.
  const { read, written } = utf8.encodeInto(body, scratch.subarray(0, maxBytes));
  return { bytes: copyOf(scratch.subarray(0, written)), truncated: read < body.length, json };
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
  return lenientUtf8.decode(body.bytes);
}

/** Reused to encode and cut bodies (the kept copy is sliced out of it), so a capture allocates only its result. */
let scratch = new Uint8Array(0);
