import { fen } from './integer-money.js';
import { PricingError } from './pricing-error.js';

/** Price complaints of 发改价格〔2025〕65号 五 ("定价过高、社会反映强烈"). */
export type PriceFlag = 'FEE_ABOVE_CEILING' | 'FEE_ON_PUBLIC_GOOD' | 'FEE_NOT_DISPLAYED';

/**
 * Whether the ceilings fit within MAR (65号 二): Σ ceiling × planned volume ≤ MAR. A load beyond
 * `Number.MAX_SAFE_INTEGER` 分 is refused as `INVALID_AMOUNT`.
 *
 * @example
 * ceilingLoad(894_000_000, [{ ceilingFen: 50_000, plannedVolume: 17_880 }]); // { loadFen: 894_000_000, withinMar: true }
 */
export function ceilingLoad(marFen: number, ceilings: readonly { ceilingFen: number; plannedVolume: number }[]): { loadFen: number; withinMar: boolean } {
  fen(marFen, 'marFen', Number.MAX_SAFE_INTEGER);
  let load = 0n;
  ceilings.forEach((c, i) => {
    if (!Number.isSafeInteger(c.plannedVolume) || c.plannedVolume < 0) {
      throw new PricingError('INVALID_AMOUNT', `ceilings/${i}/plannedVolume`, '计划量须为非负整数', 'the planned volume must be a non-negative integer');
    }
    load += BigInt(fen(c.ceilingFen, `ceilings/${i}/ceilingFen`)) * BigInt(c.plannedVolume);
  });
  if (load > BigInt(Number.MAX_SAFE_INTEGER)) throw new PricingError('INVALID_AMOUNT', 'ceilings', '收费上限与计划量之积超出范围', 'the ceiling load exceeds the largest exact integer');
  return { loadFen: Number(load), withinMar: load <= BigInt(marFen) };
}

/** A product's fee situation: its use category, the grantor's ceiling and the operator's fee. */
export interface FeeSituation {
  useCategory: 'public_good' | 'industry';
  /** The ceiling per charging unit, `null` before the grantor set one. */
  ceilingFen: number | null;
  actualFen: number;
  /** Published to enterprises before charging (65号 五). */
  displayed: boolean;
}

/**
 * Checks an actual fee (65号 一、二、五): `refusal` is why setting it is refused — `FEE_ON_PUBLIC_GOOD`
 * (a `public_good` product is free), `CEILING_NOT_SET`, `FEE_ABOVE_CEILING` — or `null`; `flags` are
 * the price-complaint flags the situation raises (also for a fee already in force, e.g. after the
 * ceiling was lowered, or a fee charged without being displayed).
 *
 * @example
 * assessFee({ useCategory: 'industry', ceilingFen: 50_000, actualFen: 45_000, displayed: true }); // { refusal: null, flags: [] }
 * assessFee({ useCategory: 'industry', ceilingFen: 40_000, actualFen: 45_000, displayed: false });
 * // { refusal: 'FEE_ABOVE_CEILING', flags: ['FEE_ABOVE_CEILING', 'FEE_NOT_DISPLAYED'] }
 */
export function assessFee(fee: FeeSituation): { refusal: 'FEE_ON_PUBLIC_GOOD' | 'CEILING_NOT_SET' | 'FEE_ABOVE_CEILING' | null; flags: PriceFlag[] } {
  const actual = fen(fee.actualFen, 'actualFen');
  const ceiling = fee.ceilingFen === null ? null : fen(fee.ceilingFen, 'ceilingFen');
  const flags: PriceFlag[] = [];
  if (fee.useCategory === 'public_good' && actual > 0) flags.push('FEE_ON_PUBLIC_GOOD');
  if (ceiling !== null && actual > ceiling) flags.push('FEE_ABOVE_CEILING');
  if (actual > 0 && !fee.displayed) flags.push('FEE_NOT_DISPLAYED');
  const refusal =
    fee.useCategory === 'public_good'
      ? actual > 0 ? 'FEE_ON_PUBLIC_GOOD' : null
      : ceiling === null ? 'CEILING_NOT_SET' : actual > ceiling ? 'FEE_ABOVE_CEILING' : null;
  return { refusal, flags };
}
