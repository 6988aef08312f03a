/**
 * Stable codes of {@link OpenApiSpecError}.
 *
 * @example
 * ```ts
 * const code: OpenApiSpecErrorCode = 'SPEC_NOT_BUNDLED';
 * ```
 */
export type OpenApiSpecErrorCode = 'SPEC_NOT_BUNDLED' | 'UNKNOWN_SPEC';

const MESSAGES: Record<OpenApiSpecErrorCode, { zh: string; en: string }> = {
  SPEC_NOT_BUNDLED: {
    zh: '未找到打包后的 OpenAPI 文档，请先在 openapi/ 下运行 npm run generate',
    en: 'The bundled OpenAPI document is missing; run `npm run generate` in openapi/ first',
  },
  UNKNOWN_SPEC: { zh: '未知的 OpenAPI 文档名称', en: 'Unknown OpenAPI document name' },
};

/**
 * Error thrown by the loader, with a stable `code` and Chinese and English messages.
 *
 * @example
 * ```ts
 * try {
 *   loadBundledSpec('registration');
 * } catch (error) {
 *   if (error instanceof OpenApiSpecError && error.code === 'SPEC_NOT_BUNDLED') console.error(error.messages.zh);
 * }
 * ```
 */
export class OpenApiSpecError extends Error {
  readonly code: OpenApiSpecErrorCode;
  readonly messages: { zh: string; en: string };

  constructor(code: OpenApiSpecErrorCode, detail: string, options?: { cause?: unknown }) {
    super(`${MESSAGES[code].en}: ${detail}`, options);
    this.name = 'OpenApiSpecError';
    this.code = code;
    this.messages = MESSAGES[code];
  }
}
