import { bodyExcerpt } from './body-excerpt.js';
import { GdxError } from './gdx-error.js';

/** Why a 2xx body could not be the JSON expected of it. */
export type NotJsonReason = 'empty' | 'content-type' | 'invalid';

/**
 * A 2xx answer whose body is not the JSON its operation declares (empty, another content type, or
 * JSON that does not parse), or that claims JSON and does not parse: e.g. a captive portal's or
 * proxy's `200 text/html` login page, which must not pass for the resource. The message names the
 * content type and quotes the start of the body. Not retried.
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

  constructor(init: { operationId: string; status: number; contentType: string | null; body: string; reason: NotJsonReason }, options?: { cause?: unknown }) {
    const { operationId, status, contentType, body, reason } = init;
    const excerpt = bodyExcerpt(body);
    const type = { en: contentType === null ? 'no content type' : `content type ${contentType}`, zh: contentType === null ? '无内容类型' : `内容类型 ${contentType}` };
    const why = reason === 'empty' ? { en: 'is empty, not JSON', zh: '为空，不是 JSON' } : { en: 'is not JSON', zh: '不是 JSON' };
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
  }
}
