/** Stable codes of refused pricing inputs (the contract's 422 codes). */
export type PricingErrorCode = 'INVALID_AMOUNT' | 'RATE_ABOVE_CAP' | 'CARRY_OVER_EXCEEDS_MAR' | 'MAR_ZERO' | 'INVALID_PERIOD';

/**
 * Pricing input a rule of 发改价格〔2025〕65号 refuses, with a stable `code`, the message in Chinese
 * (`messageZh`) and English (`messageEn`), and the field it concerns.
 *
 * @example
 * try { maximumAllowedRevenue(input, rules); } catch (e) { if (e instanceof PricingError) console.log(e.code, e.field); }
 */
export class PricingError extends Error {
  readonly code: PricingErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly field: string;

  constructor(code: PricingErrorCode, field: string, zh: string, en: string) {
    super(`[${code}] ${field}: ${en}`);
    this.name = 'PricingError';
    this.code = code;
    this.messageZh = zh;
    this.messageEn = en;
    this.field = field;
  }
}
