/**
 * A message in English and Chinese.
 *
 * @example
 * ```ts
 * const text: Bilingual = { en: 'Request timed out', zh: '请求超时' };
 * ```
 */
export interface Bilingual {
  en: string;
  zh: string;
}

/**
 * Base class of every error thrown by the runtime. `code` is stable (safe to switch on);
 * `message` is `"[CODE] English text"` and `messageZh` the same in Chinese.
 *
 * @example
 * ```ts
 * try { await client.request(req); } catch (e) {
 *   if (e instanceof GdxError) console.error(e.code, e.messageZh);
 * }
 * ```
 */
export class GdxError extends Error {
  readonly code: string;
  readonly messageZh: string;
  /**
   * Whether the same call may succeed if sent again later: true for connection failures,
   * timeouts and HTTP 408/425/429/500/502/503/504 — what the client retries itself — so code that
   * retries a whole job (a queue, a scheduler) can ask every error the same question.
   */
  readonly retryable: boolean = false;

  constructor(code: string, text: Bilingual, options?: { cause?: unknown }) {
    super(`[${code}] ${text.en}`, options);
    this.name = new.target.name;
    this.code = code;
    this.messageZh = `[${code}] ${text.zh}`;
  }
}
