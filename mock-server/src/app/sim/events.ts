import { DESC } from '../../sandbox/event-feed.js';
import type { PlatformName } from '../platform-module.js';
import { bindCursor, checkCursorQuery, decodeCursor, invalidCursor, isSeq } from '../paging.js';
import { feedEventViews } from './feed-event-view.js';
import { invalidField, sandboxOf, type SimRoute, type SimRouteContext } from './sim-route.js';

/**
 * The position a `?cursor=` names for the `order` asked: `[seq]` pages oldest first (the last seq
 * read, or `clock/advance`'s `eventsCursor`, the feed's size then: a whole number from 0),
 * `[seq, 'desc']` newest first (the last seq read: from 1). A cursor of the other order, or one no
 * page makes (`-5`, `1.5`), is refused rather than read as a position in this one (it would
 * silently skip or repeat events); so is one a page of other filters made (`checkCursorQuery`),
 * after the order is checked, whose refusal says more. `eventsCursor` is bound to no query.
 */
function positionOf(ctx: SimRouteContext, newestFirst: boolean): number | undefined {
  if (ctx.query.cursor === undefined) return undefined;
  const key = typeof ctx.query.cursor === 'string' ? decodeCursor(ctx.query.cursor) : undefined;
  if (!key || typeof key[0] !== 'number') throw invalidCursor(ctx.query.cursor);
  if (!isSeq(key[0], key[1] === DESC ? 1 : 0)) throw invalidCursor(ctx.query.cursor);
  const marked = key.length === 2 && key[1] === DESC;
  if (key.length > (marked ? 2 : 1)) throw invalidCursor(ctx.query.cursor);
  if (marked !== newestFirst) {
    throw invalidCursor(
      ctx.query.cursor,
      newestFirst
        ? { zh: '该游标用于正序分页，请去掉 order=desc 或重新从第一页读取', en: 'The cursor pages oldest first: leave out order=desc, or start again from the first page' }
        : { zh: '该游标用于倒序分页，请同时传 order=desc', en: 'The cursor pages newest first: send order=desc with it' },
    );
  }
  checkCursorQuery(ctx);
  return key[0];
}

/** The sandbox's event feed, paged by cursor, oldest or newest first. */
export const eventRoutes: readonly SimRoute[] = [
  {
    method: 'GET', path: '/sandboxes/{sandboxId}/events', operationId: 'feedEvents', jsonBody: false,
    handler(ctx) {
      const limitRaw = ctx.query.limit ?? 20;
      const limit = Number(limitRaw);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) return invalidField(ctx, '/query/limit', 'limit must be an integer 1–200', 'limit 须为 1–200 的整数');
      const order = ctx.query.order ?? 'asc';
      if (order !== 'asc' && order !== 'desc') return invalidField(ctx, '/query/order', 'order must be asc or desc', 'order 取值须为 asc 或 desc');
      const position = positionOf(ctx, order === 'desc');
      const platform = ctx.query.platform;
      if (platform !== undefined && !ctx.platforms.some((p) => p.name === platform) && !['registration', 'sharing', 'open-data', 'catalog', 'authorized-operation'].includes(String(platform))) {
        return invalidField(ctx, '/query/platform', 'platform must be registration, sharing, open-data, catalog or authorized-operation', 'platform 取值无效');
      }
      const sandbox = sandboxOf(ctx);
      const recipient = ctx.query.organizationId;
      if (recipient !== undefined && (typeof recipient !== 'string' || !sandbox.organisation(recipient))) {
        return invalidField(ctx, '/query/organizationId', 'organizationId must name an organisation of the sandbox', 'organizationId 须为本沙箱的机构');
      }
      const only = platform as PlatformName | undefined;
      const page = order === 'desc' ? sandbox.feed.pageNewestFirst(position, limit, only, recipient) : sandbox.feed.page(position, limit, only, recipient);
      return { status: 200, body: { items: feedEventViews(page.items, sandbox), nextCursor: bindCursor(page.nextCursor, ctx), total: page.total } };
    },
  },
];
