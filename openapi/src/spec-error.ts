/**
 * Stable codes of {@link OpenApiSpecError}.
 *
 * @example
 * ```ts
 * const code: OpenApiSpecErrorCode = 'UNKNOWN_SPEC';
 * ```
 */
export type OpenApiSpecErrorCode = 'UNKNOWN_SPEC';

const MESSAGES: Record<OpenApiSpecErrorCode, { zh: string; en: string }> = {
  UNKNOWN_SPEC: { zh: '未知的 OpenAPI 文档名称', en: 'Unknown OpenAPI document name' },
};

/**
 * Error thrown for a document name outside `SPEC_NAMES`, with a stable `code` and Chinese and
 * English messages.
 *
 * @example
 * ```ts
 * try {
 *   loadBundledSpec(nameFromUser as SpecName);
 * } catch (error) {
 *   if (error instanceof OpenApiSpecError && error.code === 'UNKNOWN_SPEC') console.error(error.messages.zh);
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
