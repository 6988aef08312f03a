// The pricing arithmetic of 发改价格〔2025〕65号: worked examples with exact integer results (分,
// basis points), then properties over random inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annualReportDue,
  assessFee,
  assessTerm,
  ceilingLoad,
  cycleCarryOver,
  formalFeeEligibility,
  MAX_FEN,
  maximumAllowedRevenue,
  PricingError,
  pricingCycles,
  resolveProfile,
  spreadDeduction,
  yearlyDeviation,
} from '../src/index.js';

const rules = resolveProfile('national').options.authorizedOperation.pricing;
const at = (local: string) => Date.parse(`${local}+08:00`);
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    if (e instanceof PricingError) return [e.code, e.field];
    throw e;
  }
  return 'accepted';
};

describe('MAR = C + C × r + T (65号 三(一))', () => {
  it('the domain example: C = 8,000,000 元, yield 2.00 %, r = 8 %, T = 300,000 元 → 8,940,000 元', () => {
    expect(maximumAllowedRevenue({ costFen: 800_000_000, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 30_000_000 }, rules)).toEqual({
      costFen: 800_000_000,
      bondYieldBasisPoints: 200,
      rateCapBasisPoints: 800,
      rateBasisPoints: 800,
      returnFen: 64_000_000,
      taxFen: 30_000_000,
      carryOverDeductionFen: 0,
      marFen: 894_000_000,
      rounding: 'half_up',
    });
  });

  it.each([
    { c: 1_234_567, r: 333, ret: 41_111 }, // 41,111.0811 → down
    { c: 15, r: 3_333, ret: 5 }, // 4.9995 → up
    { c: 5, r: 1_000, ret: 1 }, // 0.5 → half up
    { c: 5, r: 999, ret: 0 }, // 0.4995 → down
    { c: MAX_FEN, r: 10_000, ret: MAX_FEN }, // the largest inputs stay exact
  ])('rounds C × r half up to the 分: $c × $r bp → $ret', ({ c, r, ret }) => {
    expect(maximumAllowedRevenue({ costFen: c, bondYieldBasisPoints: 10_000 - 600, rateBasisPoints: r, taxFen: 0 }, rules).returnFen).toBe(ret);
  });

  it('caps r at the bond yield + 600 bp and refuses non-integer money', () => {
    const input = { costFen: 800_000_000, bondYieldBasisPoints: 200, taxFen: 30_000_000 };
    expect(refusal(() => maximumAllowedRevenue({ ...input, rateBasisPoints: 801 }, rules))).toEqual(['RATE_ABOVE_CAP', 'rateBasisPoints']);
    expect(refusal(() => maximumAllowedRevenue({ ...input, costFen: 1.5, rateBasisPoints: 800 }, rules))).toEqual(['INVALID_AMOUNT', 'costFen']);
    expect(refusal(() => maximumAllowedRevenue({ ...input, taxFen: -1, rateBasisPoints: 800 }, rules))).toEqual(['INVALID_AMOUNT', 'taxFen']);
    expect(refusal(() => maximumAllowedRevenue({ ...input, rateBasisPoints: 800 }, { rateCapSpreadBasisPoints: 500 }))).toEqual(['RATE_ABOVE_CAP', 'rateBasisPoints']);
  });

  it('deducts the previous cycle excess, never below zero', () => {
    const input = { costFen: 800_000_000, bondYieldBasisPoints: 200, rateBasisPoints: 800, taxFen: 30_000_000 };
    expect(maximumAllowedRevenue({ ...input, carryOverDeductionFen: 118_000_000 }, rules).marFen).toBe(776_000_000);
    expect(refusal(() => maximumAllowedRevenue({ ...input, carryOverDeductionFen: 894_000_001 }, rules))).toEqual(['CARRY_OVER_EXCEEDS_MAR', 'carryOverDeductionFen']);
  });
});

describe('the yearly deviation (65号 四)', () => {
  it('the domain example: actual 9,900,000 元 against 8,940,000 元 → 10.74 %, ceilings adjusted', () => {
    expect(yearlyDeviation({ year: 2026, marFen: 894_000_000, actualRevenueFen: 990_000_000 }, rules)).toEqual({
      year: 2026,
      marFen: 894_000_000,
      actualRevenueFen: 990_000_000,
      differenceFen: 96_000_000,
      deviationBasisPoints: 1074,
      thresholdBasisPoints: 1000,
      decision: 'grantor_adjusts_ceiling',
    });
  });

  it.each([
    { actual: 1_100_000, bp: 1000, decision: 'operator_adjusts_actual_fee' }, // exactly 10 % is within
    { actual: 1_100_001, bp: 1000, decision: 'grantor_adjusts_ceiling' }, // 10.0001 %: rounded report, exact decision
    { actual: 900_000, bp: 1000, decision: 'operator_adjusts_actual_fee' }, // both ways
    { actual: 899_999, bp: 1000, decision: 'grantor_adjusts_ceiling' },
    { actual: 1_000_000, bp: 0, decision: 'operator_adjusts_actual_fee' },
    { actual: 0, bp: 10_000, decision: 'grantor_adjusts_ceiling' },
  ])('MAR 10,000 元, actual $actual 分 → $bp bp, $decision', ({ actual, bp, decision }) => {
    expect(yearlyDeviation({ marFen: 1_000_000, actualRevenueFen: actual }, rules)).toMatchObject({ deviationBasisPoints: bp, decision });
  });

  it('decides on the MAR of the largest inputs, above MAX_FEN yet exact', () => {
    const top = maximumAllowedRevenue({ costFen: MAX_FEN, bondYieldBasisPoints: 9_400, rateBasisPoints: 10_000, taxFen: MAX_FEN }, rules);
    expect(top.marFen).toBe(3 * MAX_FEN);
    expect(yearlyDeviation({ marFen: top.marFen, actualRevenueFen: top.marFen + 270_000_000_000_000 }, rules)).toMatchObject({ deviationBasisPoints: 1000, decision: 'operator_adjusts_actual_fee' });
  });

  it('has no deviation against a MAR of 0', () => {
    expect(refusal(() => yearlyDeviation({ marFen: 0, actualRevenueFen: 1 }, rules))).toEqual(['MAR_ZERO', 'marFen']);
  });
});

describe('cycles, carry-over, fee levels, trial → formal and the annual report', () => {
  it('splits a 5-year term into cycles of at most 3 years', () => {
    expect(pricingCycles({ from: '2026-01-05', to: '2031-01-04' }, rules)).toEqual([
      { number: 1, from: '2026-01-05', to: '2029-01-04', years: 3 },
      { number: 2, from: '2029-01-05', to: '2031-01-04', years: 2 },
    ]);
    expect(pricingCycles({ from: '2024-02-29', to: '2025-02-27' }, rules)).toEqual([{ number: 1, from: '2024-02-29', to: '2025-02-27', years: 1 }]);
  });

  it('carries the net excess of a cycle and spreads it exactly', () => {
    expect(cycleCarryOver({ marFen: 3 * 894_000_000, revenueFen: 2_800_000_000 })).toBe(118_000_000);
    expect(cycleCarryOver({ marFen: 3 * 894_000_000, revenueFen: 2_000_000_000 })).toBe(0);
    expect(spreadDeduction(118_000_000, 3)).toEqual([39_333_334, 39_333_333, 39_333_333]);
  });

  it('keeps the ceilings within MAR and the actual fee within its ceiling', () => {
    expect(ceilingLoad(894_000_000, [{ ceilingFen: 50_000, plannedVolume: 17_880 }])).toEqual({ loadFen: 894_000_000, withinMar: true });
    expect(ceilingLoad(894_000_000, [{ ceilingFen: 50_000, plannedVolume: 17_881 }])).toEqual({ loadFen: 894_050_000, withinMar: false });
    expect(assessFee({ useCategory: 'industry', ceilingFen: 50_000, actualFen: 50_000, displayed: true })).toEqual({ refusal: null, flags: [] });
    expect(assessFee({ useCategory: 'industry', ceilingFen: 50_000, actualFen: 50_001, displayed: false })).toEqual({ refusal: 'FEE_ABOVE_CEILING', flags: ['FEE_ABOVE_CEILING', 'FEE_NOT_DISPLAYED'] });
    expect(assessFee({ useCategory: 'industry', ceilingFen: null, actualFen: 100, displayed: true }).refusal).toBe('CEILING_NOT_SET');
    expect(assessFee({ useCategory: 'public_good', ceilingFen: null, actualFen: 1, displayed: true })).toEqual({ refusal: 'FEE_ON_PUBLIC_GOOD', flags: ['FEE_ON_PUBLIC_GOOD'] });
    expect(assessFee({ useCategory: 'public_good', ceilingFen: null, actualFen: 0, displayed: false })).toEqual({ refusal: null, flags: [] });
  });

  it('turns trial fees formal only after a complete operating year', () => {
    expect(formalFeeEligibility('2026-01-05', '2027-01-04')).toEqual({ firstCompleteYearEnds: '2027-01-04', mayApply: false, code: 'OPERATING_YEAR_INCOMPLETE' });
    expect(formalFeeEligibility('2026-01-05', '2027-01-05')).toEqual({ firstCompleteYearEnds: '2027-01-04', mayApply: true, code: null });
  });

  it('expects the annual report by 24:00 on 03-31, without a holiday roll-over', () => {
    const due = (submittedAt: string | null, now: string) => annualReportDue(2026, rules, { submittedAt: submittedAt === null ? null : at(submittedAt), now: at(now) });
    expect(due('2027-03-31T23:59:59', '2027-04-02T00:00:00')).toEqual({
      year: 2026,
      dueDate: '2027-03-31',
      dueAt: '2027-04-01T00:00:00+08:00',
      submittedAt: '2027-03-31T23:59:59+08:00',
      late: false,
      overdue: false,
    });
    expect(due('2027-04-01T00:00:00', '2027-04-02T00:00:00')).toMatchObject({ late: true, overdue: false });
    expect(due(null, '2027-03-31T23:59:59')).toMatchObject({ late: false, overdue: false });
    expect(due(null, '2027-04-01T00:00:00')).toMatchObject({ late: false, overdue: true });
    // 2028-03-31 is a Friday, 2029-03-31 a Saturday: still the due day.
    expect(annualReportDue(2028, rules, { submittedAt: null, now: 0 }).dueDate).toBe('2029-03-31');
  });
});

describe('terms over 5 years (27号 第十四条(二); 101号 第八条)', () => {
  it.each([
    { profile: 'national', to: '2031-01-04', justification: null, outcome: 'ok', code: null },
    { profile: 'national', to: '2031-01-05', justification: null, outcome: 'error', code: 'TERM_JUSTIFICATION_REQUIRED' },
    { profile: 'national', to: '2031-01-05', justification: '投资回收期', outcome: 'warning', code: 'TERM_OVER_CAP_WARNING' },
    { profile: 'xiamen', to: '2035-01-04', justification: '投资回收期', outcome: 'warning', code: 'TERM_OVER_CAP_WARNING' },
    { profile: 'inner-mongolia', to: '2031-01-04', justification: null, outcome: 'ok', code: null },
    { profile: 'inner-mongolia', to: '2031-01-05', justification: '投资回收期', outcome: 'error', code: 'TERM_EXCEEDS_CAP' },
  ])('$profile: 2026-01-05 – $to → $outcome', ({ profile, to, justification, outcome, code }) => {
    expect(assessTerm(resolveProfile(profile), { from: '2026-01-05', to }, justification)).toMatchObject({ capEndsOn: '2031-01-04', outcome, code });
  });

  it.each([
    // Signed two years before a 5-year term starts: in force seven years from signing.
    { signedOn: '2025-10-01', from: '2027-10-15', to: '2032-10-14', measuredFrom: '2025-10-01', capEndsOn: '2030-09-30', outcome: 'error' },
    { signedOn: '2025-10-01', from: '2027-10-15', to: '2030-09-30', measuredFrom: '2025-10-01', capEndsOn: '2030-09-30', outcome: 'ok' },
    // Signed on or after the term's first day: the agreed term is the longer span.
    { signedOn: '2026-01-05', from: '2026-01-05', to: '2031-01-04', measuredFrom: '2026-01-05', capEndsOn: '2031-01-04', outcome: 'ok' },
    { signedOn: '2026-03-01', from: '2026-01-05', to: '2031-01-05', measuredFrom: '2026-01-05', capEndsOn: '2031-01-04', outcome: 'error' },
  ])('counts the cap from the signing day $signedOn when the term $from – $to starts later', ({ signedOn, from, to, measuredFrom, capEndsOn, outcome }) => {
    expect(assessTerm(resolveProfile('inner-mongolia'), { from, to }, null, signedOn)).toMatchObject({ from, to, measuredFrom, capEndsOn, outcome });
  });

  it('ends a cap that starts on 02-29 on the month end (民法典 第二百零二条)', () => {
    expect(assessTerm(resolveProfile('national'), { from: '2024-02-29', to: '2029-02-27' }).capEndsOn).toBe('2029-02-27');
  });
});

describe('properties', () => {
  const money = fc.integer({ min: 0, max: MAX_FEN });
  const bp = fc.integer({ min: 0, max: 9_400 });

  it('MAR is the exact sum, C × r within half a 分 of the true product, and grows with r', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), bp, fc.integer({ min: 0, max: 10 ** 12 }), (c, r, t) => {
        const m = maximumAllowedRevenue({ costFen: c, bondYieldBasisPoints: r, rateBasisPoints: r, taxFen: t }, rules);
        expect(m.marFen).toBe(c + m.returnFen + t);
        const exact = BigInt(c) * BigInt(r); // × 1/10,000
        // half up: returnFen − C × r / 10,000 lies in (−½, +½]
        expect(BigInt(m.returnFen) * 20_000n - exact * 2n).toBeGreaterThan(-10_000n);
        expect(BigInt(m.returnFen) * 20_000n - exact * 2n).toBeLessThanOrEqual(10_000n);
        const more = maximumAllowedRevenue({ costFen: c, bondYieldBasisPoints: r, rateBasisPoints: r + 600, taxFen: t }, rules);
        expect(more.marFen).toBeGreaterThanOrEqual(m.marFen);
      }),
    );
  });

  it('the deviation decision does not change when MAR and revenue scale together', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 10 }), fc.integer({ min: 0, max: 10 ** 10 }), fc.integer({ min: 1, max: 1000 }), (mar, actual, k) => {
        const once = yearlyDeviation({ marFen: mar, actualRevenueFen: actual }, rules);
        const scaled = yearlyDeviation({ marFen: mar * k, actualRevenueFen: actual * k }, rules);
        expect(scaled.decision).toBe(once.decision);
        expect(scaled.deviationBasisPoints).toBe(once.deviationBasisPoints);
        expect(once.decision === 'operator_adjusts_actual_fee').toBe(BigInt(Math.abs(actual - mar)) * 10n <= BigInt(mar));
      }),
    );
  });

  it('a spread deduction adds up exactly, its parts at most 1 分 apart', () => {
    fc.assert(
      fc.property(money, fc.integer({ min: 1, max: 3 }), (total, years) => {
        const parts = spreadDeduction(total, years);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('cycles tile the term without gaps, none longer than 3 years', () => {
    const day = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 3_700 }), (from, days) => {
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        const cycles = pricingCycles({ from, to }, rules);
        expect(cycles[0]?.from).toBe(from);
        expect(cycles.at(-1)?.to).toBe(to);
        cycles.forEach((c, i) => {
          expect(c.number).toBe(i + 1);
          expect(c.years).toBeGreaterThanOrEqual(1);
          expect(c.years).toBeLessThanOrEqual(3);
          expect(assessTerm(resolveProfile('inner-mongolia'), c).outcome).toBe('ok'); // within 5 years, a fortiori
          const next = cycles[i + 1];
          if (next) expect(Date.parse(`${next.from}T00:00:00Z`) - Date.parse(`${c.to}T00:00:00Z`)).toBe(86_400_000);
        });
      }),
    );
  });

  it('an accepted actual fee is never flagged, and never above its ceiling', () => {
    fc.assert(
      fc.property(fc.constantFrom('public_good' as const, 'industry' as const), fc.option(money, { nil: null }), money, (useCategory, ceilingFen, actualFen) => {
        const { refusal: refused, flags } = assessFee({ useCategory, ceilingFen, actualFen, displayed: true });
        if (refused === null) {
          expect(flags).toEqual([]);
          if (useCategory === 'industry') expect(actualFen).toBeLessThanOrEqual(ceilingFen ?? -1);
        }
      }),
    );
  });
});
