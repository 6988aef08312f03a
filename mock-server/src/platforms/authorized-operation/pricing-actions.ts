import { shanghaiDay } from '@gdx/kernel';
import { ceilingLoad, maximumAllowedRevenue, PricingError } from '@gdx/procedures';
import { REVISIONS, type SimCommandContext } from '../../app/platform-module.js';
import { invalid, pricingProblem, refused } from './ao-access.js';
import type { AuthorizationRecord, AuthorizedOperationState, CeilingRecord } from './ao-records.js';
import { deductionForYear, pricingRules, pricingYear, yearInTerm } from './pricing-view.js';

type Sim = SimCommandContext<AuthorizedOperationState>;
const MAR_INPUTS = ['costFen', 'bondYieldBasisPoints', 'rateBasisPoints', 'taxFen'] as const;

function integer(ctx: Sim, key: string): number {
  const value = ctx.body[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw invalid(`/${key}`, 'REQUIRED', `须填写非负整数 ${key}`, `${key} is required (a non-negative integer)`);
  return value;
}


/** `set_mar`: MAR = C + C × r + T − the year's share of the previous cycle's carry-over (65号 三(一)、四). */
function marPayload(ctx: Sim, authorization: AuthorizationRecord): Record<string, unknown> {
  const year = integer(ctx, 'year');
  if (!yearInTerm(authorization, year)) throw refused('YEAR_OUTSIDE_TERM', '/year', '该年度不在授权运营期限内', 'The year lies outside the term');
  const [costFen, bondYieldBasisPoints, rateBasisPoints, taxFen] = MAR_INPUTS.map((key) => integer(ctx, key)) as [number, number, number, number];
  const rules = pricingRules(ctx.state);
  try {
    const calculation = maximumAllowedRevenue({ costFen, bondYieldBasisPoints, rateBasisPoints, taxFen, carryOverDeductionFen: deductionForYear(authorization, rules, year) }, rules);
    return { mar: { year, calculation } };
  } catch (error) {
    if (error instanceof PricingError) throw pricingProblem(error);
    throw error;
  }
}

/** `set_ceiling`: a chargeable product's ceiling, the ceilings together within the pricing year's MAR (65号 二). */
function ceilingPayload(ctx: Sim, authorization: AuthorizationRecord): Record<string, unknown> {
  const { state } = ctx;
  const productId = ctx.body.productId;
  const product = typeof productId === 'string' ? state.products.get(productId) : undefined;
  if (!product || product.authorizationId !== authorization.id) throw invalid('/productId', 'UNKNOWN_PRODUCT', '该授权运营下没有此产品', 'No product of this authorization has this id');
  if (product.content.useCategory === 'public_good') throw refused('FEE_ON_PUBLIC_GOOD', '/productId', '公共治理、公益事业类产品免费，不设收费上限', 'A public-good product is free and has no ceiling');
  if (product.content.chargingUnit === undefined) throw invalid('/productId', 'CHARGING_UNIT_REQUIRED', '该产品未填写计费单位', 'The product has no charging unit');
  const ceilingFen = integer(ctx, 'ceilingFen');
  const plannedVolume = ctx.body.plannedVolume === undefined ? (product.content.plannedVolume ?? 0) : integer(ctx, 'plannedVolume');
  const year = pricingYear(authorization, shanghaiDay(ctx.sandbox.now()));
  const mar = authorization.pricing.mar[String(year)];
  if (!mar) throw refused('MAR_NOT_SET', '/ceilingFen', `尚未核定 ${year} 年度最高准许收入`, `No MAR is set for ${year}`);
  const ceiling: CeilingRecord = { productId: product.id, ceilingFen, chargingUnit: product.content.chargingUnit, plannedVolume };
  const ceilings = [...authorization.pricing.ceilings.filter((c) => c.productId !== product.id), ceiling];
  const load = ceilingLoad(mar.marFen, ceilings);
  if (!load.withinMar) {
    throw refused('CEILING_LOAD_EXCEEDS_MAR', '/ceilingFen', `各产品收费上限与计划量之积合计 ${load.loadFen} 分，超过最高准许收入 ${mar.marFen} 分`, `The ceilings' load of ${load.loadFen} fen exceeds the MAR of ${mar.marFen} fen`);
  }
  // 书面报告 (65号 二): a ceiling set now awaits the grantor's report; one journaled before the
  // duty was tracked replays without it (its planned overdue event would shift the feed).
  return ctx.sandbox.revision() < REVISIONS.reportingDuties ? { ceiling } : { ceiling, reportDue: true };
}

/**
 * The payload of a pricing action on an authorization, checked against 65号 before the machine
 * records it: `set_mar` (`mar`), `set_ceiling` (`ceiling`). Other actions carry none (`undefined`):
 * the formal-fee decisions need a pending application, which the machine's guard checks (409
 * `NO_PENDING_APPLICATION` with the events allowed instead).
 *
 * @example
 * ```ts
 * pricingPayload(ctx, authorization); // { mar: { year: 2026, calculation: { marFen: 894000000, … } } }
 * ```
 */
export function pricingPayload(ctx: Sim, authorization: AuthorizationRecord): Record<string, unknown> | undefined {
  switch (ctx.body.action) {
    case 'set_mar':
      return marPayload(ctx, authorization);
    case 'set_ceiling':
      return ceilingPayload(ctx, authorization);
    default:
      return undefined;
  }
}
