export {
  computeCreditCodeCheckChar,
  isValidCreditCode,
  makeCreditCode,
  validateCreditCode,
  type CreditCodeErrorCode,
  type CreditCodeOptions,
} from './credit-code.js';
export { validateRegionCode, type RegionCodeErrorCode } from './region-code.js';
export {
  computeResidentIdCheckChar,
  isValidResidentId,
  makeResidentId,
  validateResidentId,
  type ResidentIdErrorCode,
  type ResidentIdOptions,
} from './resident-id.js';
export type { LocalizedMessage, ValidationResult } from './result.js';
