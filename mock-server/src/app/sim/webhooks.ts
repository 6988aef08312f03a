import { formatShanghaiInstant } from '@gdx/calendar';
import type { Delivery, Webhook } from '../../sandbox/webhooks.js';
import { listPage, positionPage } from '../paging.js';
import { unknownId } from '../unknown-id.js';
import { bodyObject, invalidField, sandboxOf, type SimRoute, type SimRouteContext } from './sim-route.js';
import { eventTypesProblem } from '../../sandbox/event-types.js';
import { isHttpUrl, looselyWritten, sameUrl, undeliverable } from './webhook-url.js';

/**
 * A webhook as the simulation API shows it: everything but the secret, with its `status` and,
 * while disabled, why and since when.
 */
function webhookView({ secret: _secret, disabled, ...visible }: Webhook) {
  if (!disabled) return { ...visible, status: 'enabled' as const };
  return { ...visible, status: 'disabled' as const, disabledReason: disabled.reason, disabledAt: disabled.at, disabledByDeliveryId: disabled.deliveryId };
}

/** The 404 of a webhook or delivery the sandbox does not hold, pointing at the path parameter that named it. */
function notFound(ctx: SimRouteContext, param: 'webhookId' | 'deliveryId') {
  const id = ctx.params[param] ?? '';
  const what = param === 'webhookId' ? { en: 'webhook', zh: '回调' } : { en: 'webhook delivery', zh: '回调投递' };
  return ctx.problem('NOT_FOUND', unknownId(`/path/${param}`, what, id, `sandbox ${sandboxOf(ctx).id} has no ${what.en} ${id}`));
}

/** Webhook subscriptions per organisation and the delivery log. */
export const webhookRoutes: readonly SimRoute[] = [
  {
    method: 'POST', path: '/sandboxes/{sandboxId}/webhooks', operationId: 'createWebhook', jsonBody: true,
    handler(ctx) {
      const sandbox = sandboxOf(ctx);
      const body = bodyObject(ctx);
      if (!body || typeof body.organizationId !== 'string' || !sandbox.organisation(body.organizationId)) {
        return invalidField(ctx, '/organizationId', 'organizationId must name an organisation of the sandbox', 'organizationId 须为本沙箱的机构');
      }
      if (!isHttpUrl(body.url)) return invalidField(ctx, '/url', 'url must be an http(s) URL', 'url 须为 http(s) 地址');
      // A URL the parser had to repair (`http:/x`) names a host nobody meant, and one with
      // credentials fails every delivery. A replayed create was answered 201 before these
      // checks: it is taken as it was (only answers below 400 are journaled, so no refusal replays).
      const refused = ctx.replaying ? undefined : (looselyWritten(body.url) ?? undeliverable(body.url));
      if (refused) return invalidField(ctx, '/url', refused.en, refused.zh);
      if (typeof body.secret !== 'string' || body.secret.length < 16 || body.secret.length > 256) return invalidField(ctx, '/secret', 'secret must be 16–256 characters', 'secret 须为 16–256 个字符');
      // A blank secret signs every delivery with a key anyone can guess (also not checked on replay).
      if (!ctx.replaying && body.secret.trim() === '') return invalidField(ctx, '/secret', 'secret must not be blank (white space only)', 'secret 不得全为空白字符');
      const types = body.eventTypes ?? [];
      if (!Array.isArray(types) || !types.every((t) => typeof t === 'string')) return invalidField(ctx, '/eventTypes', 'eventTypes must be an array of strings', 'eventTypes 须为字符串数组');
      // An unknown type would silently receive nothing, a repeated one is a mistake of the caller.
      // A replayed create was answered 201 before this check: it is taken as it was.
      const badType = ctx.replaying ? undefined : eventTypesProblem(types as string[], ctx.platforms.flatMap((p) => p.eventTypes ?? []));
      if (badType) return invalidField(ctx, `/eventTypes/${badType.index}`, badType.en, badType.zh);
      // A second webhook on the same URL would receive every event again (GitHub refuses it too).
      // Replayed creates were answered 201 before this check: both are taken as they were.
      const existing = ctx.replaying ? undefined : sandbox.webhooks.list().find((h) => h.organizationId === body.organizationId && sameUrl(h.url, body.url as string));
      if (existing) {
        return ctx.problem('CONFLICT', {
          detail: `该机构已有订阅此地址的回调 ${existing.id} / organisation ${existing.organizationId} already has webhook ${existing.id} on this URL`,
          extensions: { existingWebhookId: existing.id },
        });
      }
      // After the body's checks, so a bad request is told what is wrong with it. Not while replaying:
      // the subscription was acknowledged, and a lower limit given since must not drop it.
      const used = sandbox.webhooks.size;
      const limit = sandbox.maxWebhooks;
      if (!ctx.replaying && used >= limit) {
        return ctx.problem('WEBHOOK_LIMIT_REACHED', { detail: `sandbox ${sandbox.id} holds ${used} webhooks, its limit (--max-webhooks): delete one no longer used`, extensions: { limit, used } });
      }
      const hook = { id: sandbox.ids.next('whk'), organizationId: body.organizationId, url: body.url, secret: body.secret, eventTypes: types as string[], createdAt: formatShanghaiInstant(sandbox.now()) };
      sandbox.webhooks.add(hook);
      return { status: 201, body: webhookView(hook), location: `/sandboxes/${sandbox.id}/webhooks/${hook.id}` };
    },
  },
  {
    method: 'GET', path: '/sandboxes/{sandboxId}/webhooks', operationId: 'listWebhooks', jsonBody: false,
    handler(ctx) {
      return { status: 200, body: listPage(ctx, sandboxOf(ctx).webhooks.list(), ['integer', 'string'], (hook) => [Date.parse(hook.createdAt), hook.id], webhookView) };
    },
  },
  {
    method: 'GET', path: '/sandboxes/{sandboxId}/webhooks/{webhookId}', operationId: 'getWebhook', jsonBody: false,
    handler(ctx) {
      const hook = sandboxOf(ctx).webhooks.get(ctx.params.webhookId ?? '');
      return hook ? { status: 200, body: webhookView(hook) } : notFound(ctx, 'webhookId');
    },
  },
  {
    method: 'POST', path: '/sandboxes/{sandboxId}/webhooks/{webhookId}/enable', operationId: 'enableWebhook', jsonBody: false,
    handler(ctx) {
      const hook = sandboxOf(ctx).webhooks.enable(ctx.params.webhookId ?? '');
      return hook ? { status: 200, body: webhookView(hook) } : notFound(ctx, 'webhookId');
    },
  },
  {
    method: 'DELETE', path: '/sandboxes/{sandboxId}/webhooks/{webhookId}', operationId: 'deleteWebhook', jsonBody: false,
    handler: (ctx) => (sandboxOf(ctx).webhooks.remove(ctx.params.webhookId ?? '') ? { status: 204 } : notFound(ctx, 'webhookId')),
  },
  {
    method: 'POST', path: '/sandboxes/{sandboxId}/webhooks/deliveries/{deliveryId}/redeliver', operationId: 'redeliverWebhookDelivery', jsonBody: false,
    handler(ctx) {
      const result = sandboxOf(ctx).redeliver(ctx.params.deliveryId ?? '');
      if ('delivery' in result) return { status: 202, body: result.delivery };
      switch (result.reason) {
        case 'not_found':
          return notFound(ctx, 'deliveryId');
        case 'not_failed':
          return ctx.problem('CONFLICT', {
            detail: `只能重新投递失败（failed）的投递 / only a failed delivery is sent again; this one is ${result.state}`,
            extensions: { currentState: result.state },
          });
        case 'webhook_deleted':
          return ctx.problem('CONFLICT', { detail: '该投递的回调已取消订阅 / the delivery\'s webhook was deleted' });
        case 'webhook_disabled':
          return ctx.problem('CONFLICT', { detail: '该投递的回调已停用，请先启用（POST …/webhooks/{webhookId}/enable）/ the delivery\'s webhook is disabled: enable it first (POST …/webhooks/{webhookId}/enable)' });
        case 'not_kept':
          return ctx.problem('CONFLICT', { detail: '该投递失败于旧版本，其内容未保留 / the delivery failed under an older version, which did not keep its body' });
      }
    },
  },
  {
    method: 'GET', path: '/sandboxes/{sandboxId}/webhooks/deliveries', operationId: 'listWebhookDeliveries', jsonBody: false,
    handler(ctx) {
      // The log only grows (a reset starts a new sandbox), so a delivery's position is a stable key,
      // and the log is already in its order: a page is read by position, not by copying the log.
      const { webhooks } = sandboxOf(ctx);
      const { webhookId, state } = ctx.query as { webhookId?: string; state?: Delivery['state'] };
      const order = ctx.query.order ?? 'asc';
      if (order !== 'asc' && order !== 'desc') return invalidField(ctx, '/query/order', 'order must be asc or desc', 'order 取值须为 asc 或 desc');
      if (webhookId === undefined && state === undefined) {
        return { status: 200, body: positionPage(ctx, webhooks.deliveryCount, (position) => webhooks.deliveryAt(position) as Delivery, undefined, order) };
      }
      // A filtered page walks the log once; the cursor is still a log position.
      const positions = webhooks.positionsWhere({ ...(webhookId !== undefined ? { webhookId } : {}), ...(state !== undefined ? { state } : {}) });
      return { status: 200, body: positionPage(ctx, positions.length, (index) => webhooks.deliveryAt(positions[index] as number) as Delivery, (index) => positions[index] as number, order) };
    },
  },
];
