/**
 * The UTF-8 byte length of a string, as `TextEncoder` would encode it (a lone surrogate takes the
 * 3 bytes of U+FFFD), counted without encoding: the core also runs in browsers (no `Buffer`), and
 * this runs for every write (the stored-bytes quota) and every body a limit measures.
 *
 * @example
 * ```ts
 * utf8Length('数据'); // 6
 * ```
 */
export function utf8Length(text: string): number {
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
