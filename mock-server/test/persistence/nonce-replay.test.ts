import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signRequest } from '@gdx/protocol';
import { describe, expect, it } from 'vitest';
import type { CommandEntry } from '../../src/persistence/journal-entry.js';
import { openSqliteStore, readJournalFile } from '../../src/persistence/sqlite-store.js';
import type { Credentials } from '../support/client.js';
import { openApp, useTempDirs } from './data-dir-app.js';

const URL_NOTES = 'http://mock.local/sharing/v1/notes';

/** One signed POST, captured: the same bytes can be sent again later. */
function capturedCreate(org: Credentials, text: string): { send: (fetch: typeof globalThis.fetch) => Promise<{ status: number; body: any }> } {
  const body = JSON.stringify({ text });
  const headers = { ...signRequest({ method: 'POST', url: URL_NOTES, body, appKey: org.appKey, secret: org.secret }), 'content-type': 'application/json' };
  return {
    async send(fetch) {
      const res = await fetch(URL_NOTES, { method: 'POST', headers, body });
      return { status: res.status, body: await res.json() };
    },
  };
}

describe('nonces of journaled commands survive a restart', () => {
  const tempDir = useTempDirs();

  it.each([{ compactEvery: 10_000 }, { compactEvery: 1 }])('refuses a captured signed POST replayed after a restart (%o)', async (options) => {
    const dataDir = tempDir();
    const first = openApp(dataDir, options);
    const org: Credentials = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    const captured = capturedCreate(org, 'once');
    expect((await captured.send(first.fetch)).status).toBe(201);
    expect((await captured.send(first.fetch)).body.code).toBe('NONCE_REPLAYED');
    // With compactEvery 1 this compacts: the nonce must then come from the snapshot.
    await first.call('POST', '/sharing/v1/notes', { body: { text: 'later' }, as: org });
    await first.app.close();

    const second = openApp(dataDir, options);
    const replayed = await captured.send(second.fetch);
    expect(replayed.status).toBe(401);
    expect(replayed.body.code).toBe('NONCE_REPLAYED');
    expect((await second.call('GET', '/sharing/v1/stats')).body).toEqual({ notes: 2 });
    // Only that nonce is spent: a fresh signature is accepted.
    expect((await second.call('POST', '/sharing/v1/notes', { body: { text: 'fresh' }, as: org })).status).toBe(201);
    await second.app.close();
  });

  it('still reads a journal written before nonces were recorded', async () => {
    const dataDir = tempDir();
    const first = openApp(dataDir);
    const org: Credentials = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    await first.call('POST', '/sharing/v1/notes', { body: { text: 'old' }, as: org });
    await first.app.close();
    // The same history in the old file format, as gdx-mock 0.1 wrote it before nonces were recorded
    // (read from the journal itself: the last snapshot of close covers them, but only entries up
    // to the oldest kept snapshot, the initial one, are dropped).
    const store = openSqliteStore(dataDir);
    const entries = readJournalFile(dataDir, 0, store.lastSeq);
    store.close();
    expect(entries.some((e) => e.kind === 'command' && e.signature?.appKey === org.appKey)).toBe(true);
    // A 0.1 directory has none of the store's files (a store file left behind is refused as missing its partner).
    for (const file of ['store.sqlite', 'snapshots.sqlite', 'gdx-data.json']) rmSync(join(dataDir, file));
    writeFileSync(join(dataDir, 'journal.ndjson'), entries.map((e) => { const { kind: _kind, signature: _signature, ...old } = e as CommandEntry; return `${JSON.stringify(old)}\n`; }).join(''));

    const second = openApp(dataDir);
    expect((await second.call('GET', '/sharing/v1/stats')).body).toEqual({ notes: 1 });
    await second.app.close();
    // Moved into the store once; the old file is kept, renamed.
    expect(existsSync(join(dataDir, 'journal.ndjson'))).toBe(false);
    expect(existsSync(join(dataDir, 'journal.ndjson.imported'))).toBe(true);
    expect((await (async () => { const third = openApp(dataDir); const n = (await third.call('GET', '/sharing/v1/stats')).body; await third.app.close(); return n; })())).toEqual({ notes: 1 });
  });
});
