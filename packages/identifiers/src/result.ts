/** A message in both working languages, the shape problem+json uses for `message`. */
export interface LocalizedMessage {
  zh: string;
  en: string;
}

/**
 * The outcome of a validator: valid, or a stable `code` with a Chinese and English message
 * ready for a problem+json field error.
 */
export type ValidationResult<Code extends string> =
  | { valid: true }
  | { valid: false; code: Code; message: LocalizedMessage };

/** @internal */
export const VALID = Object.freeze({ valid: true as const });

/** @internal */
export function invalid<Code extends string>(code: Code, zh: string, en: string): ValidationResult<Code> {
  return { valid: false, code, message: { zh, en } };
}
