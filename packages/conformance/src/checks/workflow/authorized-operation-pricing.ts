import { isRecord } from '../../http/response.js';
import {
  CARRY_OVER_EXAMPLE, DEVIATION_EXAMPLES, DEVIATION_THRESHOLD_BASIS_POINTS, DOMAIN_EXAMPLE, HALF_FEN_EXAMPLE, RATE_CAP_SPREAD_BASIS_POINTS,
  type MarExample, type MarInput,
} from '../../rules/pricing-examples.js';
import type { Check, CheckContext } from '../../runner/types.js';
import { checkMaker } from '../define-check.js';
import { expectProblem } from '../expect-problem.js';
import { expectStatus, postJson } from '../requests.js';

const PLATFORM = 'authorized-operation';
const CALCULATIONS = '/pricing/calculations';
const SOURCE = '发改价格〔2025〕65号';

/** The calculator stores nothing and needs no official: these checks run against any platform. */
const check = checkMaker({ area: 'workflow', platform: PLATFORM, needsSimulation: false });

async function calculate(ctx: CheckContext, input: MarInput): Promise<Record<string, unknown>> {
  if (ctx.specs[PLATFORM]?.paths?.[CALCULATIONS] === undefined) return ctx.skip(`the ${PLATFORM} document has no ${CALCULATIONS}`);
  const res = await postJson(ctx, ctx.http(0), PLATFORM, CALCULATIONS, input);
  expectStatus(ctx, res, 200, `POST ${CALCULATIONS} with ${JSON.stringify(input)}`);
  return isRecord(res.body) ? res.body : {};
}

/** Asserts the exact integer results of a worked example (the calculation, and the deviation when it has one). */
async function expectExample(ctx: CheckContext, example: MarExample): Promise<void> {
  const body = await calculate(ctx, example.input);
  const calc = isRecord(body.calculation) ? body.calculation : {};
  const { input } = example;
  ctx.expect.equal(
    { returnFen: calc.returnFen, marFen: calc.marFen, rateCapBasisPoints: calc.rateCapBasisPoints, carryOverDeductionFen: calc.carryOverDeductionFen, rounding: calc.rounding },
    {
      returnFen: example.returnFen, marFen: example.marFen, rateCapBasisPoints: input.bondYieldBasisPoints + RATE_CAP_SPREAD_BASIS_POINTS,
      carryOverDeductionFen: input.carryOverDeductionFen ?? 0, rounding: 'half_up',
    },
    `${example.shows}: MAR = C + C × r + T (in 分)`,
  );
  if (example.deviation === undefined) return;
  const d = isRecord(body.deviation) ? body.deviation : {};
  ctx.expect.equal(
    { marFen: d.marFen, actualRevenueFen: d.actualRevenueFen, differenceFen: d.differenceFen, deviationBasisPoints: d.deviationBasisPoints, thresholdBasisPoints: d.thresholdBasisPoints, decision: d.decision },
    { marFen: example.marFen, actualRevenueFen: input.actualRevenueFen, ...example.deviation, thresholdBasisPoints: DEVIATION_THRESHOLD_BASIS_POINTS },
    `${example.shows}: the yearly deviation decision`,
  );
}

/** A calculation the rule forbids answers 422 with the code, and nothing is computed. */
async function expectRefused(ctx: CheckContext, input: MarInput, code: string, what: string): Promise<void> {
  if (ctx.specs[PLATFORM]?.paths?.[CALCULATIONS] === undefined) return ctx.skip(`the ${PLATFORM} document has no ${CALCULATIONS}`);
  expectProblem(ctx.expect, await postJson(ctx, ctx.http(0), PLATFORM, CALCULATIONS, input), 422, code, what);
}

/**
 * The 65号 price arithmetic through the platform's calculator (`POST /pricing/calculations`), on
 * worked examples whose exact integer results are written down in `rules/pricing-examples.ts`.
 *
 * @example
 * ```ts
 * aopPricingChecks.map((c) => c.id); // ['AOP-PRICE-01', …]
 * ```
 */
export const aopPricingChecks: Check[] = [
  check('AOP-PRICE-01', 'MAR = C + C × r + T in exact integer 分: the domain example gives 8,940,000 元', `${SOURCE} 三(一); shared/domain/authorized-operation.md §9`, async (ctx) => {
    await expectExample(ctx, { ...DOMAIN_EXAMPLE, deviation: undefined });
  }),
  check('AOP-PRICE-02', 'C × r is rounded half up to the 分 (8,024,685.5 → 8,024,686)', `${SOURCE} 三(一); openapi/authorized-operation x-gdx-pricing (rounding: half_up)`, async (ctx) => {
    await expectExample(ctx, HALF_FEN_EXAMPLE);
  }),
  check('AOP-PRICE-03', 'r may reach the bond yield + 6 percentage points, not more: 422 RATE_ABOVE_CAP', `${SOURCE} 三(一) (r ≤ 上一年度 10 年期国债平均收益率 + 6 个百分点)`, async (ctx) => {
    const atCap = { ...HALF_FEN_EXAMPLE.input, rateBasisPoints: HALF_FEN_EXAMPLE.input.bondYieldBasisPoints + RATE_CAP_SPREAD_BASIS_POINTS };
    // 123,456,700 × 785 / 10 000 = 9,691,350.95 → 9,691,351; MAR = 123,456,700 + 9,691,351 + 1,234,567.
    await expectExample(ctx, { shows: 'a rate exactly at the cap (1.85 % + 6 %)', input: atCap, returnFen: 9_691_351, marFen: 134_382_618 });
    await expectRefused(ctx, { ...atCap, rateBasisPoints: atCap.rateBasisPoints + 1 }, 'RATE_ABOVE_CAP', 'a rate one basis point above the cap');
  }),
  check('AOP-PRICE-04', 'the yearly deviation: d ≤ 10 % (both ways) → the operator adjusts its fees; above → the grantor adjusts the ceilings, decided exactly', `${SOURCE} 四 (偏差不超过 10% 的由运营机构调整, 超过的由授权主体调整收费上限)`, async (ctx) => {
    for (const example of DEVIATION_EXAMPLES) await expectExample(ctx, example);
  }),
  check('AOP-PRICE-05', "revenue above a cycle's MAR is deducted from the next cycle's MAR; a deduction larger than MAR is refused", `${SOURCE} 四 (周期 ≤ 3 年, 超收部分在下一周期扣减)`, async (ctx) => {
    await expectExample(ctx, CARRY_OVER_EXAMPLE);
    await expectRefused(ctx, { ...CARRY_OVER_EXAMPLE.input, carryOverDeductionFen: DOMAIN_EXAMPLE.marFen + 1 }, 'CARRY_OVER_EXCEEDS_MAR', 'a deduction one 分 above C + C × r + T');
  }),
];
