import { HEADERS } from './headers.js';
import { readableHeaderValue } from './header-text.js';
import type { FieldError } from './problems/problem.js';

/**
 * Why a signature was refused: the problem code to answer with (all 401).
 *
 * @example
 * ```ts
 * const code: SignatureFailureCode = 'NONCE_REPLAYED';
 * ```
 */
export type SignatureFailureCode =
  | 'SIGNATURE_MISSING'
  | 'APP_KEY_UNKNOWN'
  | 'SIGNATURE_INVALID'
  | 'TIMESTAMP_OUT_OF_WINDOW'
  | 'NONCE_REPLAYED';

/** One refusal of the verifier: its code, an English `detail`, and the header to fix. */
export interface SignatureFailure {
  code: SignatureFailureCode;
  detail: string;
  error: FieldError;
}

const at = (header: string, code: string, en: string, zh: string): FieldError => ({ pointer: `/header/${header}`, code, message: { zh, en } });

/** A span of time in words: seconds, minutes or days, whichever reads best. */
function span(ms: number): { en: string; zh: string } {
  const seconds = Math.round(Math.abs(ms) / 1_000);
  if (seconds < 120) return { en: `${seconds} s`, zh: `${seconds} 秒` };
  const minutes = Math.round(seconds / 60);
  if (minutes < 48 * 60) return { en: `${minutes} min`, zh: `${minutes} 分钟` };
  const days = Math.round(minutes / 1_440);
  return { en: `${days} days`, zh: `${days} 天` };
}

/**
 * Epoch seconds sent where milliseconds belong: below 10^11 ms (March 1973) no real request was
 * signed, while seconds stay below it until the year 5138.
 */
const looksLikeSeconds = (timestamp: number): boolean => timestamp > 0 && timestamp < 1e11;

/** The refusals of {@link verifySignature}, each with the header it is about (`/header/<name>`). */
export const signatureFailures = {
  missing(name: string, empty: boolean): SignatureFailure {
    return {
      code: 'SIGNATURE_MISSING',
      detail: `${empty ? 'empty' : 'missing'} header ${name}`,
      error: at(name, 'REQUIRED', empty ? `The header ${name} is empty` : `The header ${name} is missing`, empty ? `请求头 ${name} 为空` : `缺少请求头 ${name}`),
    };
  },

  unknownAppKey(appKey: string): SignatureFailure {
    const shown = readableHeaderValue(appKey);
    return {
      code: 'APP_KEY_UNKNOWN',
      detail: `unknown app key ${shown}`,
      error: at(HEADERS.appKey, 'APP_KEY_UNKNOWN', `The app key ${shown} is not known here`, `应用标识（AppKey）${shown} 不存在`),
    };
  },

  unsupportedMethod(method: string, supported: readonly string[]): SignatureFailure {
    const shown = readableHeaderValue(method);
    const capitals = supported.includes(method.toUpperCase());
    const list = supported.join(' or ');
    return {
      code: 'SIGNATURE_INVALID',
      detail: `unsupported signature method ${shown}${capitals ? ` (write it in capitals: ${method.toUpperCase()})` : ''}`,
      error: at(
        HEADERS.signatureMethod,
        'ENUM',
        capitals ? `The signature method is case-sensitive: send ${method.toUpperCase()}, not ${shown}` : `The signature method must be ${list}, not ${shown}`,
        capitals ? `签名方法区分大小写：请发送 ${method.toUpperCase()}，而非 ${shown}` : `签名方法须为 ${supported.join(' 或 ')}，收到 ${shown}`,
      ),
    };
  },

  malformedNonce(): SignatureFailure {
    return {
      code: 'SIGNATURE_INVALID',
      detail: 'nonce must be 16-64 characters of [A-Za-z0-9_-]',
      error: at(HEADERS.nonce, 'PATTERN', 'The nonce must be 16–64 characters of A–Z, a–z, 0–9, _ and -', '随机数（Nonce）须为 16–64 个字符，仅含 A–Z、a–z、0–9、_ 和 -'),
    };
  },

  malformedTimestamp(text: string): SignatureFailure {
    const shown = readableHeaderValue(text);
    // `1758852000.123`: seconds with a fraction, as some languages' clocks give them.
    const fraction = /^\d{1,11}\.\d+$/.test(text);
    return {
      code: 'SIGNATURE_INVALID',
      detail: `timestamp must be decimal epoch milliseconds${fraction ? ' (this looks like seconds with a fraction)' : ''}`,
      error: at(
        HEADERS.timestamp,
        'PATTERN',
        fraction
          ? `The timestamp ${shown} looks like seconds with a fraction: send whole epoch milliseconds, e.g. 1758852000000`
          : `The timestamp must be epoch milliseconds in decimal digits, e.g. 1758852000000; got ${shown}`,
        fraction ? `时间戳 ${shown} 看起来是带小数的秒数：请发送整数毫秒（Unix 纪元起），例如 1758852000000` : `时间戳须为十进制数字表示的毫秒数（Unix 纪元起），例如 1758852000000；收到 ${shown}`,
      ),
    };
  },

  outOfWindow(text: string, timestamp: number, now: number, windowMs: number): SignatureFailure {
    const window = span(windowMs);
    const skew = span(now - timestamp);
    const seconds = looksLikeSeconds(timestamp);
    const side = timestamp < now ? { en: 'behind', zh: '慢' } : { en: 'ahead of', zh: '快' };
    return {
      code: 'TIMESTAMP_OUT_OF_WINDOW',
      detail: `timestamp ${text} is more than ${windowMs} ms away from ${now}${seconds ? `; it looks like epoch seconds: send milliseconds (${text}000)` : ''}`,
      error: at(
        HEADERS.timestamp,
        'TIMESTAMP_OUT_OF_WINDOW',
        seconds
          ? `The timestamp ${text} looks like epoch seconds: send epoch milliseconds (${text}000)`
          : `The timestamp is ${skew.en} ${side.en} the server clock; it must be within ±${window.en} of it (sign each attempt with the current time)`,
        seconds
          ? `时间戳 ${text} 看起来是以秒为单位：请发送毫秒数（${text}000）`
          : `时间戳比服务端时钟${side.zh} ${skew.zh}，须在 ±${window.zh} 以内（每次发送都应以当前时间签名）`,
      ),
    };
  },

  digestMismatch(detail: string): SignatureFailure {
    return {
      code: 'SIGNATURE_INVALID',
      detail,
      error: at(HEADERS.contentDigest, 'CONTENT_DIGEST_MISMATCH', 'The content digest does not match the body received: hash the raw bytes as sent', '内容摘要与收到的请求体不符：请对实际发送的原始字节计算摘要'),
    };
  },

  /**
   * A content digest that is the body's hash written in upper-case hex (Java's `printHexBinary`,
   * .NET's `Convert.ToHexString`): refused, since the canonical string holds lower-case hex, but
   * told so, not to hash the bytes again, which the sender did.
   */
  upperCaseDigest(): SignatureFailure {
    return {
      code: 'SIGNATURE_INVALID',
      detail: 'content digest does not match the body: it is the right hash written in upper case; send it (and sign it) as lower-case hex',
      error: at(
        HEADERS.contentDigest,
        'CONTENT_DIGEST_MISMATCH',
        'The content digest is the right hash written in upper case: send it as lower-case hex, and sign the canonical string with it in lower case',
        '内容摘要的值正确，但写成了大写：请以小写十六进制发送（规范字符串中亦用小写）后重新签名',
      ),
    };
  },

  signatureMismatch(detail: string): SignatureFailure {
    return {
      code: 'SIGNATURE_INVALID',
      detail,
      error: at(HEADERS.signature, 'SIGNATURE_MISMATCH', 'The signature does not match the canonical request', '签名与规范请求不符'),
    };
  },

  /** A signing header sent `times` times: Node and `fetch` hand its values over joined by `, `. */
  repeated(name: string, times: number): SignatureFailure {
    return {
      code: 'SIGNATURE_INVALID',
      detail: `header ${name} was sent ${times} times: send each signing header once`,
      error: at(
        name,
        'REPEATED_HEADER',
        `The header ${name} was sent ${times} times: send each signing header once (to sign a retry, set the headers anew rather than add them)`,
        `请求头 ${name} 出现了 ${times} 次：每个签名请求头只能发送一次（重试时请重新设置签名请求头，而不是追加）`,
      ),
    };
  },

  nonceReplayed(nonce: string): SignatureFailure {
    return {
      code: 'NONCE_REPLAYED',
      detail: `nonce ${nonce} was already used`,
      error: at(HEADERS.nonce, 'NONCE_REPLAYED', 'This nonce was already used: sign every request, retries included, with a fresh random nonce', '该随机数（Nonce）已被使用：每次请求（包括重试）都须以新的随机数签名'),
    };
  },
};
