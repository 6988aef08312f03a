import { addDays, addMonthsClamped, isIsoDate } from '@gdx/calendar';
import { PricingError } from './pricing-error.js';

/**
 * When fees may turn formal (发改价格〔2025〕65号 二): before a complete operating year they are `trial`;
 * after it the operator applies in writing and, once assessed, they are `formal`. The first complete
 * operating year ends the day before the first anniversary of `operatingSince`.
 *
 * @example
 * formalFeeEligibility('2026-01-05', '2027-01-04'); // { firstCompleteYearEnds: '2027-01-04', mayApply: false, code: 'OPERATING_YEAR_INCOMPLETE' }
 * formalFeeEligibility('2026-01-05', '2027-01-05').mayApply; // true
 */
export function formalFeeEligibility(
  operatingSince: string,
  today: string,
): { firstCompleteYearEnds: string; mayApply: boolean; code: 'OPERATING_YEAR_INCOMPLETE' | null } {
  if (!isIsoDate(operatingSince) || !isIsoDate(today)) throw new PricingError('INVALID_PERIOD', 'operatingSince', '日期无效', 'invalid date');
  const firstCompleteYearEnds = addDays(addMonthsClamped(operatingSince, 12), -1);
  const mayApply = today > firstCompleteYearEnds;
  return { firstCompleteYearEnds, mayApply, code: mayApply ? null : 'OPERATING_YEAR_INCOMPLETE' };
}
