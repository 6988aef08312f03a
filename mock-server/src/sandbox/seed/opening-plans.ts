import { seedId } from './ids.js';
import type { Rng } from './prng.js';
import { startOfShanghaiDay } from '@gdx/calendar';
import type { CatalogEntry, IsoDate, OpeningPlan, OpeningPlanItem } from './types.js';

/**
 * The catalog domains of data "与民生紧密相关" (厦门 第二十五条: such data "应当优先纳入公共数据开放计划"):
 * the 民生 service fields the seeds name — "强化教育、健康、文旅、体育、社保等服务数字化转型…民生领域"
 * (seed 002 line 459) — as the seed's domains. A choice: the sources give no list.
 */
export const LIVELIHOOD_DOMAINS: ReadonlySet<string> = new Set(['教育', '医疗', '文化旅游', '社保']);

/**
 * Orders strings by their UTF-16 code units. Organisation ids (`org_` and Crockford base-32
 * capitals and digits) and `YYYY-MM-DD` days sort the same as by `localeCompare`, whose first call
 * loads ICU's collation (~12 ms of a `gdx-mock` start's CPU, issue 12) and whose order depends
 * on the process's locale.
 */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Each provider's annual opening plans (开放计划, 厦门 第二十五条: drawn from its own catalog)
 * for the year of `asOf` and the year before, each item planned for a day of its year; an item
 * of a livelihood domain (`LIVELIHOOD_DOMAINS`) is a `high` priority (开放重点).
 *
 * @example
 * ```ts
 * const plans = createOpeningPlans(rng.fork('plans'), entries, '2025-09-26');
 * plans.every((p) => p.year === 2024 || p.year === 2025); // true
 * ```
 */
export function createOpeningPlans(rng: Rng, entries: CatalogEntry[], asOf: IsoDate): OpeningPlan[] {
  const thisYear = Number(asOf.slice(0, 4));
  const byProvider = new Map<string, CatalogEntry[]>();
  for (const entry of entries) {
    if (entry.opening.type === 'not_open') continue;
    const list = byProvider.get(entry.provider.organizationId) ?? [];
    list.push(entry);
    byProvider.set(entry.provider.organizationId, list);
  }
  const plans: OpeningPlan[] = [];
  for (const [providerId, own] of [...byProvider.entries()].sort(([a], [b]) => byCodeUnits(a, b))) {
    for (const year of [thisYear - 1, thisYear]) {
      const planRng = rng.fork(`${providerId}:${year}`);
      const picked = planRng.sample(own, Math.min(own.length, planRng.int(2, 6)));
      const items: OpeningPlanItem[] = picked.map((entry) => {
        const plannedOn = `${year}-${String(planRng.int(3, 12)).padStart(2, '0')}-${String(planRng.int(1, 28)).padStart(2, '0')}`;
        return {
          entryId: entry.id,
          title: entry.name,
          openingType: entry.opening.type === 'open' ? 'open' : 'on_application',
          plannedOn,
          priority: LIVELIHOOD_DOMAINS.has(entry.domain) ? 'high' : 'normal',
        };
      });
      const first = own[0];
      if (!first) continue;
      plans.push({
        id: seedId('opp', planRng, startOfShanghaiDay(`${year}-01-15`)),
        provider: { ...first.provider },
        year,
        publishedOn: `${year}-01-15`,
        items: items.sort((a, b) => byCodeUnits(a.plannedOn, b.plannedOn)),
      });
    }
  }
  return plans;
}
