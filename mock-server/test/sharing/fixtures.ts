import type { CatalogEntry } from '../../src/sandbox/seed/types.js';
import type { World } from '../support/world.js';

/** The requesting agency of the sharing tests (民政局, a data user). */
export const REQUESTER = 'civil-affairs';

/** A published resource of another provider with the given sharing type. */
export function entryOf(world: World, type: CatalogEntry['sharing']['type']): CatalogEntry {
  const requester = world.org(REQUESTER).id;
  const entry = world.seed.catalogEntries.find((e) => e.state === 'published' && e.sharing.type === type && e.provider.organizationId !== requester && e.items.length > 1);
  if (!entry) throw new Error(`no ${type} entry in the seed`);
  return entry;
}

/** A valid request body for an entry (its own fields, condition and delivery method). */
export function requestBody(entry: CatalogEntry, overrides: Record<string, unknown> = {}) {
  return {
    entryId: entry.id,
    scenario: { name: '低保资格核查', description: '核查申请人家庭情况' },
    purpose: '最低生活保障资格审核',
    fields: entry.items.slice(0, 2).map((i) => i.name),
    deliveryMethod: entry.sharing.deliveryMethods[0] ?? 'api',
    periodOfUse: { from: '2025-10-01', to: '2026-09-30' },
    securityMeasures: '专网访问，调用日志留存 6 个月。',
    ...(entry.sharing.type === 'conditional' ? { condition: entry.sharing.conditions[0] } : {}),
    ...overrides,
  };
}
