import type { Sandbox } from '../../sandbox/sandbox.js';
import { compareKeys, decodeCursor, invalidCursor, pageByKey } from '../paging.js';
import type { PlatformModule, PlatformName } from '../platform-module.js';
import { stateLabel, type WorkflowObject } from '../workflow-objects.js';
import { actionForms } from './action-forms.js';
import { feedEventView } from './feed-event-view.js';
import { sandboxOf, type SimRoute, type SimRouteContext } from './sim-route.js';
import { timelineSteps } from './timeline-steps.js';

/** An object with the platform it belongs to. */
interface Located {
  platform: PlatformName;
  object: WorkflowObject;
}

/** Newest first; ties (one instant) by platform, type and id, so a cursor is a unique position. */
type SortKey = [number, string, string, string];

function sortKey({ platform, object }: Located): SortKey {
  return [-Date.parse(object.createdAt), platform, object.objectType, object.objectId];
}

/** The running step is overdue: its flag is set, or its due time has passed on the sandbox clock. */
function isOverdue(object: WorkflowObject, now: number): boolean {
  const { deadline } = object;
  return !object.terminal && deadline !== null && (deadline.overdue || now > Date.parse(deadline.dueAt));
}

function* everyObject(platforms: readonly PlatformModule<unknown>[], sandbox: Sandbox, only: unknown): Generator<Located> {
  for (const module of platforms) {
    if (!module.objects || (only !== undefined && module.name !== only)) continue;
    for (const object of module.objects.list(sandbox.stateOf(module.name))) yield { platform: module.name, object };
  }
}

function listObjects(ctx: SimRouteContext) {
  const sandbox = sandboxOf(ctx);
  const { query } = ctx;
  let after: SortKey | undefined;
  if (query.cursor !== undefined) {
    const key = typeof query.cursor === 'string' ? decodeCursor(query.cursor) : undefined;
    if (!key || key.length !== 4 || !Number.isSafeInteger(key[0]) || !key.slice(1).every((k) => typeof k === 'string')) {
      throw invalidCursor();
    }
    after = key as SortKey;
  }
  const now = sandbox.now();
  const rows: Located[] = [];
  for (const row of everyObject(ctx.platforms, sandbox, query.platform)) {
    const { object } = row;
    if (query.objectType !== undefined && object.objectType !== query.objectType) continue;
    if (query.state !== undefined && object.state !== query.state) continue;
    if (query.overdue !== undefined && isOverdue(object, now) !== query.overdue) continue;
    rows.push(row);
  }
  const keyed = rows.map((row) => ({ row, key: sortKey(row) })).sort((a, b) => compareKeys(a.key, b.key));
  const limit = typeof query.limit === 'number' ? query.limit : 20;
  const page = pageByKey(keyed, (k) => k.key, after, limit);
  return {
    status: 200,
    body: {
      ...page,
      items: page.items.map(({ row: { platform, object } }) => ({
        platform,
        objectType: object.objectType,
        objectId: object.objectId,
        state: object.state,
        stateLabel: stateLabel(object.label, object.state),
        title: object.title,
        createdAt: object.createdAt,
        updatedAt: object.updatedAt,
        overdue: isOverdue(object, now),
        nextDueAt: object.terminal ? null : (object.deadline?.dueAt ?? null),
      })),
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
      object: { platform: module.name, objectType: object.objectType, objectId: object.objectId, state: object.state, terminal: object.terminal },
      steps: timelineSteps(object.events(), object.label, sandbox.calendar, sandbox.now()),
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
