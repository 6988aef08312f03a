import { describe, expect, it } from 'vitest';
import { openDataDir } from '../../src/persistence/data-dir.js';
import type { Credentials } from '../support/client.js';
import { openApp, useTempDirs } from './data-dir-app.js';

const SECRET = 'whsec-0123456789abcdef';

describe('a webhook subscribed before a check refused it', () => {
  const tempDir = useTempDirs();

  /**
   * A data directory whose journal holds subscriptions a mock without today's checks answered
   * 201, each body built for the default sandbox's first organisation; the app reopened on it.
   */
  const journaled = async (bodies: ((orgId: string) => Record<string, unknown>)[]) => {
    const dataDir = tempDir();
    const first = openApp(dataDir);
    const org: Credentials = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    await first.app.close();
    const store = openDataDir(dataDir);
    const texts = bodies.map((body) => JSON.stringify(body(org.id)));
    store.append(texts.map((body, i) => ({ seq: store.lastSeq + 1 + i, kind: 'command' as const, at: Date.parse('2026-12-05T09:00:00Z') + i, method: 'POST', path: '/_sim/v1/sandboxes/default/webhooks', query: '', contentType: 'application/json', body, status: 201 })));
    store.close();
    return { app: openApp(dataDir), orgId: org.id, texts };
  };

  it('is restored at start as it was answered, though a new subscription of its URL is refused', async () => {
    const { app: second, orgId, texts } = await journaled([(organizationId) => ({ organizationId, url: 'http://user:pass@receiver.test/hook', secret: SECRET })]);
    expect((await second.call('GET', '/_sim/v1/sandboxes/default/webhooks')).body.items).toMatchObject([{ organizationId: orgId, url: 'http://user:pass@receiver.test/hook' }]);
    expect(second.app.storage.replayRefused.count).toBe(0);
    const again = await second.call('POST', '/_sim/v1/sandboxes/default/webhooks', { rawBody: texts[0] });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].pointer).toBe('/url');
    await second.app.close();
  });

  it('keeps unknown and repeated event types it was answered with, though a new subscription is refused', async () => {
    const { app: second, texts } = await journaled([
      (organizationId) => ({ organizationId, url: 'http://receiver.test/a', secret: SECRET, eventTypes: ['nonsense'] }),
      (organizationId) => ({ organizationId, url: 'http://receiver.test/b', secret: SECRET, eventTypes: ['state_changed', 'state_changed'] }),
    ]);
    expect((await second.call('GET', '/_sim/v1/sandboxes/default/webhooks')).body.items.map((h: { eventTypes: string[] }) => h.eventTypes)).toEqual([['nonsense'], ['state_changed', 'state_changed']]);
    expect(second.app.storage.replayRefused.count).toBe(0);
    expect((await second.call('POST', '/_sim/v1/sandboxes/default/webhooks', { rawBody: texts[0] })).body.errors[0].pointer).toBe('/eventTypes/0');
    expect((await second.call('POST', '/_sim/v1/sandboxes/default/webhooks', { rawBody: texts[1] })).body.errors[0].pointer).toBe('/eventTypes/1');
    await second.app.close();
  });

  it('keeps a loosely written URL and a blank secret it was answered with, though a new subscription is refused', async () => {
    const { app: second, texts } = await journaled([
      (organizationId) => ({ organizationId, url: 'http:/receiver.test/a', secret: SECRET }),
      (organizationId) => ({ organizationId, url: 'http://receiver.test/b', secret: ' '.repeat(19) }),
    ]);
    expect((await second.call('GET', '/_sim/v1/sandboxes/default/webhooks')).body.items.map((h: { url: string }) => h.url)).toEqual(['http:/receiver.test/a', 'http://receiver.test/b']);
    expect(second.app.storage.replayRefused.count).toBe(0);
    expect((await second.call('POST', '/_sim/v1/sandboxes/default/webhooks', { rawBody: texts[0] })).body.errors[0].pointer).toBe('/url');
    expect((await second.call('POST', '/_sim/v1/sandboxes/default/webhooks', { rawBody: texts[1] })).body.errors[0].pointer).toBe('/secret');
    await second.app.close();
  });

  it('keeps both of two subscriptions of one URL it was answered 201 twice, though a third is refused', async () => {
    const hook = (organizationId: string) => ({ organizationId, url: 'http://receiver.test/hook', secret: SECRET });
    const { app: second, texts } = await journaled([hook, hook]);
    const [a, b] = (await second.call('GET', '/_sim/v1/sandboxes/default/webhooks')).body.items as { id: string; url: string }[];
    expect([a?.url, b?.url]).toEqual(['http://receiver.test/hook', 'http://receiver.test/hook']);
    expect(a?.id).not.toBe(b?.id);
    expect(second.app.storage.replayRefused.count).toBe(0);
    const third = await second.call('POST', '/_sim/v1/sandboxes/default/webhooks', { rawBody: texts[0] });
    expect(third.status).toBe(409);
    expect(third.body.existingWebhookId).toBe(a?.id);
    await second.app.close();
  });
});
