import { describe, expect, it } from 'vitest';
import { builtinOrganisations, createApp } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { openSqliteStore } from '../../src/persistence/sqlite-store.js';
import { client, type Credentials } from '../support/client.js';
import { failingStore } from '../support/failing-store.js';
import { notesPlatform } from '../support/notes-platform.js';
import { openApp, useTempDirs } from './data-dir-app.js';

describe('a write the store cannot keep (a full disk, injected through the storage interface)', () => {
  const tempDir = useTempDirs();

  it('answers 503 STORAGE_UNAVAILABLE, changes nothing, refuses writes until storage works, and loses nothing acknowledged after', async () => {
    const dataDir = tempDir();
    const { store, control } = failingStore(openSqliteStore(dataDir));
    // Wall time moves on only when the test says (signatures are checked against it, within ±5 minutes).
    let skew = 0;
    const app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, seed: 5, startAt: '2025-09-26T10:00:00+08:00', store, now: () => Date.now() + skew, logError: () => undefined });
    const call = client({ fetch: createFetch(app), baseUrl: 'http://mock.local', close: async () => undefined });
    const org: Credentials = (await call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    const kept = await call('POST', '/sharing/v1/notes', { body: { text: 'kept' }, as: org });
    expect(kept.status).toBe(201);

    control.failing = true;
    const lost = await call('POST', '/sharing/v1/notes', { body: { text: 'lost' }, headers: { 'idempotency-key': 'k-lost' }, as: org });
    expect(lost.status).toBe(503);
    expect(lost.headers.get('content-type')).toBe('application/problem+json');
    expect(lost.headers.get('retry-after')).toBe('1');
    expect(lost.body).toMatchObject({ code: 'STORAGE_UNAVAILABLE', message: { zh: expect.stringMatching(/存储/) } });
    expect(app.storage).toMatchObject({ kind: 'store', writable: false });
    // The failed write changed nothing: the list and the count are as before it.
    expect((await call('GET', '/sharing/v1/notes', { as: org })).body.items.map((n: { text: string }) => n.text)).toEqual(['kept']);
    expect((await call('GET', '/sharing/v1/stats')).body).toEqual({ notes: 1 });
    // Writes are refused before they run, on the platforms and the simulation API alike; reads go on.
    expect((await call('POST', '/sharing/v1/notes', { body: { text: 'refused' }, as: org })).status).toBe(503);
    const simWrite = await call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_refused', profile: 'national', seed: 9 } });
    expect(simWrite.body).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    expect((await call('GET', '/_sim/v1/sandboxes')).body.items.map((s: { id: string }) => s.id)).toEqual(['default']);
    // Going back to the store kept what the sandbox was asked, the refusals and the last write acknowledged before them.
    const journaled = (await call('GET', '/_sim/v1/sandboxes/default/requests')).body.items as { requestId: string; method: string; path: string; status: number }[];
    expect(journaled.map(({ method, path, status }) => `${status} ${method} ${path}`)).toEqual([
      '503 POST /sharing/v1/notes',
      '200 GET /sharing/v1/stats',
      '200 GET /sharing/v1/notes',
      '503 POST /sharing/v1/notes',
      '201 POST /sharing/v1/notes',
    ]);
    expect(journaled.map((entry) => entry.requestId).slice(-2)).toEqual([lost.headers.get('x-request-id'), kept.headers.get('x-request-id')]);

    control.failing = false;
    skew += 1_000; // the next write probes the store, which works again
    const again = await call('POST', '/sharing/v1/notes', { body: { text: 'lost' }, headers: { 'idempotency-key': 'k-lost' }, as: org });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull(); // the failed attempt left no idempotency record
    const after = await Promise.all(Array.from({ length: 20 }, (_, i) => call('POST', '/sharing/v1/notes', { body: { text: `after ${i}` }, as: org })));
    expect(after.map((r) => r.status)).toEqual(Array(20).fill(201));
    // No close: as after kill -9, the next app reads only what was committed.
    store.close();

    const restarted = openApp(dataDir);
    for (const note of [kept, again, ...after]) expect((await restarted.call('GET', `/sharing/v1/notes/${note.body.id}`, { as: org })).status).toBe(200);
    expect((await restarted.call('GET', '/sharing/v1/stats')).body).toEqual({ notes: 22 });
    await restarted.app.close();
  });

  it('closing while the store refuses writes logs that no last snapshot was written; the next start replays the journal', async () => {
    const dataDir = tempDir();
    const { store, control } = failingStore(openSqliteStore(dataDir));
    const logged: string[] = [];
    const app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, seed: 5, startAt: '2025-09-26T10:00:00+08:00', store, logError: (message) => logged.push(message) });
    const call = client({ fetch: createFetch(app), baseUrl: 'http://mock.local', close: async () => undefined });
    const org: Credentials = (await call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    expect((await call('POST', '/sharing/v1/notes', { body: { text: 'kept' }, as: org })).status).toBe(201);
    control.failing = true;
    expect((await call('POST', '/sharing/v1/notes', { body: { text: 'lost' }, as: org })).status).toBe(503);
    logged.length = 0;

    await app.close();
    expect(logged).toEqual(['[STORAGE] no last snapshot at close: the storage refuses writes; the journal keeps every entry, and the next start replays 1']);
    const restarted = openApp(dataDir);
    expect(restarted.app.storage.entriesSinceSnapshot).toBe(1);
    expect((await restarted.call('GET', '/sharing/v1/stats')).body).toEqual({ notes: 1 });
    await restarted.app.close();
  });
});
