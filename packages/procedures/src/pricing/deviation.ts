import type { PricingRules } from '../authorized-operation/profile-part.js';
import { BASIS_POINTS, divideHalfUp, fen } from './integer-money.js';
import { PricingError } from './pricing-error.js';

/** The yearly deviation decision (the contract's `DeviationDecision`). */
export interface DeviationDecision {
  year: number | null;
  marFen: number;
  actualRevenueFen: number;
  /** actual − MAR (negative below MAR). */
  differenceFen: number;
  /** |actual − MAR| / MAR in basis points, rounded half up (reported; the decision is exact). */
  deviationBasisPoints: number;
  thresholdBasisPoints: number;
  /** d ≤ threshold → the operator adjusts its actual fees; d > threshold → the grantor adjusts the ceilings. */
  decision: 'operator_adjusts_actual_fee' | 'grantor_adjusts_ceiling';
}

/**
 * Decides the yearly deviation (发改价格〔2025〕65号 四): d = |actual − MAR| / MAR, counted both ways
 * against that year's MAR. d ≤ `rules.deviationThresholdBasisPoints` (10 %) → the operator adjusts its
 * `actual_fee`; above → the grantor adjusts the `ceiling_fee`. The comparison is exact
 * (|actual − MAR| × 10,000 ≤ threshold × MAR, in `bigint`), so exactly 10 % is within; only the
 * reported basis points are rounded. A MAR of 0 has no deviation (`MAR_ZERO`).
 *
 * @example
 * yearlyDeviation({ year: 2026, marFen: 894_000_000, actualRevenueFen: 990_000_000 }, rules);
 * // { differenceFen: 96_000_000, deviationBasisPoints: 1074, decision: 'grantor_adjusts_ceiling', ... }
 */
export function yearlyDeviation(
  input: { year?: number | null; marFen: number; actualRevenueFen: number },
  rules: Pick<PricingRules, 'deviationThresholdBasisPoints'>,
): DeviationDecision {
  // Totals, not inputs: a MAR of the largest inputs exceeds MAX_FEN and is still exact.
  const marFen = fen(input.marFen, 'marFen', Number.MAX_SAFE_INTEGER);
  const actualRevenueFen = fen(input.actualRevenueFen, 'actualRevenueFen', Number.MAX_SAFE_INTEGER);
  if (marFen === 0) throw new PricingError('MAR_ZERO', 'marFen', '最高准许收入为 0，无法计算偏差', 'a MAR of 0 has no relative deviation');
  const differenceFen = actualRevenueFen - marFen;
  const gap = BigInt(Math.abs(differenceFen));
  const threshold = rules.deviationThresholdBasisPoints;
  const within = gap * BigInt(BASIS_POINTS) <= BigInt(threshold) * BigInt(marFen);
  return {
    year: input.year ?? null,
    marFen,
    actualRevenueFen,
    differenceFen,
    deviationBasisPoints: Number(divideHalfUp(gap * BigInt(BASIS_POINTS), BigInt(marFen))),
    thresholdBasisPoints: threshold,
    decision: within ? 'operator_adjusts_actual_fee' : 'grantor_adjusts_ceiling',
  };
}
