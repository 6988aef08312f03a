/** Printable ASCII only: what nearly every header value is, shown as it is. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** One character per byte: how Node and the WHATWG `Headers` hand over a header's bytes. */
const BYTE_STRING = /^[\x00-\xff]*$/;
/** Control characters (C0, DEL, C1) and lone surrogates: never shown raw. */
const UNPRINTABLE = /[\x00-\x1f\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const utf8 = new TextDecoder('utf-8', { fatal: true });

const escapeChar = (c: string): string => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * A request header's value as text fit to quote in a message. HTTP carries header values as bytes,
 * and Node and `fetch` hand them over as one character per byte (latin1), so a value a client
 * wrote in UTF-8 arrives as mojibake (`沙箱` as `æ²ç®±`): bytes that are valid UTF-8 are shown
 * decoded, other bytes above ASCII and control characters are escaped (`\xNN`), and a value longer
 * than `maxLength` code points is cut with `…`. Printable ASCII comes back unchanged.
 *
 * @example
 * ```ts
 * readableHeaderValue('æ²ç®±.ak_1'); // the UTF-8 bytes of '沙箱.ak_1' as Node gives them → '沙箱.ak_1'
 * readableHeaderValue('\xff\x01');    // not UTF-8 → '\\xff\\x01'
 * ```
 */
export function readableHeaderValue(value: string, maxLength = 200): string {
  let text = value;
  if (!PRINTABLE_ASCII.test(value)) {
    if (BYTE_STRING.test(value)) {
      try {
        text = utf8.decode(Uint8Array.from(value, (c) => c.charCodeAt(0)));
      } catch {
        text = value.replace(/[\x80-\xff]/g, escapeChar);
      }
    }
    text = text.replace(UNPRINTABLE, escapeChar);
  }
  if (text.length <= maxLength) return text;
  const points = [...text];
  return points.length <= maxLength ? text : `${points.slice(0, maxLength).join('')}…`;
}
