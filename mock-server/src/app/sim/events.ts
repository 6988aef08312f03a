import { decodeCursor } from '../paging.js';
import { invalidField, sandboxOf, type SimRoute } from './sim-route.js';

/** The sandbox's event feed, paged by cursor. */
export const eventRoutes: readonly SimRoute[] = [
  {
    method: 'GET', path: '/sandboxes/{sandboxId}/events', operationId: 'listEvents', jsonBody: false,
    handler(ctx) {
      const limitRaw = ctx.query.limit ?? 20;
      const limit = Number(limitRaw);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) return invalidField(ctx, '/query/limit', 'limit must be an integer 1–200', 'limit 须为 1–200 的整数');
      let after: number | undefined;
      if (ctx.query.cursor !== undefined) {
        const key = typeof ctx.query.cursor === 'string' ? decodeCursor(ctx.query.cursor) : undefined;
        if (!key || typeof key[0] !== 'number') return ctx.problem('INVALID_CURSOR', { errors: [{ pointer: '/query/cursor', code: 'INVALID_CURSOR', message: { zh: '分页游标无效', en: 'The cursor is invalid' } }] });
        after = key[0];
      }
      return { status: 200, body: sandboxOf(ctx).feed.page(after, limit) };
    },
  },
];
