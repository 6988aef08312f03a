import { bodyExcerpt } from './body-excerpt.js';
import { GdxError, type Bilingual } from './gdx-error.js';

/**
 * Why a body could not be the JSON expected of it: `empty`, `content-type` (not a JSON type),
 * `invalid` (does not parse), or, of an answer of any status, not even text: `charset` (a
 * charset label no `TextDecoder` knows) and `content-encoding` (a compressed body that does not
 * decompress), or not read at all: `too-large` (longer than `maxResponseBytes`).
 */
export type NotJsonReason = 'empty' | 'content-type' | 'invalid' | 'charset' | 'content-encoding' | 'too-large';

/**
 * A 2xx answer whose body is not the JSON its operation declares (empty, another content type, or
 * JSON that does not parse), or that claims JSON and does not parse: e.g. a captive portal's or
 * proxy's `200 text/html` login page, which must not pass for the resource. The message names the
 * content type and quotes the start of the body. Also an answer of any status whose body cannot be
 * read as text at all: a `charset` no `TextDecoder` knows, or a `Content-Encoding` (gzip, br…)
 * whose data is corrupt — the answer was received, so it is not a connection failure, and the
 * request may have run — or a body longer than `maxResponseBytes`, given up unread. Not retried.
 *
 * @example
 * ```ts
 * if (e instanceof ResponseNotJsonError) console.error(e.status, e.contentType, e.body.slice(0, 200));
 * ```
 */
export class ResponseNotJsonError extends GdxError {
  readonly operationId: string;
  readonly status: number;
  /** The `Content-Type` header as received; `null` when there was none. */
  readonly contentType: string | null;
  /** The body text as received. */
  readonly body: string;
  readonly reason: NotJsonReason;
  /** The charset label (`charset`) or content coding (`content-encoding`) that could not be decoded. */
  readonly encoding: string | undefined;
  /** The bound a `too-large` body passed (`maxResponseBytes`). */
  readonly limitBytes: number | undefined;

  constructor(
    init: { operationId: string; status: number; contentType: string | null; body: string; reason: NotJsonReason; encoding?: string; limitBytes?: number },
    options?: { cause?: unknown },
  ) {
    const { operationId, status, contentType, body, reason, encoding, limitBytes } = init;
    const excerpt = bodyExcerpt(body);
    const type = { en: contentType === null ? 'no content type' : `content type ${contentType}`, zh: contentType === null ? '无内容类型' : `内容类型 ${contentType}` };
    const why = whyNotJson(reason, encoding, limitBytes, options?.cause);
    super(
      'RESPONSE_NOT_JSON',
      {
        en: `Response of ${operationId} (HTTP ${status}, ${type.en}) ${why.en}${excerpt === '' ? '' : `: ${excerpt}`}`,
        zh: `${operationId} 的响应（HTTP ${status}，${type.zh}）${why.zh}${excerpt === '' ? '' : `：${excerpt}`}`,
      },
      options,
    );
    this.operationId = operationId;
    this.status = status;
    this.contentType = contentType;
    this.body = body;
    this.reason = reason;
    this.encoding = encoding;
    this.limitBytes = limitBytes;
  }
}

function whyNotJson(reason: NotJsonReason, encoding: string | undefined, limitBytes: number | undefined, cause: unknown): Bilingual {
  switch (reason) {
    case 'empty':
      return { en: 'is empty, not JSON', zh: '为空，不是 JSON' };
    case 'charset':
      return {
        en: `cannot be decoded: its charset "${encoding}" is not one this runtime knows (WHATWG Encoding labels: utf-8, gbk, gb18030, big5…)`,
        zh: `无法解码：不支持其字符集 "${encoding}"（可用 WHATWG Encoding 标签，如 utf-8、gbk、gb18030、big5）`,
      };
    case 'content-encoding': {
      const detail = cause instanceof Error && cause.message !== '' ? cause.message : undefined;
      return {
        en: `cannot be decoded: its body does not decompress as Content-Encoding ${encoding}${detail === undefined ? '' : ` (${detail})`}`,
        zh: `无法解码：响应体按 Content-Encoding ${encoding} 解压失败${detail === undefined ? '' : `（${detail}）`}`,
      };
    }
    case 'too-large':
      return {
        en: `is larger than maxResponseBytes (${limitBytes} bytes): not read further`,
        zh: `超过 maxResponseBytes（${limitBytes} 字节），未继续读取`,
      };
    default:
      return { en: 'is not JSON', zh: '不是 JSON' };
  }
}
