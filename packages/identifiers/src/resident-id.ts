import { validateRegionCode } from './region-code.js';
import { invalid, VALID, type ValidationResult } from './result.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const ID = /^\d{17}[\dX]$/;
const BODY = /^\d{17}$/;
/** Earliest birth year accepted; the 18-digit number was introduced in 1999. */
const MIN_BIRTH_YEAR = 1850;

/** Codes of {@link validateResidentId}. */
export type ResidentIdErrorCode = 'RESIDENT_ID_FORMAT' | 'RESIDENT_ID_CHECKSUM' | 'RESIDENT_ID_BIRTHDATE';

/** Options of {@link validateResidentId}. */
export interface ResidentIdOptions {
  /** Reject birth dates after this `YYYY-MM-DD` day (e.g. today in Asia/Shanghai); no check when absent. */
  notBornAfter?: string;
}

/**
 * The check character (ISO 7064 MOD 11-2) of a resident ID from its first 17 digits. Throws a
 * `TypeError` when `first17` is not 17 digits.
 *
 * @example
 * ```ts
 * computeResidentIdCheckChar('11010519491231002'); // 'X'
 * ```
 */
export function computeResidentIdCheckChar(first17: string): string {
  if (!BODY.test(first17)) throw new TypeError(`expected 17 digits, got ${JSON.stringify(first17)}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] as number);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Completes 17 digits into a valid resident ID — handy for seed data and tests.
 *
 * @example
 * ```ts
 * makeResidentId('11010519491231002'); // '11010519491231002X'
 * ```
 */
export function makeResidentId(first17: string): string {
  return first17 + computeResidentIdCheckChar(first17);
}

function birthDateIsValid(id: string, notBornAfter: string | undefined): boolean {
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  // Date.UTC only to count the days of the month: no local time zone involved.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < MIN_BIRTH_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth) return false;
  return notBornAfter === undefined || `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` <= notBornAfter;
}

/**
 * Validates an 18-digit 居民身份证号码 (GB 11643-1999): a 6-digit region code, an existing birth
 * date `YYYYMMDD` (from 1850; optionally not after `notBornAfter`), a 3-digit sequence number, and
 * the MOD 11-2 check character `0–9` or upper-case `X`. Lower-case `x` is rejected as a format
 * error (upper-case it first if you accept it). 15-digit first-generation numbers are not accepted.
 *
 * @example
 * ```ts
 * validateResidentId('11010519491231002X'); // { valid: true }
 * validateResidentId('110105194912310021'); // { valid: false, code: 'RESIDENT_ID_CHECKSUM', message: {…} }
 * validateResidentId('110105194902300028'); // { valid: false, code: 'RESIDENT_ID_BIRTHDATE', … } (30 February)
 * ```
 */
export function validateResidentId(id: string, options: ResidentIdOptions = {}): ValidationResult<ResidentIdErrorCode> {
  if (typeof id !== 'string' || !ID.test(id) || !validateRegionCode(id.slice(0, 6)).valid) {
    return invalid(
      'RESIDENT_ID_FORMAT',
      '居民身份证号码应为 18 位：17 位数字加 1 位校验码（数字或大写 X）',
      'A resident ID number is 18 characters: 17 digits and a check character (a digit or capital X)',
    );
  }
  if (!birthDateIsValid(id, options.notBornAfter)) {
    return invalid('RESIDENT_ID_BIRTHDATE', '居民身份证号码中的出生日期无效', 'The birth date in the resident ID number is not valid');
  }
  if (computeResidentIdCheckChar(id.slice(0, 17)) !== id.charAt(17)) {
    return invalid('RESIDENT_ID_CHECKSUM', '居民身份证号码校验码错误', 'The check character of the resident ID number is wrong');
  }
  return VALID;
}

/**
 * Whether {@link validateResidentId} accepts the number.
 *
 * @example
 * ```ts
 * isValidResidentId('11010519491231002X'); // true
 * ```
 */
export function isValidResidentId(id: string, options?: ResidentIdOptions): boolean {
  return validateResidentId(id, options).valid;
}
