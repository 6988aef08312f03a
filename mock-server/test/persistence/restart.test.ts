import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinOrganisations, createApp, type AppOptions } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { client, type Credentials } from '../support/client.js';
import { notesPlatform } from '../support/notes-platform.js';

describe('persistence across restarts (in process)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const open = (dataDir: string, extra: AppOptions = {}) => {
    const app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, seed: 5, startAt: '2025-09-26T10:00:00+08:00', dataDir, ...extra });
    return { app, call: client({ fetch: createFetch(app), baseUrl: 'http://mock.local', close: async () => undefined }) };
  };

  it.each([{ compactEvery: 10_000 }, { compactEvery: 3 }])('rebuilds the same state from the journal (%o)', async (options) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gdx-restart-'));
    dirs.push(dataDir);
    const first = open(dataDir, options);
    const org: Credentials = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    await first.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_two', profile: 'xiamen', seed: 9 } });
    const a = await first.call('POST', '/sharing/v1/notes', { body: { text: 'a', expiresIn: 2 }, headers: { 'idempotency-key': 'k-a' }, as: org });
    await first.call('POST', '/sharing/v1/notes', { body: { text: 'b' }, as: org });
    await first.call('PATCH', `/sharing/v1/notes/${a.body.id}`, { body: { text: 'a2' }, as: org });
    await first.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { workingDays: 3 } });
    await first.call('PUT', '/_sim/v1/sandboxes/default/faults', { body: { rules: [{ operation: 'nothing', probability: 1, kind: 'server_error' }] } });
    const before = (await first.call('GET', '/_sim/v1/sandboxes/default/snapshot')).body;
    const sandboxesBefore = (await first.call('GET', '/_sim/v1/sandboxes')).body;
    await first.app.close();

    const second = open(dataDir, options);
    expect((await second.call('GET', '/_sim/v1/sandboxes/default/snapshot')).body).toEqual(before);
    expect((await second.call('GET', '/_sim/v1/sandboxes')).body).toEqual(sandboxesBefore);
    const replay = await second.call('POST', '/sharing/v1/notes', { body: { text: 'a', expiresIn: 2 }, headers: { 'idempotency-key': 'k-a' }, as: org });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(a.body.id);
    await second.app.close();
  });
});
