import { describe, expect, it } from 'vitest';
import { openDataDir } from '../../src/persistence/data-dir.js';
import type { Credentials } from '../support/client.js';
import { openApp, useTempDirs } from './data-dir-app.js';

describe('a webhook subscribed before URLs with credentials were refused', () => {
  const tempDir = useTempDirs();

  it('is restored at start as it was answered, though a new subscription of its URL is refused', async () => {
    const dataDir = tempDir();
    const first = openApp(dataDir);
    const org: Credentials = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    await first.app.close();
    // A subscription a mock without the check answered 201.
    const body = JSON.stringify({ organizationId: org.id, url: 'http://user:pass@receiver.test/hook', secret: 'whsec-0123456789abcdef' });
    const store = openDataDir(dataDir);
    store.append([{ seq: store.lastSeq + 1, kind: 'command', at: Date.parse('2026-12-05T09:00:00Z'), method: 'POST', path: '/_sim/v1/sandboxes/default/webhooks', query: '', contentType: 'application/json', body, status: 201 }]);
    store.close();

    const second = openApp(dataDir);
    expect((await second.call('GET', '/_sim/v1/sandboxes/default/webhooks')).body.items).toMatchObject([{ organizationId: org.id, url: 'http://user:pass@receiver.test/hook' }]);
    expect(second.app.storage.replayRefused.count).toBe(0);
    const again = await second.call('POST', '/_sim/v1/sandboxes/default/webhooks', { rawBody: body });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].pointer).toBe('/url');
    await second.app.close();
  });
});
