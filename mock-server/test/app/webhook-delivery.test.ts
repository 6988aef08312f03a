import { verifyWebhookSignature, WEBHOOK_HEADERS } from '@gdx/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/index.js';
import { expectContract } from '../support/contract.js';
import { IN_PROCESS, org, useMock, type MockContext } from '../support/harness.js';
import { startReceiver } from '../support/webhook-receiver.js';

const SECRET = 'whsec-0123456789abcdef';

/** The delivery log once no delivery is pending (a retry waits on a real timer: polled). */
async function settledLog(ctx: MockContext): Promise<Delivery[]> {
  for (;;) {
    await ctx.app.idle();
    const reply = await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks/deliveries');
    expectContract('simulation', 'listWebhookDeliveries', reply, 200);
    const log = reply.body.items as Delivery[];
    if (log.length > 0 && log.every((d) => d.state !== 'pending')) return log;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('webhook delivery attempts', () => {
  const ctx = useMock(IN_PROCESS, { webhooks: { baseDelayMs: 1, maxAttempts: 2 } });
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  /** Subscribes `url`, emits one event of the subscribed organisation, and waits for its delivery to settle. */
  const deliverOne = async (url: string): Promise<Delivery> => {
    const hook = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url, secret: SECRET } });
    expect(hook.status).toBe(201);
    await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'hooked' }, as: org(ctx) });
    const [delivery] = await settledLog(ctx);
    return delivery!;
  };

  it.each([301, 302, 303, 307, 308])('does not follow a %i redirect: the attempt fails with that status', async (status) => {
    const receiver = await startReceiver((path, res) => {
      if (path === '/hook') res.writeHead(status, { location: '/elsewhere' }).end();
      else res.writeHead(204).end();
    });
    stops.push(receiver.stop);
    const delivery = await deliverOne(`${receiver.origin}/hook`);
    // Following it would turn a 301/302/303 into a GET without the body, answered 204: the event
    // lost, and the log saying delivered.
    expect(delivery).toMatchObject({ state: 'failed', attempts: [{ status }, { status }] });
    expect(receiver.received.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /hook', 'POST /hook']);
  });

  it('fails a delivery answered 410 Gone at once, saying so, and disables the webhook (see webhook-gone.test.ts)', async () => {
    const receiver = await startReceiver((_path, res) => res.writeHead(410).end());
    stops.push(receiver.stop);
    const delivery = await deliverOne(`${receiver.origin}/hook`);
    expect(delivery).toMatchObject({ state: 'failed', attempts: [{ status: 410, error: expect.stringContaining('not retried') }] });
    expect(delivery.attempts).toHaveLength(1);
    expect(receiver.received).toHaveLength(1);
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks')).body.items).toMatchObject([{ status: 'disabled', disabledReason: 'gone' }]);
  });

  it('names the network error of an attempt, not just "fetch failed"', async () => {
    const receiver = await startReceiver((_path, res) => res.writeHead(204).end());
    await receiver.stop();
    const delivery = await deliverOne(`${receiver.origin}/hook`);
    expect(delivery.state).toBe('failed');
    expect(delivery.attempts).toHaveLength(2);
    for (const attempt of delivery.attempts) expect(attempt.error).toMatch(/ECONNREFUSED/);
  });
});

/** A receiver behind an injected fetch that answers only when the test says so, oldest request first. */
function heldReceiver() {
  const sent: string[] = [];
  const unanswered: ((response: Response) => void)[] = [];
  let most = 0;
  const fetch: typeof globalThis.fetch = (_url, init) =>
    new Promise<Response>((resolve) => {
      sent.push(new Headers(init?.headers).get(WEBHOOK_HEADERS.deliveryId) ?? '(none)');
      unanswered.push(resolve);
      most = Math.max(most, unanswered.length);
    });
  return {
    fetch,
    /** Delivery ids of the requests sent, in the order they were sent. */
    sent,
    /** Requests in flight. */
    inFlight: () => unanswered.length,
    /** The most requests that were in flight at once. */
    most: () => most,
    answerOldest: (status = 204) => unanswered.shift()?.(new Response(null, { status })),
  };
}

/** Lets every queued callback and promise of the app run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('webhook deliveries in flight', () => {
  const held = heldReceiver();
  const ctx = useMock(IN_PROCESS, { webhooks: { fetch: held.fetch, baseDelayMs: 1, maxAttempts: 2, concurrency: 3 } });

  it('sends at most `concurrency` attempts per webhook at once, the rest in log order as room frees', async () => {
    const hooks = [];
    for (const url of ['http://receiver.test/hook', 'http://other.test/hook']) {
      hooks.push((await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url, secret: SECRET } })).body.id);
    }
    for (let i = 0; i < 10; i++) await ctx.call('POST', '/sharing/v1/notes', { body: { text: `note ${i}` }, as: org(ctx) });
    await settle();
    // Ten events, two webhooks: three attempts of each in flight, the other fourteen wait.
    expect(held.inFlight()).toBe(6);
    while (held.inFlight() > 0) {
      held.answerOldest();
      await settle();
    }
    await ctx.app.idle();
    expect(held.most()).toBe(6);
    const log = (await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks/deliveries?limit=100')).body.items as Delivery[];
    expect(log).toHaveLength(20);
    expect(log.filter((d) => d.state === 'delivered' && d.attempts.length === 1)).toHaveLength(20);
    // Each webhook's deliveries went out in the order of the log (the order of the events).
    for (const id of hooks) {
      const ofHook = log.filter((d) => d.webhookId === id).map((d) => d.id);
      expect(held.sent.filter((d) => ofHook.includes(d))).toEqual(ofHook);
    }
  });
});

describe('a delivery waiting for its retry', () => {
  const held = heldReceiver();
  const ctx = useMock(IN_PROCESS, { webhooks: { fetch: held.fetch, baseDelayMs: 60_000, maxAttempts: 3 } });

  it('says when its next attempt is due (nextAttemptAt, wall time with milliseconds), and not before its first attempt', async () => {
    await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url: 'http://receiver.test/hook', secret: SECRET } });
    await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'hooked' }, as: org(ctx) });
    await settle();
    const read = async () => {
      const reply = await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks/deliveries');
      expectContract('simulation', 'listWebhookDeliveries', reply, 200);
      return (reply.body.items as Delivery[])[0]!;
    };
    expect(await read()).not.toHaveProperty('nextAttemptAt');
    held.answerOldest(500);
    await settle();
    const answered = Date.now();
    const waiting = await read();
    expect(waiting).toMatchObject({ state: 'pending', attempts: [{ status: 500 }] });
    expect(waiting.nextAttemptAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+08:00$/);
    // The backoff (60 s) counts from the answer to the first attempt.
    const due = Date.parse(waiting.nextAttemptAt!);
    expect(due).toBeGreaterThanOrEqual(Date.parse(waiting.attempts[0]!.at) + 60_000);
    expect(due).toBeLessThanOrEqual(answered + 60_000);
  });
});

describe('deleting a webhook', () => {
  const held = heldReceiver();
  const ctx = useMock(IN_PROCESS, { webhooks: { fetch: held.fetch, baseDelayMs: 1, maxAttempts: 5, concurrency: 1 } });

  it('stops its deliveries: those not settled are cancelled and never sent again', async () => {
    const hook = (await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url: 'http://receiver.test/hook', secret: SECRET } })).body;
    for (let i = 0; i < 3; i++) await ctx.call('POST', '/sharing/v1/notes', { body: { text: `note ${i}` }, as: org(ctx) });
    await settle();
    held.answerOldest(); // dlv_1_1 delivered; dlv_1_2 is then in flight, dlv_1_3 waits its turn
    await settle();
    expect(held.sent).toEqual(['dlv_1_1', 'dlv_1_2']);

    expect((await ctx.call('DELETE', `/_sim/v1/sandboxes/default/webhooks/${hook.id}`)).status).toBe(204);
    while (held.inFlight() > 0) {
      held.answerOldest();
      await settle();
    }
    await ctx.app.idle();
    const reply = await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks/deliveries');
    expectContract('simulation', 'listWebhookDeliveries', reply, 200);
    // The attempt in flight at the delete may have reached the receiver; it is not logged.
    expect((reply.body.items as Delivery[]).map((d) => [d.id, d.state, d.attempts.length])).toEqual([
      ['dlv_1_1', 'delivered', 1],
      ['dlv_1_2', 'cancelled', 0],
      ['dlv_1_3', 'cancelled', 0],
    ]);
    expect(held.sent).toEqual(['dlv_1_1', 'dlv_1_2']);
  });
});

describe('subscribing a webhook', () => {
  const ctx = useMock(IN_PROCESS);

  it.each(['http://user:pass@receiver.test/hook', 'https://user@receiver.test/hook', 'http://:pass@receiver.test/hook'])('refuses a URL with credentials, %s, at /url, creating nothing', async (url) => {
    const reply = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url, secret: SECRET } });
    expectContract('simulation', 'createWebhook', reply, 400);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/url', code: 'INVALID', message: { zh: expect.stringContaining('用户名或密码'), en: expect.stringContaining('user name or password') } }] });
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks')).body.items).toEqual([]);
  });

  it.each(['http://127.0.0.1:0/hook', 'https://receiver.test:0/hook'])('refuses %s, a port nothing listens on, at /url, creating nothing', async (url) => {
    const reply = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url, secret: SECRET } });
    expectContract('simulation', 'createWebhook', reply, 400);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/url', message: { zh: expect.stringContaining('0 端口'), en: expect.stringContaining('port 0') } }] });
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks')).body.items).toEqual([]);
  });

  it.each(['http:/receiver.test/hook', 'https:receiver.test/hook', 'HTTP:/receiver.test/hook'])('refuses %s, which the URL parser would repair, at /url', async (url) => {
    const reply = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url, secret: SECRET } });
    expectContract('simulation', 'createWebhook', reply, 400);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/url', message: { en: expect.stringContaining('http:// or https://'), zh: expect.stringContaining('http://') } }] });
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks')).body.items).toEqual([]);
  });

  it.each([' '.repeat(19), '\t\n'.repeat(8) + '  '])('refuses a blank secret %j at /secret', async (secret) => {
    const reply = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url: 'http://receiver.test/hook', secret } });
    expectContract('simulation', 'createWebhook', reply, 400);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: '/secret', message: { en: expect.stringContaining('blank'), zh: expect.stringContaining('空白') } }] });
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks')).body.items).toEqual([]);
  });

  it.each([
    [['nonsense'], 0, 'unknown event type'],
    [['state_changed', ''], 1, 'unknown event type'],
    [['state_changed', 'deadline_overdue', 'state_changed'], 2, 'listed twice'],
  ])('refuses eventTypes %j at /eventTypes/%i, creating nothing', async (eventTypes, index, why) => {
    const reply = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url: 'http://receiver.test/hook', secret: SECRET, eventTypes } });
    expectContract('simulation', 'createWebhook', reply, 400);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer: `/eventTypes/${index}`, code: 'INVALID', message: { en: expect.stringContaining(why), zh: expect.stringContaining('事件类型') } }] });
    if (why === 'unknown event type') expect(reply.body.errors[0].message.en).toContain('known types: access_resumed, access_suspended, action_blocked, ');
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks')).body.items).toEqual([]);
  });

  it('takes the event types a mounted platform adds (the test platform\'s `created`), and delivers them', async () => {
    const receiver = await startReceiver((_path, res) => res.writeHead(204).end());
    try {
      const reply = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url: `${receiver.origin}/hook`, secret: SECRET, eventTypes: ['created'] } });
      expectContract('simulation', 'createWebhook', reply, 201);
      await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'hooked' }, as: org(ctx) });
      await ctx.app.idle();
      expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(['created']);
    } finally {
      await receiver.stop();
    }
  });

  it('takes known event types', async () => {
    const reply = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url: 'http://receiver.test/hook', secret: SECRET, eventTypes: ['state_changed', 'deadline_overdue'] } });
    expectContract('simulation', 'createWebhook', reply, 201);
    expect(reply.body.eventTypes).toEqual(['state_changed', 'deadline_overdue']);
  });

  it('refuses a second webhook of the organisation on the same URL (409 naming the first); another organisation, or after a delete, may subscribe it', async () => {
    const subscribe = (organizationId: string, url: string, more: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
      ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId, url, secret: SECRET, ...more }, headers });
    const first = await subscribe(org(ctx).id, 'http://receiver.test/hook', {}, { 'idempotency-key': 'hook-1' });
    expect(first.status).toBe(201);
    // A retry of the same request under its key answers the first answer again.
    const retried = await subscribe(org(ctx).id, 'http://receiver.test/hook', {}, { 'idempotency-key': 'hook-1' });
    expect(retried).toMatchObject({ status: 201, body: first.body });
    // A fragment is never sent: `…/hook#a` is the same endpoint.
    for (const [url, more] of [['http://receiver.test/hook', { eventTypes: ['state_changed'] }], ['HTTP://Receiver.TEST:80/hook', {}], ['http://receiver.test/hook#a', {}]] as const) {
      const twice = await subscribe(org(ctx).id, url, more);
      expectContract('simulation', 'createWebhook', twice, 409);
      expect(twice.body).toMatchObject({ code: 'CONFLICT', existingWebhookId: first.body.id });
      expect(twice.body.detail).toContain(first.body.id);
    }
    expect((await subscribe(org(ctx, 1).id, 'http://receiver.test/hook')).status).toBe(201);
    expect((await subscribe(org(ctx).id, 'http://receiver.test/other')).status).toBe(201);
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks')).body.items).toHaveLength(3);
    await ctx.call('DELETE', `/_sim/v1/sandboxes/default/webhooks/${first.body.id}`);
    expect((await subscribe(org(ctx).id, 'http://receiver.test/hook')).status).toBe(201);
  });

  it('takes a URL without credentials on any port (also one Node\'s fetch blocks: an intercepting fetch reaches it)', async () => {
    for (const url of ['http://127.0.0.1:6001/hook', 'https://receiver.test/hook', 'http://receiver.test:9/hook']) {
      expect((await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url, secret: SECRET } })).status).toBe(201);
    }
  });
});

describe('redelivering a failed delivery', () => {
  const ctx = useMock(IN_PROCESS, { webhooks: { baseDelayMs: 1, maxAttempts: 2 } });
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  const log = async (): Promise<Delivery[]> => (await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks/deliveries')).body.items;
  const settled = () => settledLog(ctx);

  it('sends it again under the same id, a new round of attempts after the old ones, and refuses what is not failed', async () => {
    const answer = { status: 500 };
    const receiver = await startReceiver((_path, res) => res.writeHead(answer.status).end());
    stops.push(receiver.stop);
    const hook = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url: `${receiver.origin}/hook`, secret: SECRET } });
    await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'hooked' }, as: org(ctx) });
    const [failed] = await settled();
    expect(failed).toMatchObject({ id: 'dlv_1_1', state: 'failed', attempts: [{ status: 500 }, { status: 500 }] });

    answer.status = 204;
    const again = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks/deliveries/dlv_1_1/redeliver');
    expectContract('simulation', 'redeliverWebhookDelivery', again, 202);
    expect(again.body).toEqual({ ...failed, state: 'pending' });
    const [delivered] = await settled();
    expect(delivered).toMatchObject({ id: 'dlv_1_1', webhookId: hook.body.id, state: 'delivered', attempts: [{ status: 500 }, { status: 500 }, { status: 204 }] });
    expect(receiver.received.map((r) => r.headers[WEBHOOK_HEADERS.deliveryId])).toEqual(['dlv_1_1', 'dlv_1_1', 'dlv_1_1']);
    const last = receiver.received[2]!;
    expect(last.body).toBe(receiver.received[0]!.body);
    expect(verifyWebhookSignature({ secret: SECRET, body: last.body, timestamp: last.headers[WEBHOOK_HEADERS.timestamp] as string, signature: last.headers[WEBHOOK_HEADERS.signature] as string, now: Date.now() })).toBe(true);

    const twice = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks/deliveries/dlv_1_1/redeliver');
    expectContract('simulation', 'redeliverWebhookDelivery', twice, 409);
    expect(twice.body).toMatchObject({ code: 'CONFLICT', currentState: 'delivered' });
    const unknown = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks/deliveries/dlv_1_9/redeliver');
    expectContract('simulation', 'redeliverWebhookDelivery', unknown, 404);
    expect(await log()).toEqual([delivered]);
  });

  it('refuses a delivery whose webhook was deleted', async () => {
    const receiver = await startReceiver((_path, res) => res.writeHead(500).end());
    stops.push(receiver.stop);
    const hook = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url: `${receiver.origin}/hook`, secret: SECRET } });
    await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'hooked' }, as: org(ctx) });
    const before = await settled();
    await ctx.call('DELETE', `/_sim/v1/sandboxes/default/webhooks/${hook.body.id}`);
    const refused = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks/deliveries/dlv_1_1/redeliver');
    expectContract('simulation', 'redeliverWebhookDelivery', refused, 409);
    expect(refused.body.detail).toContain('webhook was deleted');
    expect(await log()).toEqual(before);
    expect(receiver.received).toHaveLength(2);
  });
});

describe('the delivery log, filtered', () => {
  const held = heldReceiver();
  const ctx = useMock(IN_PROCESS, { webhooks: { fetch: held.fetch, baseDelayMs: 1, maxAttempts: 1 } });

  it('lists the deliveries of one webhook and/or in one state, paged by a cursor that survives a delivery leaving the filter', async () => {
    const hooks: string[] = [];
    for (const url of ['http://a.test/hook', 'http://b.test/hook']) {
      hooks.push((await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url, secret: SECRET } })).body.id);
    }
    for (let i = 0; i < 3; i++) await ctx.call('POST', '/sharing/v1/notes', { body: { text: `note ${i}` }, as: org(ctx) });
    await settle();
    // dlv_1_1, 3, 5 go to the first webhook, 2, 4, 6 to the second; all six are in flight.
    const page = async (query: string) => {
      const reply = await ctx.call('GET', `/_sim/v1/sandboxes/default/webhooks/deliveries?${query}`);
      expectContract('simulation', 'listWebhookDeliveries', reply, 200);
      return { ids: (reply.body.items as Delivery[]).map((d) => d.id), nextCursor: reply.body.nextCursor as string | null, total: reply.body.total as number };
    };
    expect(await page(`webhookId=${hooks[1]}`)).toEqual({ ids: ['dlv_1_2', 'dlv_1_4', 'dlv_1_6'], nextCursor: null, total: 3 });
    const first = await page(`state=pending&limit=2`);
    expect(first).toMatchObject({ ids: ['dlv_1_1', 'dlv_1_2'], total: 6 });
    held.answerOldest(); // dlv_1_1 delivered: it leaves the pending ones, the next page does not shift
    await settle();
    expect(await page(`state=pending&limit=2&cursor=${first.nextCursor}`)).toMatchObject({ ids: ['dlv_1_3', 'dlv_1_4'], total: 5 });
    expect(await page(`state=delivered&webhookId=${hooks[0]}`)).toEqual({ ids: ['dlv_1_1'], nextCursor: null, total: 1 });
    expect(await page(`state=delivered&webhookId=${hooks[1]}`)).toEqual({ ids: [], nextCursor: null, total: 0 });
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks/deliveries?state=lost')).status).toBe(400);

    // Newest first, paged to older ones, also filtered; a cursor pages on in its own order only.
    const desc = await page('order=desc&limit=4');
    expect(desc).toMatchObject({ ids: ['dlv_1_6', 'dlv_1_5', 'dlv_1_4', 'dlv_1_3'], total: 6 });
    expect(await page(`order=desc&limit=4&cursor=${desc.nextCursor}`)).toEqual({ ids: ['dlv_1_2', 'dlv_1_1'], nextCursor: null, total: 6 });
    const newestPending = await page(`order=desc&state=pending&limit=2&webhookId=${hooks[0]}`);
    expect(newestPending).toMatchObject({ ids: ['dlv_1_5', 'dlv_1_3'], total: 2 });
    expect(newestPending.nextCursor).toBeNull();
    for (const query of [`cursor=${desc.nextCursor}`, `order=desc&cursor=${first.nextCursor}`, 'order=sideways']) {
      expect((await ctx.call('GET', `/_sim/v1/sandboxes/default/webhooks/deliveries?${query}`)).status).toBe(400);
    }
    while (held.inFlight() > 0) {
      held.answerOldest();
      await settle();
    }
  });
});
