import { describe, expect, it } from 'vitest';
import { createApp, DEFAULT_MAX_SANDBOXES, type AppOptions } from '../../src/index.js';
import { parseCli } from '../../src/cli/cli-options.js';
import { createFetch } from '../../src/fetch/index.js';
import { openDataDir } from '../../src/persistence/data-dir.js';
import { client } from '../support/client.js';
import { expectContract } from '../support/contract.js';
import { journalOnlyStore } from '../support/journal-only-store.js';
import { useTempDirs } from '../persistence/data-dir-app.js';

// Quotas bound each sandbox, not how many there are: 1,000 sandboxes created without a seed (each
// drawing its own seed data) took a server from 115 MB to 1.9 GB of RSS, and nothing refused more.

function open(options: AppOptions) {
  const app = createApp({ seed: 3, startAt: '2025-09-26T10:00:00+08:00', ...options });
  return { app, call: client({ fetch: createFetch(app), baseUrl: 'http://mock.local', close: async () => undefined }) };
}

const ids = async (call: ReturnType<typeof client>) => ((await call('GET', '/_sim/v1/sandboxes')).body.items as { id: string }[]).map((s) => s.id).sort();

describe('the limit on sandboxes', () => {
  const tempDir = useTempDirs();

  it('refuses a create or an import past it with 409 SANDBOX_LIMIT_REACHED (limit, used), creating nothing; a delete makes room', async () => {
    const { app, call } = open({ maxSandboxes: 3 });
    for (const id of ['one', 'two']) expect((await call('POST', '/_sim/v1/sandboxes', { body: { id, profile: 'national' } })).status).toBe(201);

    const refused = await call('POST', '/_sim/v1/sandboxes', { body: { id: 'three', profile: 'national' }, headers: { 'idempotency-key': 'k-three' } });
    expectContract('simulation', 'createSandbox', refused, 409);
    expect(refused.body).toMatchObject({ code: 'SANDBOX_LIMIT_REACHED', limit: 3, used: 3, message: { zh: expect.stringContaining('沙箱数量'), en: expect.any(String) } });
    const snapshot = (await call('GET', '/_sim/v1/sandboxes/one/snapshot')).body;
    const imported = await call('POST', '/_sim/v1/sandboxes/import', { body: { id: 'copy', snapshot } });
    expectContract('simulation', 'importSnapshot', imported, 409);
    expect(imported.body).toMatchObject({ code: 'SANDBOX_LIMIT_REACHED', limit: 3, used: 3 });
    expect(await ids(call)).toEqual(['default', 'one', 'two']);

    expect((await call('DELETE', '/_sim/v1/sandboxes/two')).status).toBe(204);
    // The refused key was not kept: sent again, it creates.
    expect((await call('POST', '/_sim/v1/sandboxes', { body: { id: 'three', profile: 'national' }, headers: { 'idempotency-key': 'k-three' } })).status).toBe(201);
    await app.close();
  });

  it('defaults to DEFAULT_MAX_SANDBOXES and refuses a limit that is not a positive integer', () => {
    expect(DEFAULT_MAX_SANDBOXES).toBe(1_000);
    expect(() => createApp({ maxSandboxes: 0 })).toThrow(/maxSandboxes must be a positive integer, got 0/);
    expect(parseCli(['--max-sandboxes', '5'])).toMatchObject({ kind: 'run', app: { maxSandboxes: 5 } });
    expect(parseCli([], { GDX_MOCK_MAX_SANDBOXES: '0' })).toEqual({ kind: 'error', message: 'GDX_MOCK_MAX_SANDBOXES must be a positive integer: 0' });
  });

  it('replays every acknowledged create at start, also past a lower limit given since; only new ones are refused', async () => {
    const dataDir = tempDir();
    const logged: string[] = [];
    const first = open({ store: journalOnlyStore(openDataDir(dataDir)) });
    for (const id of ['one', 'two', 'three']) expect((await first.call('POST', '/_sim/v1/sandboxes', { body: { id, profile: 'national' } })).status).toBe(201);
    await first.app.close();

    const second = open({ dataDir, maxSandboxes: 2, logError: (message) => logged.push(message) });
    expect(await ids(second.call)).toEqual(['default', 'one', 'three', 'two']);
    expect(second.app.storage.replayRefused.count).toBe(0);
    expect(logged).toEqual([]);
    expect((await second.call('POST', '/_sim/v1/sandboxes', { body: { id: 'four', profile: 'national' } })).body).toMatchObject({ code: 'SANDBOX_LIMIT_REACHED', limit: 2, used: 4 });
    await second.app.close();
  });
});
