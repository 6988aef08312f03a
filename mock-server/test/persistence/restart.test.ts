import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinOrganisations, createApp, type AppOptions } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { client, type Credentials } from '../support/client.js';
import { notesPlatform } from '../support/notes-platform.js';
import { journalOnlyStore } from '../support/journal-only-store.js';
import { openDataDir } from '../../src/persistence/data-dir.js';

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
    await first.call('PUT', '/_sim/v1/sandboxes/default/faults', { body: { rules: [{ operation: '/sharing/v1/nothing', probability: 1, kind: 'server_error' }] } });
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

  it('rebuilds writes that read wall time (a sandbox started now, a realtime clock) at the instant they were acknowledged, after a crash', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gdx-restart-'));
    dirs.push(dataDir);
    // Wall time moving on, unevenly, between any two reads, as it does during a request; near the
    // client's, which signs with the real one.
    let wall = Date.now();
    let reads = 0;
    const ticking = () => (wall += 1 + ((reads++ * 7_919) % 23));
    // Rebuilt from the journal alone, as after a crash (a last snapshot at close would hide the replay).
    const first = open(dataDir, { now: ticking, startAt: undefined, store: journalOnlyStore(openDataDir(dataDir)) });
    const made = await first.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_live', profile: 'national', clock: { mode: 'realtime' } } });
    expect(made.status).toBe(201);
    const org: Credentials = made.body.organizations[0];
    const notes = [];
    for (const text of ['a', 'b', 'c']) notes.push((await first.call('POST', '/sandboxes/sbx_live/sharing/v1/notes', { body: { text }, as: org })).body);
    await first.app.close();

    wall += 60_000;
    const second = open(dataDir, { now: ticking, startAt: undefined });
    for (const note of notes) {
      const read = await second.call('GET', `/sandboxes/sbx_live/sharing/v1/notes/${note.id}`, { as: org });
      expect(read.status, JSON.stringify(read.body)).toBe(200);
      expect(read.body).toEqual(note);
    }
    await second.app.close();
  });
});
