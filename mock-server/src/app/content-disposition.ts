const utf8 = new TextEncoder();

/** RFC 8187 `attr-char`: what `filename*` may hold unencoded. */
const ATTR_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;

/**
 * A `Content-Disposition` that has the file saved under `fileName` (RFC 6266): `attachment`, a
 * quoted ASCII `filename` for old clients (each character outside visible ASCII, a quote or a
 * backslash becomes `_`), and the exact name as `filename*`, UTF-8 percent-encoded (RFC 8187),
 * which clients that know it prefer.
 *
 * @example
 * ```ts
 * attachmentDisposition('350200-SJ-0001.csv'); // `attachment; filename="350200-SJ-0001.csv"; filename*=UTF-8''350200-SJ-0001.csv`
 * attachmentDisposition('企业名录.csv');        // `attachment; filename="____.csv"; filename*=UTF-8''%E4%BC%81%E4%B8%9A%E5%90%8D%E5%BD%95.csv`
 * ```
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/gu, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${extValue(fileName)}`;
}

/** The RFC 8187 `value-chars` of a text: its UTF-8 bytes, `attr-char`s as they are, others as `%XX`. */
function extValue(text: string): string {
  let encoded = '';
  for (const byte of utf8.encode(text)) {
    const char = String.fromCharCode(byte);
    encoded += byte < 0x80 && ATTR_CHAR.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}
