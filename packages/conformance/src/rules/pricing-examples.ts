/**
 * Worked examples of the 65号 price mechanism (发改价格〔2025〕65号 三(一)、四), in integer 分 and basis
 * points, each result worked out by hand from the rule — never read from an implementation — so a
 * platform that rounds, truncates or compares differently gives another number and fails.
 *
 * MAR = C + C × r + T − carry-over, C × r = C × r_bp / 10 000 rounded half up to the 分; the yearly
 * deviation d = |actual − MAR| / MAR is decided exactly (d ≤ 10 % → the operator adjusts its actual
 * fees, else the grantor adjusts the ceilings), its basis points rounded half up for display only.
 */

/** The body of `POST /pricing/calculations` (`MarCalculationRequest`). */
export interface MarInput {
  costFen: number;
  bondYieldBasisPoints: number;
  rateBasisPoints: number;
  taxFen: number;
  carryOverDeductionFen?: number;
  actualRevenueFen?: number;
}

/** The two decisions of 65号 四, as the contract's `DeviationDecision.decision`. */
export type DeviationOutcome = 'operator_adjusts_actual_fee' | 'grantor_adjusts_ceiling';

/** One worked example: its inputs and the exact results the rule gives. */
export interface MarExample {
  /** What the example shows, in the check's failure message. */
  shows: string;
  input: MarInput;
  returnFen: number;
  marFen: number;
  deviation?: { differenceFen: number; deviationBasisPoints: number; decision: DeviationOutcome };
}

/** The rate cap: the bond yield plus 6 percentage points (65号 三(一)). */
export const RATE_CAP_SPREAD_BASIS_POINTS = 600;

/** The 10 % of 65号 四, in basis points. */
export const DEVIATION_THRESHOLD_BASIS_POINTS = 1000;

/**
 * The domain file's invented example (shared/domain/authorized-operation.md §9): C = 8,000,000 元,
 * yield 2.00 % so r ≤ 8 %, r = 8 %, T = 300,000 元 → MAR = 8,940,000 元; actual 9,900,000 元 →
 * d = 96,000,000 / 894,000,000 = 10.738… % → 1074 bp → the grantor adjusts the ceilings.
 */
export const DOMAIN_EXAMPLE: MarExample = {
  shows: 'the domain example: C 8,000,000 元, r 8 %, T 300,000 元, actual 9,900,000 元',
  input: { costFen: 800_000_000, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 30_000_000, actualRevenueFen: 990_000_000 },
  returnFen: 64_000_000,
  marFen: 894_000_000,
  deviation: { differenceFen: 96_000_000, deviationBasisPoints: 1074, decision: 'grantor_adjusts_ceiling' },
};

/**
 * C × r with exactly half a 分: 123,456,700 × 650 / 10 000 = 8,024,685.5 → 8,024,686 (truncation
 * would give …685); MAR = 123,456,700 + 8,024,686 + 1,234,567 = 132,715,953.
 */
export const HALF_FEN_EXAMPLE: MarExample = {
  shows: 'C × r = 8,024,685.5 分 rounds half up',
  input: { costFen: 123_456_700, bondYieldBasisPoints: 185, rateBasisPoints: 650, taxFen: 1_234_567 },
  returnFen: 8_024_686,
  marFen: 132_715_953,
};

/** A previous cycle's excess of 460,000 元 deducted: 894,000,000 − 46,000,000 = 848,000,000 分 (65号 四). */
export const CARRY_OVER_EXAMPLE: MarExample = {
  shows: 'a carry-over of 460,000 元 deducted from the next cycle',
  input: { costFen: 800_000_000, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 30_000_000, carryOverDeductionFen: 46_000_000 },
  returnFen: 64_000_000,
  marFen: 848_000_000,
};

const onDomainMar = (actualRevenueFen: number, shows: string, deviation: MarExample['deviation']): MarExample => ({
  shows,
  input: { ...DOMAIN_EXAMPLE.input, actualRevenueFen },
  returnFen: DOMAIN_EXAMPLE.returnFen,
  marFen: DOMAIN_EXAMPLE.marFen,
  deviation,
});

/**
 * The 10 % boundary both ways against the domain example's MAR of 894,000,000 分: exactly 10 % above
 * or below is the operator's to fix; one 分 more is the grantor's, although its basis points still
 * round to 1000 — the decision is an exact comparison, not one of rounded basis points.
 */
export const DEVIATION_EXAMPLES: readonly MarExample[] = [
  onDomainMar(983_400_000, 'revenue exactly 10 % above MAR', { differenceFen: 89_400_000, deviationBasisPoints: 1000, decision: 'operator_adjusts_actual_fee' }),
  onDomainMar(804_600_000, 'revenue exactly 10 % below MAR', { differenceFen: -89_400_000, deviationBasisPoints: 1000, decision: 'operator_adjusts_actual_fee' }),
  onDomainMar(983_400_001, 'revenue 10 % and one 分 above MAR', { differenceFen: 89_400_001, deviationBasisPoints: 1000, decision: 'grantor_adjusts_ceiling' }),
  onDomainMar(804_599_999, 'revenue 10 % and one 分 below MAR', { differenceFen: -89_400_001, deviationBasisPoints: 1000, decision: 'grantor_adjusts_ceiling' }),
  DOMAIN_EXAMPLE,
];
