import type { PlatformName } from '../platform-module.js';
import { decodeCursor, invalidCursor } from '../paging.js';
import { invalidField, sandboxOf, type SimRoute } from './sim-route.js';

/** The sandbox's event feed, paged by cursor. */
export const eventRoutes: readonly SimRoute[] = [
  {
    method: 'GET', path: '/sandboxes/{sandboxId}/events', operationId: 'feedEvents', jsonBody: false,
    handler(ctx) {
      const limitRaw = ctx.query.limit ?? 20;
      const limit = Number(limitRaw);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) return invalidField(ctx, '/query/limit', 'limit must be an integer 1–200', 'limit 须为 1–200 的整数');
      let after: number | undefined;
      if (ctx.query.cursor !== undefined) {
        const key = typeof ctx.query.cursor === 'string' ? decodeCursor(ctx.query.cursor) : undefined;
        if (!key || typeof key[0] !== 'number') throw invalidCursor();
        after = key[0];
      }
      const platform = ctx.query.platform;
      if (platform !== undefined && !ctx.platforms.some((p) => p.name === platform) && !['registration', 'sharing', 'open-data', 'catalog', 'authorized-operation'].includes(String(platform))) {
        return invalidField(ctx, '/query/platform', 'platform must be registration, sharing, open-data, catalog or authorized-operation', 'platform 取值无效');
      }
      const page = sandboxOf(ctx).feed.page(after, limit, platform as PlatformName | undefined);
      return { status: 200, body: { ...page, items: page.items.map(({ recipients: _recipients, ...visible }) => visible) } };
    },
  },
];
