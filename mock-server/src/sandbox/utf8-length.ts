/** Strings up to this many code units are counted by encoding them into one kept scratch buffer. */
const SCRATCH_UNITS = 16_384;
const encoder = new TextEncoder();
/** Room for the longest string counted by encoding: at most 3 bytes per code unit. */
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
  // Runs for every write (the stored-bytes quota) and every body a limit measures, in browsers too
  // (no `Buffer`). Encoding into the kept scratch is native (0.8–1.0 µs for a 1 KB body against
  // 2.6–2.7 µs counted, Node 20); a longer string is counted, so the scratch stays 48 KiB whatever
  // the body limits are.
  return text.length <= SCRATCH_UNITS ? encoder.encodeInto(text, scratch).written : countedLength(text);
}

/** `utf8Length` counted code unit by code unit, for a string longer than the scratch holds. */
function countedLength(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a pair: 2 code units, 4 bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}
