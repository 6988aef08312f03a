import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WEBHOOK_HEADERS } from '@gdx/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { org, useMock } from '../support/harness.js';
import type { TransportFactory } from '../support/transports.js';

/** A local HTTP receiver that fails the first `failures` deliveries with 500. */
function receiver(failures: number) {
  const received: { headers: IncomingHttpHeaders; body: string; status: number }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const status = received.length < failures ? 500 : 204;
      received.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  return {
    received,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function webhookBehaviour(factory: TransportFactory): void {
  describe('webhooks', () => {
    const ctx = useMock(factory, { webhooks: { baseDelayMs: 5, maxAttempts: 4 } });
    const hook = receiver(2);
    let url = '';
    beforeEach(async () => {
      hook.received.length = 0;
      url = await hook.start();
    });
    afterEach(() => hook.stop());

    const settled = async (): Promise<{ id: string; state: string; attempts: { status?: number }[] }[]> => {
      for (;;) {
        await ctx.app.idle();
        const reply = await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks/deliveries');
        expectContract('simulation', 'listWebhookDeliveries', reply, 200);
        const log = reply.body.items;
        if (log.length > 0 && log.every((d: { state: string }) => d.state !== 'pending')) return log;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };

    it('delivers signed events to the owner, retrying failures with backoff', async () => {
      const secret = 'whsec-0123456789abcdef';
      const created = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url, secret } });
      expect(created.status).toBe(201);
      expect(created.body.secret).toBeUndefined();
      await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'other org' }, as: org(ctx, 1) });
      const note = await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'hooked' }, as: org(ctx) });

      const log = await settled();
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ state: 'delivered', attempts: [{ status: 500 }, { status: 500 }, { status: 204 }] });
      expect(hook.received).toHaveLength(3);
      const last = hook.received[2]!;
      const payload = JSON.parse(last.body);
      expect(payload).toMatchObject({ type: 'created', sandboxId: 'default', objectId: note.body.id, organizationId: org(ctx).id, object: { text: 'hooked' } });
      const timestamp = String(last.headers['x-gdx-timestamp']);
      const expected = createHmac('sha256', secret).update(`${timestamp}\n${last.body}`).digest('base64');
      expect(last.headers['x-gdx-webhook-signature']).toBe(expected);
      expect(last.headers['x-gdx-webhook-id']).toBe(created.body.id);
      // Every attempt of the delivery names it: what a receiver dedupes by.
      expect(hook.received.map((r) => r.headers[WEBHOOK_HEADERS.deliveryId])).toEqual([log[0]!.id, log[0]!.id, log[0]!.id]);
    });

    it('gives up after the bounded number of attempts', async () => {
      const failing = receiver(100);
      const failingUrl = await failing.start();
      try {
        await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url: failingUrl, secret: 'whsec-0123456789abcdef' } });
        await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'x' }, as: org(ctx) });
        const log = await settled();
        expect(log[0]).toMatchObject({ state: 'failed' });
        expect(log[0]!.attempts).toHaveLength(4);
      } finally {
        await failing.stop();
      }
    });

    it('lists and deletes webhooks', async () => {
      const created = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url, secret: 'whsec-0123456789abcdef', eventTypes: ['state_changed'] } });
      expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks')).body.items).toEqual([created.body]);
      expect((await ctx.call('DELETE', `/_sim/v1/sandboxes/default/webhooks/${created.body.id}`)).status).toBe(204);
      expect((await ctx.call('DELETE', `/_sim/v1/sandboxes/default/webhooks/${created.body.id}`)).status).toBe(404);
      expect((await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: 'org_nobody', url, secret: 'whsec-0123456789abcdef' } })).status).toBe(400);
    });

    /** Every item of a simulation list, read `limit` at a time through `nextCursor`. */
    const readAll = async (path: string, operationId: string, limit: number): Promise<{ pages: number; items: { id: string }[] }> => {
      const items: { id: string }[] = [];
      let pages = 0;
      for (let cursor: string | null = null; pages === 0 || cursor !== null; pages++) {
        const reply = await ctx.call('GET', `${path}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expectContract('simulation', operationId, reply, 200);
        items.push(...reply.body.items);
        cursor = reply.body.nextCursor;
      }
      return { pages, items };
    };

    it('pages webhooks and deliveries by cursor, in order, and refuses a bad cursor', async () => {
      const hooks = [];
      for (let i = 0; i < 3; i++) hooks.push((await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: org(ctx).id, url: `${url}?copy=${i}`, secret: 'whsec-0123456789abcdef' } })).body);
      const listed = await readAll('/_sim/v1/sandboxes/default/webhooks', 'listWebhooks', 2);
      // Oldest first; created in the same virtual instant, they follow their ids.
      expect(listed).toEqual({ pages: 2, items: [...hooks].sort((a, b) => (a.id < b.id ? -1 : 1)) });

      await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'three hooks, three deliveries' }, as: org(ctx) });
      const log = await settled();
      expect(log).toHaveLength(3);
      const paged = await readAll('/_sim/v1/sandboxes/default/webhooks/deliveries', 'listWebhookDeliveries', 1);
      expect(paged).toEqual({ pages: 3, items: log });

      for (const path of ['/_sim/v1/sandboxes/default/webhooks', '/_sim/v1/sandboxes/default/webhooks/deliveries']) {
        const bad = await ctx.call('GET', `${path}?cursor=not-a-cursor`);
        expect(bad.status).toBe(400);
        expect(bad.body.code).toBe('INVALID_CURSOR');
      }
    });
  });
}
