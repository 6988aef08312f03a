import { invalid, VALID, type ValidationResult } from './result.js';

const REGION = /^[1-9]\d{5}$/;

/** Codes of {@link validateRegionCode}. */
export type RegionCodeErrorCode = 'REGION_CODE_FORMAT';

/**
 * Checks the format of a 6-digit 行政区划代码 (GB/T 2260): six digits, the first not zero. It does
 * not check that the region exists (the list changes yearly and is not shipped).
 *
 * @example
 * ```ts
 * validateRegionCode('150100'); // { valid: true } (呼和浩特市)
 * validateRegionCode('15010');  // { valid: false, code: 'REGION_CODE_FORMAT', message: {…} }
 * ```
 */
export function validateRegionCode(code: string): ValidationResult<RegionCodeErrorCode> {
  if (typeof code === 'string' && REGION.test(code)) return VALID;
  return invalid('REGION_CODE_FORMAT', '行政区划代码应为 6 位数字，首位不为 0', 'A region code is 6 digits, the first not 0');
}
