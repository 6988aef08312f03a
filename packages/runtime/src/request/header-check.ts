import { isHttpToken } from '@gdx/protocol';
import { GdxError } from '../errors/gdx-error.js';

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const isHttpWhitespace = (code: number): boolean => code === SPACE || code === TAB || code === LF || code === CR;

/**
 * Throws `INVALID_HEADER` for a header `fetch` would refuse to build, naming the header and the
 * option it came from (`source`): a name that is not an RFC 9110 token; a value with a character
 * above U+00FF (a header value is bytes: `中文` has to be encoded first, e.g. with
 * `encodeURIComponent`); a value with NUL, CR or LF inside it. Leading and trailing whitespace is
 * allowed, as `fetch` trims it (a token read from a file with its final newline).
 *
 * Without the check `fetch` threw a `TypeError` while building the request, which reads exactly
 * like a network error: the SDK retried it and reported that the platform could not be reached.
 *
 * @example
 * ```ts
 * checkHeader('x-trace', '中文', 'ClientOptions.headers');
 * // throws GdxError INVALID_HEADER: Header "x-trace" (from `ClientOptions.headers`) cannot be sent: …
 * ```
 */
export function checkHeader(name: string, value: string, source: string): void {
  if (!isHttpToken(name)) {
    throw invalidHeader(name, source, {
      en: 'its name is not an HTTP token (letters, digits and !#$%&\'*+-.^_`|~ only)',
      zh: '其名称不是 HTTP token（只能含字母、数字和 !#$%&\'*+-.^_`|~）',
    });
  }
  const problem = valueProblem(String(value));
  if (problem !== undefined) throw invalidHeader(name, source, problem);
}

/**
 * {@link checkHeader} for each header of a record (those set to `undefined` are not sent).
 *
 * @example
 * ```ts
 * checkHeaders({ 'x-trace': 'a', 'x-org': undefined }, 'RequestOptions.headers'); // passes
 * ```
 */
export function checkHeaders(headers: Readonly<Record<string, string | undefined>>, source: string): void {
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value !== undefined) checkHeader(name, value, source);
  }
}

/**
 * Like {@link checkHeader} for a header whose value is also signed (the app key): the server
 * reads the value `fetch` sent, trimmed, while the signature covers it as given, so any
 * whitespace at its ends would fail every signature check (401 `SIGNATURE_INVALID`).
 *
 * @example
 * ```ts
 * checkSignedHeader('x-gdx-app-key', 'sbx.ak_1\n', 'ClientOptions.credentials.appKey'); // throws INVALID_HEADER
 * ```
 */
export function checkSignedHeader(name: string, value: string, source: string): void {
  checkHeader(name, value, source);
  const text = String(value);
  if (text.length > 0 && (isHttpWhitespace(text.charCodeAt(0)) || isHttpWhitespace(text.charCodeAt(text.length - 1)))) {
    throw invalidHeader(name, source, {
      en: 'it starts or ends with whitespace or a line break, which fetch would trim from what it sends but not from what is signed (read from a file? trim it)',
      zh: '其首尾含空白或换行：fetch 发送时会去掉，但签名时仍包含（若从文件读取，请先去除首尾空白）',
    });
  }
}

/** Why `value` cannot be a header value, or `undefined` when it can. */
function valueProblem(value: string): { en: string; zh: string } | undefined {
  let start = 0;
  let end = value.length;
  while (start < end && isHttpWhitespace(value.charCodeAt(start))) start++;
  while (end > start && isHttpWhitespace(value.charCodeAt(end - 1))) end--;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0xff) {
      const char = String.fromCodePoint(value.codePointAt(i) ?? code);
      return {
        en: `its value has "${char}" at index ${i}, a character above U+00FF: header values are bytes, so encode it first (e.g. encodeURIComponent)`,
        zh: `其值在第 ${i} 位含有“${char}”，超出 U+00FF：请求头的值只能是字节，请先编码（如 encodeURIComponent）`,
      };
    }
    if (i >= start && i < end && (code === 0 || code === LF || code === CR)) {
      const what = code === 0 ? 'NUL' : code === LF ? 'LF' : 'CR';
      return {
        en: `its value has a ${what} at index ${i}: a header value is one line`,
        zh: `其值在第 ${i} 位含有 ${what}：请求头的值只能有一行`,
      };
    }
  }
  return undefined;
}

function invalidHeader(name: string, source: string, reason: { en: string; zh: string }): GdxError {
  return new GdxError('INVALID_HEADER', {
    en: `Header ${JSON.stringify(name)} (from \`${source}\`) cannot be sent: ${reason.en}`,
    zh: `请求头 ${JSON.stringify(name)}（来自 \`${source}\`）无法发送：${reason.zh}`,
  });
}
