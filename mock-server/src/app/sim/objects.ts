import { bindCursor, checkCursorQuery, decodeCursor, encodeCursor, invalidCursor } from '../paging.js';
import type { PlatformModule, PlatformName } from '../platform-module.js';
import { Smallest } from '../smallest.js';
import { objectRow, stateLabel, type ObjectRow } from '../workflow-objects.js';
import { actionForms } from './action-forms.js';
import { feedEventView } from './feed-event-view.js';
import { dutyOverdue, nextDueAt, objectOverdue, stepOverdue } from './object-due.js';
import { sandboxOf, type SimRoute, type SimRouteContext } from './sim-route.js';
import { timelineDuty, timelineSteps } from './timeline-steps.js';

/** A row of the objects list with its place in the list's order (`time` is `-Date.parse(createdAt)`). */
interface Placed {
  time: number;
  platform: PlatformName;
  row: Pick<ObjectRow, 'objectType' | 'objectId'>;
}

/** Newest first; ties (one instant) by platform, type and id, so a cursor is a unique position. */
type SortKey = [number, string, string, string];

function sortKey({ time, platform, row }: Placed): SortKey {
  return [time, platform, row.objectType, row.objectId];
}

/** One member of the key, as `compareKeys` orders it. */
function order<T extends string | number>(x: T, y: T): number {
  return x === y ? 0 : x < y ? -1 : 1;
}

/** The order of `sortKey` (as `compareKeys` orders the keys), without building a key per comparison. */
function byPlace(a: Placed, b: Placed): number {
  return order(a.time, b.time) || order(a.platform, b.platform) || order(a.row.objectType, b.row.objectType) || order(a.row.objectId, b.row.objectId);
}

/** The row's object is overdue (`objectOverdue`), its duties computed only when its step is not and it has any. */
function rowOverdue(row: ObjectRow, now: number): boolean {
  return stepOverdue(row.terminal, row.deadline(), now) || (row.duties !== undefined && row.duties().some((duty) => dutyOverdue(duty, now)));
}

/** A platform's objects as rows: its own `rows`, else each object of `list` (built whole). */
function* rowsOf(module: PlatformModule<unknown>, state: unknown): Generator<ObjectRow> {
  const { objects } = module;
  if (!objects) return;
  if (objects.rows) {
    yield* objects.rows(state);
    return;
  }
  for (const object of objects.list(state)) yield objectRow(object);
}

/**
 * A page of every platform's objects, newest first. Only the rows are read to filter and place
 * (no titles or labels), the page's `limit` first after the cursor are kept in a bounded heap
 * instead of sorting every match, and only they are built whole: a page answers as one read
 * from the whole sorted list would (`pageByKey`), at O(n log limit) and `limit` objects built.
 */
function listObjects(ctx: SimRouteContext) {
  const sandbox = sandboxOf(ctx);
  const { query } = ctx;
  let after: Placed | undefined;
  if (query.cursor !== undefined) {
    const key = typeof query.cursor === 'string' ? decodeCursor(query.cursor) : undefined;
    if (!key || key.length !== 4 || !Number.isSafeInteger(key[0]) || !key.slice(1).every((k) => typeof k === 'string')) {
      throw invalidCursor(ctx.query.cursor);
    }
    checkCursorQuery(ctx);
    const [time, platform, objectType, objectId] = key as SortKey;
    after = { time, platform: platform as PlatformName, row: { objectType, objectId } };
  }
  const limit = typeof query.limit === 'number' ? query.limit : 20;
  const now = sandbox.now();
  const first = new Smallest<Placed & { row: ObjectRow }>(limit, byPlace);
  let total = 0;
  let following = 0;
  for (const module of ctx.platforms) {
    if (query.platform !== undefined && module.name !== query.platform) continue;
    for (const row of rowsOf(module, sandbox.stateOf(module.name))) {
      if (query.objectType !== undefined && row.objectType !== query.objectType) continue;
      if (query.state !== undefined && row.state !== query.state) continue;
      if (query.overdue !== undefined && rowOverdue(row, now) !== query.overdue) continue;
      total += 1;
      const placed = { time: -Date.parse(row.createdAt), platform: module.name, row };
      if (after && byPlace(placed, after) <= 0) continue;
      following += 1;
      first.offer(placed);
    }
  }
  const page = first.sorted();
  const last = page.at(-1);
  return {
    status: 200,
    body: {
      items: page.map(({ platform, row }) => {
        const object = row.object();
        const duties = object.duties?.() ?? [];
        return {
          platform,
          objectType: object.objectType,
          objectId: object.objectId,
          state: object.state,
          stateLabel: stateLabel(object.label, object.state),
          title: object.title,
          createdAt: object.createdAt,
          updatedAt: object.updatedAt,
          overdue: objectOverdue(object.terminal, object.deadline, duties, now),
          nextDueAt: nextDueAt(object.terminal, object.deadline, duties),
        };
      }),
      nextCursor: following > limit && last !== undefined ? bindCursor(encodeCursor(sortKey(last)), ctx) : null,
      total,
    },
  };
}

function objectTimeline(ctx: SimRouteContext) {
  const sandbox = sandboxOf(ctx);
  const { platform, objectType = '', objectId = '' } = ctx.params;
  const module = ctx.platforms.find((p) => p.name === platform);
  const object = module?.objects?.get(sandbox.stateOf(module.name), objectType, objectId);
  if (!module || !object) {
    return ctx.problem('NOT_FOUND', {
      detail: `no ${objectType} ${objectId} on the ${String(platform)} platform of sandbox ${sandbox.id}`,
      errors: [{ pointer: '/path/objectId', code: 'OBJECT_NOT_FOUND', message: { zh: `沙箱中没有该对象：${platform} ${objectType} ${objectId}`, en: `No such object in the sandbox: ${platform} ${objectType} ${objectId}` } }],
    });
  }
  return {
    status: 200,
    body: {
      object: { platform: module.name, objectType: object.objectType, objectId: object.objectId, state: object.state, title: object.title, terminal: object.terminal },
      steps: timelineSteps(object.events(), object.label, sandbox.calendar, sandbox.now()),
      duties: (object.duties?.() ?? []).map((duty) => timelineDuty(duty, sandbox.calendar, sandbox.now())),
      events: sandbox.feed.ofObject(module.name, object.objectType, object.objectId).map((entry) => feedEventView(entry, object.label)),
      allowedActions: object.terminal ? [] : actionForms(object.actions(), module.name),
    },
  };
}

/** The workflow objects of every platform, and one object's timeline (steps, events, allowed actions). */
export const objectRoutes: readonly SimRoute[] = [
  { method: 'GET', path: '/sandboxes/{sandboxId}/objects', operationId: 'listObjects', jsonBody: false, handler: listObjects },
  { method: 'GET', path: '/sandboxes/{sandboxId}/objects/{platform}/{objectType}/{objectId}/timeline', operationId: 'getObjectTimeline', jsonBody: false, handler: objectTimeline },
];
