import { SimulationClient } from '@gdx/simulation';
import { WEBHOOK_HEADERS } from '@gdx/protocol';
import { describe, expect, it } from 'vitest';
import type { AppOptions } from '../../src/index.js';
import type { Credentials } from '../support/client.js';
import { expectContract } from '../support/contract.js';
import { openApp, useTempDirs } from './data-dir-app.js';

type Opened = ReturnType<typeof openApp>;

/** A receiver answering 204 that records the delivery id of every request. */
function recorder() {
  const ids: string[] = [];
  const fetch: typeof globalThis.fetch = async (_url, init) => {
    ids.push(new Headers(init?.headers).get(WEBHOOK_HEADERS.deliveryId) ?? '(none)');
    return new Response(null, { status: 204 });
  };
  return { ids, options: { webhooks: { fetch, baseDelayMs: 1, maxAttempts: 2 } } satisfies AppOptions };
}

/**
 * Subscribes the sandbox's first organisation (unless its webhook came with an imported snapshot)
 * and makes one event for it; answers the ids of the delivery log.
 */
async function deliverOne(opened: Opened, sandboxId: string, subscribe = true): Promise<string[]> {
  const sandbox = (await opened.call('GET', `/_sim/v1/sandboxes/${sandboxId}`)).body;
  const org: Credentials = sandbox.organizations[0];
  if (subscribe) {
    const hook = await opened.call('POST', `/_sim/v1/sandboxes/${sandboxId}/webhooks`, { body: { organizationId: org.id, url: 'http://receiver.test/hook', secret: 'whsec-0123456789abcdef' } });
    expect(hook.status).toBe(201);
  }
  expect((await opened.call('POST', `/sandboxes/${sandboxId}/sharing/v1/notes`, { body: { text: 'hooked' }, as: org })).status).toBe(201);
  await opened.app.idle();
  const reply = await opened.call('GET', `/_sim/v1/sandboxes/${sandboxId}/webhooks/deliveries`);
  expectContract('simulation', 'listWebhookDeliveries', reply, 200);
  return reply.body.items.map((d: { id: string }) => d.id);
}

/** Delivers in sandbox `x` across a create, a reset, a delete and re-create, and an import under `x`. */
async function lifeOfX(opened: Opened): Promise<string[]> {
  const seen: string[] = [];
  expect((await opened.call('POST', '/_sim/v1/sandboxes', { body: { id: 'x', profile: 'national', seed: 9 } })).status).toBe(201);
  seen.push(...(await deliverOne(opened, 'x')));
  const exported = (await opened.call('GET', '/_sim/v1/sandboxes/x/snapshot')).body;
  expect((await opened.call('POST', '/_sim/v1/sandboxes/x/reset')).status).toBe(200);
  seen.push(...(await deliverOne(opened, 'x')));
  expect((await opened.call('DELETE', '/_sim/v1/sandboxes/x')).status).toBe(204);
  expect((await opened.call('POST', '/_sim/v1/sandboxes', { body: { id: 'x', profile: 'national', seed: 9 } })).status).toBe(201);
  seen.push(...(await deliverOne(opened, 'x')));
  expect((await opened.call('DELETE', '/_sim/v1/sandboxes/x')).status).toBe(204);
  expect((await opened.call('POST', '/_sim/v1/sandboxes/import', { body: { snapshot: exported } })).status).toBe(201);
  seen.push(...(await deliverOne(opened, 'x', false)));
  return seen;
}

describe('webhook delivery ids never repeat within a sandbox life', () => {
  const tempDir = useTempDirs();

  it('differ across resets, delete and re-create, and import under the same id; the same run gives the same ids', async () => {
    const runs: string[][] = [];
    for (let run = 0; run < 2; run += 1) {
      const receiver = recorder();
      const opened = openApp(tempDir(), receiver.options);
      const ids = await lifeOfX(opened);
      await opened.app.close();
      expect(new Set(ids).size).toBe(4);
      // Each sandbox built under `x` had one delivery, and sent it under the id the log shows.
      expect(receiver.ids).toEqual(ids);
      runs.push(ids);
    }
    expect(runs[1]).toEqual(runs[0]);
  });

  it.each([{ compactEvery: 10_000 }, { compactEvery: 1 }])('keep counting after a restart from the data directory (%o)', async (options) => {
    const dataDir = tempDir();
    const receiver = recorder();
    const first = openApp(dataDir, { ...receiver.options, ...options });
    const before = await lifeOfX(first);
    await first.app.close();

    const second = openApp(dataDir, { ...receiver.options, ...options });
    // The log of the sandbox now under `x` is rebuilt with the same id, and nothing is sent again.
    expect((await second.call('GET', '/_sim/v1/sandboxes/x/webhooks/deliveries')).body.items.map((d: { id: string }) => d.id)).toEqual([before.at(-1)]);
    expect((await second.call('POST', '/_sim/v1/sandboxes/x/reset')).status).toBe(200);
    const after = await deliverOne(second, 'x');
    await second.app.close();
    expect(after).toHaveLength(1);
    expect(before).not.toContain(after[0]);
    expect(receiver.ids).toEqual([...before, ...after]);
  });

  it('are served to the simulation SDK as the contract describes them', async () => {
    const receiver = recorder();
    const opened = openApp(tempDir(), receiver.options);
    const [id] = await deliverOne(opened, 'default');
    const sim = new SimulationClient({ fetch: opened.fetch, baseUrl: 'http://mock.local/_sim/v1', maxRetries: 0 });
    const log = await sim.webhooks.deliveries('default').toArray();
    await opened.app.close();
    expect(log).toEqual([{ id, webhookId: expect.any(String), eventId: expect.any(String), eventType: 'created', state: 'delivered', attempts: [{ at: expect.stringMatching(/\+08:00$/), status: 204 }] }]);
  });
});
