import { verifyWebhookSignature, WEBHOOK_HEADERS } from '@gdx/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/index.js';
import type { Credentials } from '../support/client.js';
import { startReceiver } from '../support/webhook-receiver.js';
import { openApp, useTempDirs } from './data-dir-app.js';

const SECRET = 'whsec-0123456789abcdef';

/** A local receiver answering `state.status` (changeable between restarts). */
async function startFlippingReceiver() {
  const state = { status: 500 };
  const receiver = await startReceiver((_path, res) => res.writeHead(state.status).end());
  return { ...receiver, state, url: `${receiver.origin}/hook` };
}

type Opened = ReturnType<typeof openApp>;

async function deliveries(opened: Opened): Promise<Delivery[]> {
  return (await opened.call('GET', '/_sim/v1/sandboxes/default/webhooks/deliveries')).body.items;
}

/** Polls the delivery log until `done` holds (a resumed delivery waits on a real timer). */
async function until(opened: Opened, done: (log: Delivery[]) => boolean): Promise<Delivery[]> {
  for (;;) {
    await opened.app.idle();
    const log = await deliveries(opened);
    if (done(log)) return log;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('webhook deliveries survive a restart', () => {
  const tempDir = useTempDirs();
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it.each([{ compactEvery: 10_000 }, { compactEvery: 2 }])('sends a delivery that failed before the restart, once (%o)', async (options) => {
    const receiver = await startFlippingReceiver();
    stops.push(receiver.stop);
    const dataDir = tempDir();
    // A long backoff: the retry is still pending when the app closes.
    const first = openApp(dataDir, { ...options, webhooks: { baseDelayMs: 60_000, maxAttempts: 5 } });
    const org: Credentials = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    const hook = await first.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org.id, url: receiver.url, secret: SECRET } });
    const note = await first.call('POST', '/sharing/v1/notes', { body: { text: 'hooked' }, as: org });
    const before = await until(first, (log) => log[0]?.attempts.length === 1);
    expect(before).toEqual([{ id: 'dlv_1_1', webhookId: hook.body.id, eventId: expect.any(String), eventType: 'created', state: 'pending', attempts: [{ at: expect.any(String), status: 500 }], nextAttemptAt: expect.any(String) }]);
    await first.call('POST', '/sharing/v1/notes', { body: { text: 'unhooked' }, as: (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[1] });
    await first.app.close();

    receiver.state.status = 204;
    const second = openApp(dataDir, { ...options, webhooks: { baseDelayMs: 1, maxAttempts: 5 } });
    const after = await until(second, (log) => log[0]?.state !== 'pending');
    expect(after).toEqual([{ ...before[0], nextAttemptAt: undefined, state: 'delivered', attempts: [...before[0]!.attempts, { at: expect.any(String), status: 204 }] }]);
    expect(receiver.received).toHaveLength(2);
    const [failed, delivered] = receiver.received;
    expect(delivered!.body).toBe(failed!.body);
    expect(delivered!.headers[WEBHOOK_HEADERS.deliveryId]).toBe('dlv_1_1');
    expect(failed!.headers[WEBHOOK_HEADERS.deliveryId]).toBe('dlv_1_1');
    expect(verifyWebhookSignature({ secret: SECRET, body: delivered!.body, timestamp: delivered!.headers['x-gdx-timestamp'] as string, signature: delivered!.headers['x-gdx-webhook-signature'] as string, now: Date.now() })).toBe(true);
    expect(JSON.parse(delivered!.body)).toMatchObject({ type: 'created', objectId: note.body.id, object: { text: 'hooked' } });
    await second.app.close();

    const third = openApp(dataDir, { ...options, webhooks: { baseDelayMs: 1, maxAttempts: 5 } });
    expect(await deliveries(third)).toEqual(after);
    // New deliveries continue the numbering instead of reusing a delivered id.
    await third.call('POST', '/sharing/v1/notes', { body: { text: 'next' }, as: org });
    const next = await until(third, (log) => log[1]?.state === 'delivered');
    expect(next.map((d) => d.id)).toEqual(['dlv_1_1', 'dlv_1_2']);
    expect(receiver.received.map((r) => r.headers[WEBHOOK_HEADERS.deliveryId])).toEqual(['dlv_1_1', 'dlv_1_1', 'dlv_1_2']);
    await third.app.close();
  });

  it.each([{ compactEvery: 10_000 }, { compactEvery: 2 }])('does not resume the deliveries of a deleted webhook (%o)', async (options) => {
    const receiver = await startFlippingReceiver();
    stops.push(receiver.stop);
    const dataDir = tempDir();
    const first = openApp(dataDir, { ...options, webhooks: { baseDelayMs: 60_000, maxAttempts: 5 } });
    const org: Credentials = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    const hook = await first.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org.id, url: receiver.url, secret: SECRET } });
    await first.call('POST', '/sharing/v1/notes', { body: { text: 'hooked' }, as: org });
    await until(first, (log) => log[0]?.attempts.length === 1);
    expect((await first.call('DELETE', `/_sim/v1/sandboxes/default/webhooks/${hook.body.id}`)).status).toBe(204);
    const cancelled = await deliveries(first);
    expect(cancelled).toEqual([{ id: 'dlv_1_1', webhookId: hook.body.id, eventId: expect.any(String), eventType: 'created', state: 'cancelled', attempts: [{ at: expect.any(String), status: 500 }] }]);
    await first.app.close();

    receiver.state.status = 204;
    const second = openApp(dataDir, { ...options, webhooks: { baseDelayMs: 1, maxAttempts: 5 } });
    expect(await deliveries(second)).toEqual(cancelled);
    await second.app.idle();
    expect(receiver.received).toHaveLength(1);
    await second.app.close();
  });

  it.each([{ compactEvery: 10_000 }, { compactEvery: 2 }])('redelivers a delivery that failed before the restart, and replays the redelivery (%o)', async (options) => {
    const receiver = await startFlippingReceiver();
    stops.push(receiver.stop);
    const dataDir = tempDir();
    const first = openApp(dataDir, { ...options, webhooks: { baseDelayMs: 1, maxAttempts: 1 } });
    const org: Credentials = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    await first.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org.id, url: receiver.url, secret: SECRET } });
    await first.call('POST', '/sharing/v1/notes', { body: { text: 'hooked' }, as: org });
    await until(first, (log) => log[0]?.state === 'failed');
    await first.call('POST', '/sharing/v1/notes', { body: { text: 'unhooked' }, as: (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[1] });
    await first.app.close();

    receiver.state.status = 204;
    const second = openApp(dataDir, { ...options, webhooks: { baseDelayMs: 1, maxAttempts: 1 } });
    expect((await second.call('POST', '/_sim/v1/sandboxes/default/webhooks/deliveries/dlv_1_1/redeliver')).status).toBe(202);
    const delivered = await until(second, (log) => log[0]?.state === 'delivered');
    expect(delivered[0]!.attempts.map((a) => a.status)).toEqual([500, 204]);
    await second.app.close();

    const third = openApp(dataDir, { ...options, webhooks: { baseDelayMs: 1, maxAttempts: 1 } });
    expect(await deliveries(third)).toEqual(delivered);
    await third.app.idle();
    expect(receiver.received.map((r) => r.headers[WEBHOOK_HEADERS.deliveryId])).toEqual(['dlv_1_1', 'dlv_1_1']);
    await third.app.close();
  });

  it('keeps the exported snapshot free of the delivery log', async () => {
    const receiver = await startFlippingReceiver();
    stops.push(receiver.stop);
    const opened = openApp(tempDir(), { webhooks: { baseDelayMs: 60_000, maxAttempts: 2 } });
    const org: Credentials = (await opened.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    await opened.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org.id, url: receiver.url, secret: SECRET } });
    await opened.call('POST', '/sharing/v1/notes', { body: { text: 'hooked' }, as: org });
    await until(opened, (log) => log[0]?.attempts.length === 1);
    const exported = (await opened.call('GET', '/_sim/v1/sandboxes/default/snapshot')).body;
    expect(exported.state.deliveries).toBeUndefined();
    expect(exported.state.nonces).toBeUndefined();
    await opened.app.close();
  });
});
