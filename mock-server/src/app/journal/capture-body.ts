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
 * A body as the journal keeps it: its text up to `maxBytes` UTF-8 bytes, cut and flagged beyond.
 * A cut string is copied through bytes, so the journal never holds a slice that keeps a large
 * answer alive; an uncut string is kept as it is (shared with the answer, no copy).
 *
 * @example
 * ```ts
 * captureBody('{"a":1}', 'application/json', 16384); // { text: '{"a":1}', truncated: false, json: true }
 * captureBody('x'.repeat(20), 'text/plain', 8);      // { text: 'xxxxxxxx', truncated: true, json: false }
 * ```
 */
export function captureBody(body: string | Uint8Array | undefined, contentType: string | undefined, maxBytes: number): CapturedBody | null {
  if (body === undefined || body.length === 0) return null;
  const json = isJsonType(contentType);
  if (typeof body !== 'string') {
    const truncated = body.byteLength > maxBytes;
    return { text: lenientUtf8.decode(truncated ? body.subarray(0, maxBytes) : body), truncated, json };
  }
  // A string of n UTF-16 units takes n to 3n UTF-8 bytes: short bodies are kept without encoding.
  if (body.length * 3 <= maxBytes) return { text: body, truncated: false, json };
  if (scratch.byteLength < maxBytes) scratch = new Uint8Array(maxBytes);
  // Native and allocation-free: encodes at most `maxBytes`, and says whether the whole string fitted.
  const { read, written } = utf8.encodeInto(body, scratch.subarray(0, maxBytes));
  if (read === body.length) return { text: body, truncated: false, json };
  return { text: lenientUtf8.decode(scratch.subarray(0, written)), truncated: true, json };
}

/** Reused to measure and cut long bodies (decoding copies out of it), so a capture allocates only a cut's result. */
let scratch = new Uint8Array(0);
