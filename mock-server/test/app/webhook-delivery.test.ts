import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/index.js';
import { expectContract } from '../support/contract.js';
import { org, useMock } from '../support/harness.js';
import { IN_PROCESS } from '../support/harness.js';

const SECRET = 'whsec-0123456789abcdef';

/** A local receiver whose answer `respond` writes; it records what reached it. */
async function startReceiver(respond: (path: string, res: ServerResponse) => void) {
  const received: { method: string; path: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      respond(req.url ?? '', res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { received, origin, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
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
    for (;;) {
      await ctx.app.idle();
      const reply = await ctx.call('GET', '/_sim/v1/sandboxes/default/webhooks/deliveries');
      expectContract('simulation', 'listWebhookDeliveries', reply, 200);
      const [delivery] = reply.body.items as Delivery[];
      if (delivery && delivery.state !== 'pending') return delivery;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
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

  it('names the network error of an attempt, not just "fetch failed"', async () => {
    const receiver = await startReceiver((_path, res) => res.writeHead(204).end());
    await receiver.stop();
    const delivery = await deliverOne(`${receiver.origin}/hook`);
    expect(delivery.state).toBe('failed');
    expect(delivery.attempts).toHaveLength(2);
    for (const attempt of delivery.attempts) expect(attempt.error).toMatch(/ECONNREFUSED/);
  });
});
