import { describe, expect, it } from 'vitest';
import { createApp, DEFAULT_MAX_WEBHOOKS, type AppOptions } from '../../src/index.js';
import { parseCli } from '../../src/cli/cli-options.js';
import { createFetch } from '../../src/fetch/index.js';
import { openDataDir } from '../../src/persistence/data-dir.js';
import { client } from '../support/client.js';
import { expectContract } from '../support/contract.js';
import { journalOnlyStore } from '../support/journal-only-store.js';
import { useTempDirs } from '../persistence/data-dir-app.js';

// Each event is delivered to every webhook that receives it, and each delivery is logged: a client
// subscribing in a loop through the simulation API multiplied every later event's work without end.

function open(options: AppOptions) {
  const app = createApp({ seed: 3, startAt: '2025-09-26T10:00:00+08:00', ...options });
  return { app, call: client({ fetch: createFetch(app), baseUrl: 'http://mock.local', close: async () => undefined }) };
}

type Call = ReturnType<typeof client>;
const WEBHOOKS = '/_sim/v1/sandboxes/default/webhooks';
const orgOf = async (call: Call): Promise<string> => (await call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0].id as string;
const subscribe = (call: Call, organizationId: string, n: number, headers: Record<string, string> = {}) =>
  call('POST', WEBHOOKS, { body: { organizationId, url: `http://127.0.0.1:9/hook-${n}`, secret: 'whsec-0123456789abcdef' }, headers });
const hookUrls = async (call: Call) => ((await call('GET', WEBHOOKS)).body.items as { url: string }[]).map((hook) => hook.url).sort();

describe('the limit on webhooks per sandbox', () => {
  const tempDir = useTempDirs();

  it('refuses a subscription past it with 409 WEBHOOK_LIMIT_REACHED (limit, used), subscribing nothing; a delete makes room', async () => {
    const { app, call } = open({ maxWebhooks: 2 });
    const org = await orgOf(call);
    const first = await subscribe(call, org, 1);
    expect(first.status).toBe(201);
    expect((await subscribe(call, org, 2)).status).toBe(201);

    const refused = await subscribe(call, org, 3, { 'idempotency-key': 'k-three' });
    expectContract('simulation', 'createWebhook', refused, 409);
    expect(refused.body).toMatchObject({ code: 'WEBHOOK_LIMIT_REACHED', limit: 2, used: 2, message: { zh: expect.stringContaining('回调订阅数量'), en: expect.any(String) } });
    expect(refused.body.detail).toContain('--max-webhooks');
    expect(await hookUrls(call)).toEqual(['http://127.0.0.1:9/hook-1', 'http://127.0.0.1:9/hook-2']);
    // Another sandbox has its own room.
    const other = await call('POST', '/_sim/v1/sandboxes', { body: { id: 'other', profile: 'national', seed: 3 } });
    expect(other.status).toBe(201);
    const otherOrg = other.body.organizations[0].id as string;
    expect((await call('POST', '/_sim/v1/sandboxes/other/webhooks', { body: { organizationId: otherOrg, url: 'http://127.0.0.1:9/other', secret: 'whsec-0123456789abcdef' } })).status).toBe(201);

    expect((await call('DELETE', `${WEBHOOKS}/${first.body.id as string}`)).status).toBe(204);
    // The refused key was not kept: sent again, it subscribes.
    expect((await subscribe(call, org, 3, { 'idempotency-key': 'k-three' })).status).toBe(201);
    await app.close();
  });

  it('defaults to DEFAULT_MAX_WEBHOOKS (100), is set by --max-webhooks or its variable, and refuses a limit that is not a positive integer', async () => {
    expect(DEFAULT_MAX_WEBHOOKS).toBe(100);
    const { app, call } = open({});
    const org = await orgOf(call);
    for (let n = 0; n < DEFAULT_MAX_WEBHOOKS; n++) expect((await subscribe(call, org, n)).status).toBe(201);
    expect((await subscribe(call, org, 100)).body).toMatchObject({ status: 409, code: 'WEBHOOK_LIMIT_REACHED', limit: 100, used: 100 });
    await app.close();
    expect(() => createApp({ maxWebhooks: 0 })).toThrow(/maxWebhooks must be a positive integer, got 0/);
    expect(parseCli(['--max-webhooks', '5'])).toMatchObject({ kind: 'run', app: { maxWebhooks: 5 } });
    expect(parseCli([], { GDX_MOCK_MAX_WEBHOOKS: '0' })).toEqual({ kind: 'error', message: 'GDX_MOCK_MAX_WEBHOOKS must be a positive integer: 0' });
  });

  it('replays every acknowledged subscription at start, also past a lower limit given since; only new ones are refused', async () => {
    const dataDir = tempDir();
    const logged: string[] = [];
    const first = open({ store: journalOnlyStore(openDataDir(dataDir)) });
    const org = await orgOf(first.call);
    for (const n of [1, 2, 3]) expect((await subscribe(first.call, org, n)).status).toBe(201);
    await first.app.close();

    const second = open({ dataDir, maxWebhooks: 2, logError: (message) => logged.push(message) });
    expect(await hookUrls(second.call)).toEqual(['http://127.0.0.1:9/hook-1', 'http://127.0.0.1:9/hook-2', 'http://127.0.0.1:9/hook-3']);
    expect(second.app.storage.replayRefused.count).toBe(0);
    expect(logged).toEqual([]);
    expect((await subscribe(second.call, org, 4)).body).toMatchObject({ code: 'WEBHOOK_LIMIT_REACHED', limit: 2, used: 3 });
    await second.app.close();
  });
});

describe('an imported snapshot and the limit on webhooks', () => {
  const tempDir = useTempDirs();

  /** A snapshot of a sandbox holding `n` webhooks, exported by a mock without a lower limit. */
  const snapshotWith = async (n: number) => {
    const { app, call } = open({});
    const org = await orgOf(call);
    for (let i = 1; i <= n; i++) expect((await subscribe(call, org, i)).status).toBe(201);
    const snapshot = (await call('GET', '/_sim/v1/sandboxes/default/snapshot')).body;
    await app.close();
    return snapshot;
  };

  it('refuses with 409 WEBHOOK_LIMIT_REACHED (limit, used, pointing at the webhooks) a snapshot holding more than a sandbox may, importing nothing; at the limit it imports', async () => {
    const snapshot = await snapshotWith(3);
    const { app, call } = open({ maxWebhooks: 2 });
    const refused = await call('POST', '/_sim/v1/sandboxes/import', { body: { id: 'copy', snapshot } });
    expectContract('simulation', 'importSnapshot', refused, 409);
    expect(refused.body).toMatchObject({ code: 'WEBHOOK_LIMIT_REACHED', limit: 2, used: 3, errors: [{ pointer: '/snapshot/state/webhooks', message: { zh: expect.stringContaining('3'), en: expect.stringContaining('--max-webhooks') } }] });
    expect((await call('GET', '/_sim/v1/sandboxes/copy')).status).toBe(404);
    await app.close();

    const roomy = open({ maxWebhooks: 3 });
    const imported = await roomy.call('POST', '/_sim/v1/sandboxes/import', { body: { id: 'copy', snapshot } });
    expect(imported.status).toBe(201);
    expect((await roomy.call('GET', '/_sim/v1/sandboxes/copy/webhooks')).body.items).toHaveLength(3);
    await roomy.app.close();
  });

  it('replays an import acknowledged under a higher limit with all its webhooks', async () => {
    const snapshot = await snapshotWith(3);
    const dataDir = tempDir();
    const first = open({ store: journalOnlyStore(openDataDir(dataDir)) });
    expect((await first.call('POST', '/_sim/v1/sandboxes/import', { body: { id: 'copy', snapshot } })).status).toBe(201);
    await first.app.close();
    const second = open({ dataDir, maxWebhooks: 2 });
    expect((await second.call('GET', '/_sim/v1/sandboxes/copy/webhooks')).body.items).toHaveLength(3);
    expect(second.app.storage.replayRefused.count).toBe(0);
    await second.app.close();
  });
});
