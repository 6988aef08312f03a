import { seedId } from './ids.js';
import type { Rng } from './prng.js';
import { startOfShanghaiDay } from '@gdx/calendar';
import type { CatalogEntry, IsoDate, OpeningPlan, OpeningPlanItem } from './types.js';

/**
 * Each provider's annual opening plans (开放计划, 厦门 第二十二条: drawn from its own catalog)
 * for the year of `asOf` and the year before. Items of the past year that were published are
 * `opened`; the rest are `planned` for a day of their year.
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
  for (const [providerId, own] of [...byProvider.entries()].sort(([a], [b]) => a.localeCompare(b))) {
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
          status: plannedOn < asOf ? 'opened' : 'planned',
        };
      });
      const first = own[0];
      if (!first) continue;
      plans.push({
        id: seedId('opp', planRng, startOfShanghaiDay(`${year}-01-15`)),
        provider: { ...first.provider },
        year,
        publishedOn: `${year}-01-15`,
        items: items.sort((a, b) => a.plannedOn.localeCompare(b.plannedOn)),
      });
    }
  }
  return plans;
}
