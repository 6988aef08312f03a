import { invalid, VALID, type ValidationResult } from './result.js';

/** The 31 characters of GB 32100-2015 (no I, O, S, V, Z); a character's value is its index. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const BODY = /^[0-9A-HJ-NPQRTUWXY]{17}$/;
const CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
/** 登记管理部门码 of GB 32100-2015 表1: 1–9 (机构编制…工商), A (军队), N (农业), Y (其他). */
const AUTHORITY = /^[1-9ANY]/;

/** Codes of {@link validateCreditCode}. */
export type CreditCodeErrorCode = 'CREDIT_CODE_FORMAT' | 'CREDIT_CODE_CHECKSUM';

/** Options of {@link validateCreditCode}. */
export interface CreditCodeOptions {
  /**
   * Also require a known registration-authority code (first character `1–9`, `A`, `N` or `Y`).
   * Off by default: the check character already catches typing errors, and test data often uses
   * other first characters.
   */
  checkAuthority?: boolean;
}

/**
 * The check character (18th) of a unified social credit code from its first 17 characters.
 * Throws a `TypeError` when `first17` is not 17 characters of the code alphabet.
 *
 * @example
 * ```ts
 * computeCreditCodeCheckChar('91350100M000100Y4'); // '3'
 * ```
 */
export function computeCreditCodeCheckChar(first17: string): string {
  if (!BODY.test(first17)) {
    throw new TypeError(`expected 17 characters of ${ALPHABET}, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] as number);
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Completes 17 characters into a valid code — handy for seed data and tests.
 *
 * @example
 * ```ts
 * makeCreditCode('91110000MA0000000'); // '91110000MA0000000' + its check character
 * ```
 */
export function makeCreditCode(first17: string): string {
  return first17 + computeCreditCodeCheckChar(first17);
}

/**
 * Validates a 统一社会信用代码 (GB 32100-2015): 18 upper-case characters of
 * `0-9A-HJ-NPQRTUWXY` whose last one is the mod-31 check character. Lower case is rejected (the
 * standard uses capitals; normalise input first if you want to accept it).
 *
 * @example
 * ```ts
 * validateCreditCode('91350100M000100Y43'); // { valid: true }
 * validateCreditCode('91350100M000100Y44'); // { valid: false, code: 'CREDIT_CODE_CHECKSUM', message: {…} }
 * ```
 */
export function validateCreditCode(code: string, options: CreditCodeOptions = {}): ValidationResult<CreditCodeErrorCode> {
  if (typeof code !== 'string' || !CODE.test(code)) {
    return invalid(
      'CREDIT_CODE_FORMAT',
      '统一社会信用代码应为 18 位，由数字和大写字母（不含 I、O、S、V、Z）组成',
      'A unified social credit code is 18 characters: digits and capital letters except I, O, S, V, Z',
    );
  }
  if (options.checkAuthority && !AUTHORITY.test(code)) {
    return invalid(
      'CREDIT_CODE_FORMAT',
      '统一社会信用代码的登记管理部门码（第 1 位）无效',
      'The registration authority code (1st character) of the unified social credit code is unknown',
    );
  }
  if (computeCreditCodeCheckChar(code.slice(0, 17)) !== code.charAt(17)) {
    return invalid('CREDIT_CODE_CHECKSUM', '统一社会信用代码校验位错误', 'Unified social credit code check character is wrong');
  }
  return VALID;
}

/**
 * Whether {@link validateCreditCode} accepts the code.
 *
 * @example
 * ```ts
 * isValidCreditCode('91350100M000100Y43'); // true
 * ```
 */
export function isValidCreditCode(code: string, options?: CreditCodeOptions): boolean {
  return validateCreditCode(code, options).valid;
}
