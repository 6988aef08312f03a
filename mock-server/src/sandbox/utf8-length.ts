/** A string is encoded this many code units at a time into one kept scratch buffer. */
const SCRATCH_UNITS = 16_384;
const encoder = new TextEncoder();
/** Room for the longest piece encoded at once: at most 3 bytes per code unit. */
const scratch = new Uint8Array(SCRATCH_UNITS * 3);

/**
 * The UTF-8 byte length of a string, as `TextEncoder` would encode it (a lone surrogate takes the
 * 3 bytes of U+FFFD).
 *
 * @example
 * ```ts
 * utf8Length('数据'); // 6
 * ```
 */
export function utf8Length(text: string): number {
  // Runs for every write (the stored-bytes quota), every body a limit measures and every export's
  // parts, in browsers too (no `Buffer`). Encoding into the kept scratch is native (0.8–1.0 µs for
  // a 1 KB body against 2.6–2.7 µs counted, Node 20); a longer string is encoded a piece at a time
  // (a 60 KB export: 107 µs counted), so the scratch stays 48 KiB whatever the body limits are.
  if (text.length <= SCRATCH_UNITS) return encoder.encodeInto(text, scratch).written;
  let bytes = 0;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + SCRATCH_UNITS, text.length);
    // A pair cut in two would be two lone surrogates (3 bytes each, not 4): its high half waits for the next piece.
    if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end -= 1;
    bytes += encoder.encodeInto(text.slice(start, end), scratch).written;
    start = end;
  }
  return bytes;
}
