import type { PricingRules } from '../authorized-operation/profile-part.js';
import { basisPoints, BASIS_POINTS, divideHalfUp, fen } from './integer-money.js';
import { PricingError } from './pricing-error.js';

/** The inputs of MAR = C + C × r + T (发改价格〔2025〕65号 三(一)), in 分 and basis points. */
export interface MarInput {
  /** C: costs of `industry` products net of subsidies. */
  costFen: number;
  /** Mean 10-year government-bond yield of the year before the cost survey. */
  bondYieldBasisPoints: number;
  /** r: the reasonable rate of return, at most the yield + the profile's spread (600 bp). */
  rateBasisPoints: number;
  /** T: taxes. */
  taxFen: number;
  /** The previous cycle's net excess revenue, deducted from this MAR (四). */
  carryOverDeductionFen?: number;
}

/** A MAR with every intermediate value (the contract's `MarCalculation`). */
export interface MarCalculation {
  costFen: number;
  bondYieldBasisPoints: number;
  rateCapBasisPoints: number;
  rateBasisPoints: number;
  /** C × r, rounded half up to the 分. */
  returnFen: number;
  taxFen: number;
  carryOverDeductionFen: number;
  /** C + C × r + T − carry-over. */
  marFen: number;
  rounding: 'half_up';
}

/**
 * The maximum allowed revenue (最高准许收入) MAR = C + C × r + T − carry-over, exactly: C × r is
 * C × r_bp / 10,000 rounded half up to the 分 (四舍五入, the only rounding), the rest integer sums.
 * Refuses (`PricingError`) an amount that is not an integer number of 分 (`INVALID_AMOUNT`), a rate
 * above the yield + `rules.rateCapSpreadBasisPoints` (`RATE_ABOVE_CAP`) and a deduction larger than
 * C + C × r + T (`CARRY_OVER_EXCEEDS_MAR`).
 *
 * @example
 * // 65号's formula on the domain file's invented example: C = 8,000,000 元, yield 2.00 %, r = 8 %, T = 300,000 元
 * maximumAllowedRevenue({ costFen: 800_000_000, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 30_000_000 }, rules).marFen;
 * // 894_000_000 (8,940,000 元)
 */
export function maximumAllowedRevenue(input: MarInput, rules: Pick<PricingRules, 'rateCapSpreadBasisPoints'>): MarCalculation {
  const costFen = fen(input.costFen, 'costFen');
  const bondYieldBasisPoints = basisPoints(input.bondYieldBasisPoints, 'bondYieldBasisPoints');
  const rateBasisPoints = basisPoints(input.rateBasisPoints, 'rateBasisPoints');
  const taxFen = fen(input.taxFen, 'taxFen');
  const carryOverDeductionFen = fen(input.carryOverDeductionFen ?? 0, 'carryOverDeductionFen');
  const rateCapBasisPoints = bondYieldBasisPoints + rules.rateCapSpreadBasisPoints;
  if (rateBasisPoints > rateCapBasisPoints) {
    throw new PricingError(
      'RATE_ABOVE_CAP',
      'rateBasisPoints',
      `合理收益率 ${rateBasisPoints} 基点超过上限 ${rateCapBasisPoints} 基点（国债收益率加 ${rules.rateCapSpreadBasisPoints} 基点）`,
      `the rate of ${rateBasisPoints} bp exceeds the cap of ${rateCapBasisPoints} bp (bond yield + ${rules.rateCapSpreadBasisPoints} bp)`,
    );
  }
  const returnFen = Number(divideHalfUp(BigInt(costFen) * BigInt(rateBasisPoints), BigInt(BASIS_POINTS)));
  const gross = costFen + returnFen + taxFen;
  if (carryOverDeductionFen > gross) {
    throw new PricingError(
      'CARRY_OVER_EXCEEDS_MAR',
      'carryOverDeductionFen',
      '上一周期超收扣减额超过本周期准许收入',
      `the carry-over deduction (${carryOverDeductionFen}) exceeds C + C × r + T (${gross})`,
    );
  }
  return { costFen, bondYieldBasisPoints, rateCapBasisPoints, rateBasisPoints, returnFen, taxFen, carryOverDeductionFen, marFen: gross - carryOverDeductionFen, rounding: 'half_up' };
}
