import { addDays, addMonthsClamped, isIsoDate } from '@gdx/calendar';
import type { PricingRules } from '../authorized-operation/profile-part.js';
import { fen } from './integer-money.js';
import { PricingError } from './pricing-error.js';

/** One price cycle (价格周期) of an authorization's term, both days included. */
export interface PriceCycle {
  number: number;
  from: string;
  to: string;
  /** Operating years it spans (the last cycle may be shorter than `cycleMaxYears`). */
  years: number;
}

/**
 * Splits an authorization's term into price cycles of `rules.cycleMaxYears` (≤ 3 years, 发改价格〔2025〕65号
 * 四), the last one ending with the term. Years end on the corresponding day (民法典 第二百零二条).
 *
 * @example
 * pricingCycles({ from: '2026-01-05', to: '2031-01-04' }, rules);
 * // [{ number: 1, from: '2026-01-05', to: '2029-01-04', years: 3 }, { number: 2, from: '2029-01-05', to: '2031-01-04', years: 2 }]
 */
export function pricingCycles(term: { from: string; to: string }, rules: Pick<PricingRules, 'cycleMaxYears'>): PriceCycle[] {
  if (!isIsoDate(term.from) || !isIsoDate(term.to) || term.to < term.from) {
    throw new PricingError('INVALID_PERIOD', 'term', '授权期限无效', `invalid term ${term.from} – ${term.to}`);
  }
  const cycles: PriceCycle[] = [];
  for (let from = term.from; from <= term.to; ) {
    const fullEnd = addDays(addMonthsClamped(from, rules.cycleMaxYears * 12), -1);
    const to = fullEnd < term.to ? fullEnd : term.to;
    let years = 1;
    while (years < rules.cycleMaxYears && addMonthsClamped(from, years * 12) <= to) years += 1;
    cycles.push({ number: cycles.length + 1, from, to, years });
    from = addDays(to, 1);
  }
  return cycles;
}

/**
 * The net excess revenue of a finished cycle, deducted from the next cycle's MAR (65号 四): the
 * cycle's revenue above the sum of its yearly MARs, never negative (a shortfall is not carried).
 *
 * @example
 * cycleCarryOver({ marFen: 2_682_000_000, revenueFen: 2_800_000_000 }); // 118_000_000
 */
export function cycleCarryOver(input: { marFen: number; revenueFen: number }): number {
  const excess = fen(input.revenueFen, 'revenueFen', Number.MAX_SAFE_INTEGER) - fen(input.marFen, 'marFen', Number.MAX_SAFE_INTEGER);
  return excess > 0 ? excess : 0;
}

/**
 * Spreads a carry-over deduction over the next cycle's years (smoothing, 65号 四: "可平滑处理"):
 * equal integer parts, the remainder's 分 one each on the first years, so the parts add up exactly.
 *
 * @example
 * spreadDeduction(100, 3); // [34, 33, 33]
 */
export function spreadDeduction(deductionFen: number, years: number): number[] {
  const total = fen(deductionFen, 'deductionFen');
  if (!Number.isInteger(years) || years < 1) throw new PricingError('INVALID_PERIOD', 'years', '年数须为正整数', 'years must be a positive integer');
  const base = Math.floor(total / years);
  const rest = total - base * years;
  return Array.from({ length: years }, (_, i) => base + (i < rest ? 1 : 0));
}
