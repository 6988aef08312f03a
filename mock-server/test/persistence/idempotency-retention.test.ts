import { describe, expect, it } from 'vitest';
import type { AppOptions } from '../../src/index.js';
import { openDataDir } from '../../src/persistence/data-dir.js';
import { openNewestSnapshot } from '../../src/persistence/sqlite-store.js';
import type { Credentials } from '../support/client.js';
import { journalOnlyStore } from '../support/journal-only-store.js';
import { openApp, useTempDirs } from './data-dir-app.js';

// Idempotency keys expire a retention after their first answer, in wall time. The test's wall
// clock runs ahead of the real one by `ahead` (the client signs with the real one: a minute
// stays inside the signature window), and the retention is a minute.
const RETENTION = 60_000;

describe('idempotency keys expire (in process, with a data directory)', () => {
  const tempDir = useTempDirs();
  let ahead = 0;
  const options = (extra: AppOptions = {}): AppOptions => ({ now: () => Date.now() + ahead, idempotencyRetentionMs: RETENTION, ...extra });

  it('a key reused after its retention is a new request; a restart replaying the journal answers as before', async () => {
    ahead = 0;
    const dataDir = tempDir();
    // Rebuilt from the journal alone, as after a crash (a last snapshot at close would hide the replay).
    const first = openApp(dataDir, options({ store: journalOnlyStore(openDataDir(dataDir)) }));
    const org: Credentials = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    const note = (call: typeof first.call, key: string, text = 'a') => call('POST', '/sharing/v1/notes', { body: { text }, headers: { 'idempotency-key': key }, as: org });

    const a = await note(first.call, 'k-a');
    expect(a.status).toBe(201);
    ahead += RETENTION / 2;
    const b = await note(first.call, 'k-b');
    const retried = await note(first.call, 'k-a');
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body.id).toBe(a.body.id);
    ahead += RETENTION / 2;
    const again = await note(first.call, 'k-a');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body.id).not.toBe(a.body.id);
    // Its time runs from this answer: another body under it is now a conflict again.
    expect((await note(first.call, 'k-a', 'other')).status).toBe(422);
    const before = (await first.call('GET', '/_sim/v1/sandboxes/default/snapshot')).body;
    await first.app.close();

    const second = openApp(dataDir, options());
    expect((await second.call('GET', '/_sim/v1/sandboxes/default/snapshot')).body).toEqual(before);
    const replayed = await note(second.call, 'k-a');
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.id).toBe(again.body.id);
    expect((await note(second.call, 'k-b')).body.id).toBe(b.body.id);
    ahead += RETENTION / 2;
    const fresh = await note(second.call, 'k-b');
    expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    expect(fresh.body.id).not.toBe(b.body.id);
    await second.app.close();
  });

  it('a snapshot leaves out the records expired by then and keeps the others, which a restart still replays', async () => {
    ahead = 0;
    const dataDir = tempDir();
    const first = openApp(dataDir, options({ compactEvery: 4 }));
    const org: Credentials = (await first.call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    const note = (call: typeof first.call, key?: string) => call('POST', '/sharing/v1/notes', { body: { text: 'x' }, as: org, ...(key ? { headers: { 'idempotency-key': key } } : {}) });
    await note(first.call, 'k-old');
    ahead += RETENTION - 1_000;
    const kept = await note(first.call, 'k-new');
    ahead += 1_000;
    // Two more writes: the fourth entry takes the snapshot, with k-old expired and k-new not.
    await note(first.call);
    await note(first.call);
    await first.app.close();

    const newest = openNewestSnapshot(dataDir);
    const sandboxIds = (newest.snapshot?.part(0) as { sandboxIds: string[] }).sandboxIds;
    const records = (newest.snapshot?.part(1 + sandboxIds.indexOf('default')) as { idempotency: { scope: string }[] }).idempotency;
    newest.close();
    expect(records.map((r) => r.scope.split('\n')[1])).toEqual(['k-new']);

    const second = openApp(dataDir, options());
    const replayed = await note(second.call, 'k-new');
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.id).toBe(kept.body.id);
    await second.app.close();
  });
});
