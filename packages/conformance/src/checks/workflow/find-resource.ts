import type { Sandbox } from '../../http/sim-client.js';
import type { CheckContext, Platform } from '../../runner/types.js';
import { missingFromSeed, readList } from '../requests.js';

/**
 * Finds the id of a public item (catalog search hit, open dataset) matching a filter in a sandbox
 * the kit created; fails the check when the lookup fails or the seed data has none.
 *
 * @example
 * ```ts
 * const resourceId = await findPublicItem(ctx, sbx, 'catalog', '/search', { sharingType: 'conditional' });
 * ```
 */
export async function findPublicItem(ctx: CheckContext, sbx: Sandbox, platform: Platform, path: string, query: Record<string, string>): Promise<string> {
  const items = await readList(ctx, sbx.http(0), platform, path, { ...query, limit: 20 }, false);
  const [key, value] = Object.entries(query)[0] ?? [];
  const hit = items.find((i) => key === undefined || i[key] === value || JSON.stringify(i).includes(`"${value}"`));
  if (!hit || typeof hit.id !== 'string') return missingFromSeed(ctx, `${platform} item with ${JSON.stringify(query)}`, `GET /${platform}/v1${path}`);
  return hit.id;
}
