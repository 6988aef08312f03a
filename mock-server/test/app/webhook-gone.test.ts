import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/index.js';
import { openDataDir } from '../../src/persistence/data-dir.js';
import type { Credentials } from '../support/client.js';
import { expectContract } from '../support/contract.js';
import { openApp, useTempDirs } from '../persistence/data-dir-app.js';

// A receiver answering 410 Gone says its endpoint is gone for good: the webhook is disabled (no
// delivery is made for it, its pending ones are cancelled) until its owner enables it again.

const SECRET = 'whsec-0123456789abcdef';
const HOOKS = '/_sim/v1/sandboxes/default/webhooks';

/** A fetch answering `status()` for each request, counting them. */
function receiver(status: () => number) {
  const sent: string[] = [];
  const fetch: typeof globalThis.fetch = async (_url, init) => {
    sent.push(String(init?.body));
    return new Response(null, { status: status() });
  };
  return { sent, fetch };
}

type Opened = ReturnType<typeof openApp>;
const note = async (opened: Opened, org: Credentials) => expect((await opened.call('POST', '/sharing/v1/notes', { body: { text: 'hooked' }, as: org })).status).toBe(201);
const deliveries = async (opened: Opened) => {
  await opened.app.idle();
  const reply = await opened.call('GET', `${HOOKS}/deliveries`);
  expectContract('simulation', 'listWebhookDeliveries', reply, 200);
  return reply.body.items as Delivery[];
};

describe('a webhook whose receiver answered 410 Gone', () => {
  const tempDir = useTempDirs();

  it('is disabled (status, reason, instant, the delivery) with its pending deliveries cancelled and no new ones, until enabled; a restart keeps it so', async () => {
    const dataDir = tempDir();
    let answer = 410;
    const rx = receiver(() => answer);
    // One attempt in flight at a time: the second delivery waits behind the first, answered 410.
    const options = { webhooks: { fetch: rx.fetch, concurrency: 1, baseDelayMs: 1, maxAttempts: 3 } };
    const first = openApp(dataDir, options);
    const org: Credentials = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    const created = await first.call('POST', HOOKS, { body: { organizationId: org.id, url: 'http://receiver.test/hook', secret: SECRET } });
    expectContract('simulation', 'createWebhook', created, 201);
    expect(created.body.status).toBe('enabled');
    const hookId = created.body.id as string;

    await Promise.all([note(first, org), note(first, org)]);
    const [gone, waiting] = await deliveries(first);
    expect(gone).toMatchObject({ state: 'failed', attempts: [{ status: 410, error: expect.stringContaining('disabled') }] });
    expect(waiting).toMatchObject({ state: 'cancelled', attempts: [] });
    expect(rx.sent).toHaveLength(1);

    const read = await first.call('GET', `${HOOKS}/${hookId}`);
    expectContract('simulation', 'getWebhook', read, 200);
    expect(read.body).toEqual({ ...created.body, status: 'disabled', disabledReason: 'gone', disabledAt: gone!.attempts[0]!.at, disabledByDeliveryId: gone!.id });
    const listed = await first.call('GET', HOOKS);
    expectContract('simulation', 'listWebhooks', listed, 200);
    expect(listed.body.items).toEqual([read.body]);

    // Disabled: an event makes no delivery for it, and its failed delivery is not sent again yet.
    await note(first, org);
    expect(await deliveries(first)).toHaveLength(2);
    const refused = await first.call('POST', `${HOOKS}/deliveries/${gone!.id}/redeliver`, { body: {} });
    expectContract('simulation', 'redeliverWebhookDelivery', refused, 409);
    expect(refused.body.detail).toContain('enable');
    await first.app.close();

    // A restart replays the 410 outcome: still disabled, the same log.
    const second = openApp(dataDir, options);
    expect((await second.call('GET', `${HOOKS}/${hookId}`)).body).toEqual(read.body);
    expect((await deliveries(second)).map((d) => [d.id, d.state])).toEqual([[gone!.id, 'failed'], [waiting!.id, 'cancelled']]);

    // Its owner enables it: the next event is delivered, and the failed delivery may be sent again.
    answer = 204;
    const enabled = await second.call('POST', `${HOOKS}/${hookId}/enable`, { body: {} });
    expectContract('simulation', 'enableWebhook', enabled, 200);
    expect(enabled.body).toEqual(created.body);
    await note(second, org);
    expect((await deliveries(second)).map((d) => d.state)).toEqual(['failed', 'cancelled', 'delivered']);
    expect((await second.call('POST', `${HOOKS}/deliveries/${gone!.id}/redeliver`, { body: {} })).status).toBe(202);
    expect((await deliveries(second))[0]?.state).toBe('delivered');
    expect((await second.call('POST', `${HOOKS}/whk_nope/enable`, { body: {} })).status).toBe(404);
    expect((await second.call('GET', `${HOOKS}/whk_nope`)).status).toBe(404);
    await second.app.close();
  });

  it('stays enabled on replay of a 410 journaled before a 410 disabled webhooks: the deliveries after it are rebuilt', async () => {
    const dataDir = tempDir();
    const quiet = { resumeDeliveries: false, webhooks: { fetch: receiver(() => 204).fetch } };
    const first = openApp(dataDir, quiet);
    const org: Credentials = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    const hookId = (await first.call('POST', HOOKS, { body: { organizationId: org.id, url: 'http://receiver.test/hook', secret: SECRET } })).body.id as string;
    await first.app.close();
    // An older mock's journal: one event, its delivery answered 410 (no revision), one event more.
    const journalNote = (seq: number) => ({ seq, kind: 'command' as const, at: Date.parse('2025-12-05T09:00:00Z'), method: 'POST', path: '/sharing/v1/notes', query: '', contentType: 'application/json', body: '{"text":"hooked"}', caller: org.id, status: 201 });
    let store = openDataDir(dataDir);
    store.append([journalNote(store.lastSeq + 1)]);
    store.close();
    const peek = openApp(dataDir, quiet);
    const [made] = await deliveries(peek);
    await peek.app.close();
    store = openDataDir(dataDir);
    store.append([
      { seq: store.lastSeq + 1, kind: 'delivery', at: Date.parse('2025-12-05T09:00:01Z'), sandboxId: 'default', deliveryId: made!.id, webhookId: hookId, eventId: made!.eventId, attempt: { at: '2025-12-05T17:00:01+08:00', status: 410, error: 'the receiver answered 410 Gone: the delivery failed at once, not retried' }, state: 'failed' },
      journalNote(store.lastSeq + 2),
    ]);
    store.close();

    const second = openApp(dataDir, quiet);
    expect((await second.call('GET', `${HOOKS}/${hookId}`)).body.status).toBe('enabled');
    expect((await deliveries(second)).map((d) => d.state)).toEqual(['failed', 'pending']);
    await second.app.close();
  });
});
