import type { Sandbox } from '../../http/sim-client.js';
import type { CheckContext, Platform } from '../../runner/types.js';
import { listItems } from '../requests.js';

/**
 * Finds the id of a public item (catalog search hit, open dataset) matching a filter, skipping
 * the check when the sandbox's seed data has none.
 *
 * @example
 * ```ts
 * const resourceId = await findPublicItem(ctx, sbx, 'catalog', '/search', { sharingType: 'conditional' });
 * ```
 */
export async function findPublicItem(ctx: CheckContext, sbx: Sandbox, platform: Platform, path: string, query: Record<string, string>): Promise<string> {
  const res = await sbx.http(0).request('GET', platform, path, { sign: false, query: { ...query, limit: 20 } });
  const items = listItems(res);
  const [key, value] = Object.entries(query)[0] ?? [];
  const hit = items.find((i) => key === undefined || i[key] === value || JSON.stringify(i).includes(`"${value}"`));
  if (!hit || typeof hit.id !== 'string') return ctx.skip(`no ${platform} item with ${JSON.stringify(query)} in the sandbox`);
  return hit.id;
}
