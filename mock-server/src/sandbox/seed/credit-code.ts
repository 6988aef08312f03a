import { makeCreditCode } from '@gdx/identifiers';

/**
 * Builds valid unified social credit codes (统一社会信用代码, GB 32100-2015) for seed organisations.
 *
 * Layout: registration-authority code (1) + organisation-type code (1) + region code (6) +
 * organisation code (9, GB 11714, with its own check character) + check character (1).
 * The 18th character is computed by `@gdx/identifiers` (GB 32100 weights mod 31); this file adds
 * the layout and the GB 11714 organisation-code check the seed needs.
 */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Registration authority + organisation type pairs used by the seed. */
export const CREDIT_CODE_PREFIX = {
  /** 机构编制 / 机关 */
  agency: '11',
  /** 机构编制 / 事业单位 */
  publicService: '12',
  /** 工商 / 企业 */
  company: '91',
} as const;

/** GB 11714 check character of an 8-digit organisation code body. */
function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(body8[i]) * (ORG_CODE_WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Assembles a valid 18-character credit code.
 *
 * @example
 * ```ts
 * const code = buildCreditCode(CREDIT_CODE_PREFIX.agency, '350200', '00312345');
 * code.length; // 18, and the last character is the GB 32100 check character
 * ```
 */
export function buildCreditCode(prefix: string, regionCode: string, orgBody8: string): string {
  if (!/^[0-9]{8}$/.test(orgBody8)) throw new RangeError(`organisation code body must be 8 digits: ${orgBody8}`);
  const first17 = `${prefix}${regionCode}${orgBody8}${orgCodeCheckChar(orgBody8)}`;
  if (first17.length !== 17) throw new RangeError(`credit code body must be 17 characters: ${first17}`);
  return makeCreditCode(first17);
}
