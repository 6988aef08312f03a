import { loadBundledSpec } from '@gdx/openapi';
import { verifyWebhookSignature, WEBHOOK_HEADERS } from '@gdx/protocol';
import { describe, expect, it } from 'vitest';
import { createRegistrationPlatform } from '../../src/platforms/registration/index.js';
import type { Credentials } from '../support/client.js';
import { closedSchemaErrors } from '../support/contract.js';
import { usePlatforms } from '../support/harness.js';
import { initialSubmission, type Org } from '../registration/harness.js';
import { sharedContract } from '../../src/app/shared-contracts.js';

// The body POSTed to a webhook's url is the simulation contract's `WebhookPayload`
// (`webhooks.feedEvent`): the feed event as `/events` lists it — its `fromLabel` and `toLabel`
// too — with the object and the sandbox.

const SECRET = 'whsec-0123456789abcdef';
const received: { body: string; headers: Headers }[] = [];
const fetch: typeof globalThis.fetch = async (_url, init) => {
  received.push({ body: String(init?.body), headers: new Headers(init?.headers) });
  return new Response(null, { status: 204 });
};

describe('a webhook delivery body', () => {
  const ctx = usePlatforms(() => [createRegistrationPlatform({ spec: sharedContract('registration') })], undefined, { webhooks: { fetch }, startAt: '2025-09-26T10:00:00+08:00' });

  it('is a WebhookPayload of the contract (no member it does not declare), its feed event as /events lists it', async () => {
    received.length = 0;
    const orgs = (await ctx.call('GET', '/_sim/v1/sandboxes/default')).body.organizations as (Credentials & Org & { roles: string[] })[];
    const registrant = orgs.find((o) => o.roles.includes('registrant'))!;
    const hook = await ctx.call('POST', '/_sim/v1/sandboxes/default/webhooks', { body: { organizationId: registrant.id, url: 'http://receiver.test/hook', secret: SECRET } });
    expect(hook.status).toBe(201);
    const filed = await ctx.call('POST', '/registration/v1/applications', { body: initialSubmission(registrant), as: registrant, headers: { 'idempotency-key': 'payload-1' } });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const accepted = await ctx.call('POST', '/_sim/v1/sandboxes/default/actions', { body: { platform: 'registration', objectType: 'application', objectId: filed.body.id, action: 'accept' } });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    await ctx.app.idle();

    const feed = (await ctx.call('GET', `/_sim/v1/sandboxes/default/events?organizationId=${registrant.id}`)).body.items as Record<string, unknown>[];
    expect(received).toHaveLength(feed.length);
    expect(feed.length).toBeGreaterThanOrEqual(2);
    const bodies = received.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    for (const [i, body] of bodies.entries()) {
      expect(closedSchemaErrors('simulation', 'WebhookPayload', body), JSON.stringify(body)).toEqual([]);
      const { object, sandboxId, deliveryId, ...event } = body;
      expect(event).toEqual(feed[i]);
      expect(sandboxId).toBe('default');
      expect(object).toMatchObject({ id: filed.body.id });
      // The headers the contract's webhook declares, the signature over the body; the delivery id in both.
      const headers = received[i]!.headers;
      expect(headers.get(WEBHOOK_HEADERS.webhookId)).toBe(hook.body.id);
      expect(headers.get(WEBHOOK_HEADERS.deliveryId)).toMatch(/^dlv_/);
      expect(deliveryId).toBe(headers.get(WEBHOOK_HEADERS.deliveryId));
      const timestamp = Number(headers.get(WEBHOOK_HEADERS.timestamp));
      expect(verifyWebhookSignature({ secret: SECRET, body: received[i]!.body, timestamp, signature: headers.get(WEBHOOK_HEADERS.signature) ?? undefined, now: timestamp })).toBe(true);
    }
    // Named by the registration procedure (a Chinese name), not by the state ids an unknown object keeps.
    const named = { zh: expect.stringMatching(/\p{Script=Han}/u), en: expect.any(String) };
    expect(bodies[0]).toMatchObject({ fromLabel: null, toLabel: named });
    expect(bodies.at(-1)).toMatchObject({ fromLabel: named, toLabel: named });
    // The contract's webhook names the headers and this schema as its body.
    const webhook = (loadBundledSpec('simulation') as any).webhooks.feedEvent.post;
    expect(webhook.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/WebhookPayload');
    expect(webhook.parameters.map((p: { name: string }) => p.name.toLowerCase()).sort()).toEqual(Object.values(WEBHOOK_HEADERS).sort());
  });
});
