import { ResponseNotJsonError } from '../errors/response-not-json-error.js';
import type { HeaderReader } from './types.js';

/** The `charset` parameter of a media type (token or quoted string). */
const CHARSET_PARAM = /;\s*charset\s*=\s*"?([^";\s]*)/i;

/**
 * Codes of a corrupt compressed body in the `cause` chain of a failed body read: zlib's
 * (`Z_DATA_ERROR`, `Z_BUF_ERROR`…, gzip and deflate) and Node's brotli decoder's
 * (`ERR__ERROR_FORMAT_…`).
 */
const DECOMPRESSION_CODE = /^(?:Z_|ERR__ERROR_)/;

/** The answer whose body is being read, as its decoding errors name it. */
export interface AnswerHead {
  readonly operationId: string;
  readonly status: number;
  readonly headers: HeaderReader;
}

/**
 * The charset a `Content-Type` declares, lower-cased, when it is not UTF-8; `undefined` for
 * UTF-8 or none, which `text()` decodes on its own (the fast path every platform answer takes).
 * `fetch`'s `text()` and undici's decode as UTF-8 whatever the header says, so a
 * `charset=GBK` answer of an older government system came out as mojibake.
 *
 * @example
 * ```ts
 * declaredCharset('application/json; charset=GBK'); // 'gbk'
 * declaredCharset('application/json; charset=utf-8'); // undefined
 * ```
 */
export function declaredCharset(contentType: string | null): string | undefined {
  if (contentType === null) return undefined;
  const label = CHARSET_PARAM.exec(contentType)?.[1]?.toLowerCase();
  return label === undefined || label === '' || label === 'utf-8' || label === 'utf8' ? undefined : label;
}

/** Decodes as `text()` does: UTF-8, a leading BOM dropped, bad sequences replaced. */
const UTF8 = new TextDecoder();

/**
 * The body text of `bytes`: UTF-8 for no charset (`undefined`, see {@link declaredCharset}), else
 * {@link decodeCharset}.
 */
export function decodeText(bytes: Uint8Array, charset: string | undefined, answer: AnswerHead): string {
  return charset === undefined ? UTF8.decode(bytes) : decodeCharset(bytes, charset, answer);
}

/**
 * `bytes` decoded as `charset` (any WHATWG Encoding label: gbk, gb18030, gb2312, big5,
 * iso-8859-1…); a label `TextDecoder` does not know is a {@link ResponseNotJsonError} of reason
 * `charset` naming it, not UTF-8 mojibake. A byte order mark wins over the label, as the WHATWG
 * Encoding standard's "decode" says: a UTF-8 body behind a stale `charset=gbk` reads right.
 */
function decodeCharset(bytes: Uint8Array, charset: string, answer: AnswerHead): string {
  const bomEncoding = byteOrderMark(bytes);
  if (bomEncoding !== undefined) return new TextDecoder(bomEncoding).decode(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch (cause) {
    throw undecodable(answer, 'charset', charset, cause);
  }
  return decoder.decode(bytes);
}

/** The encoding a leading byte order mark names (its decoder drops the mark), or `undefined`. */
function byteOrderMark(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  const [first, second, third] = bytes;
  if (first === 0xef && second === 0xbb && third === 0xbf) return 'utf-8';
  if (first === 0xff && second === 0xfe) return 'utf-16le';
  if (first === 0xfe && second === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * What a failed read of a received answer's body is: a compressed body that does not decompress
 * is a {@link ResponseNotJsonError} of reason `content-encoding` — the answer arrived, so
 * calling it a connection failure (as fetch's `TypeError('terminated')` read) told the caller
 * the request might not have reached the platform, and could have it retried. Anything else
 * (a connection reset mid-body) is answered unchanged.
 */
export function bodyReadFailure(error: unknown, answer: AnswerHead): unknown {
  const encoding = answer.headers.get('content-encoding');
  const corrupt = encoding === null ? undefined : decompressionError(error);
  if (encoding === null || corrupt === undefined) return error;
  return undecodable(answer, 'content-encoding', encoding.trim().toLowerCase(), corrupt);
}

/** The decompressor's own error in the `cause` chain (fetch wraps it in `TypeError('terminated')`). */
function decompressionError(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && DECOMPRESSION_CODE.test(code)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function undecodable(answer: AnswerHead, reason: 'charset' | 'content-encoding', encoding: string, cause: unknown): ResponseNotJsonError {
  const { operationId, status, headers } = answer;
  return new ResponseNotJsonError({ operationId, status, contentType: headers.get('content-type'), body: '', reason, encoding }, { cause });
}
