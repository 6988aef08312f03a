import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinOrganisations, createApp, DataDirDamagedError, type AppOptions } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { repairDataDir } from '../../src/persistence/repair.js';
import { openSqliteStore } from '../../src/persistence/sqlite-store.js';
import { client, type Credentials } from '../support/client.js';
import { notesPlatform } from '../support/notes-platform.js';
import { openApp, useTempDirs } from './data-dir-app.js';

const SANDBOXES = ['sbx_a', 'sbx_b', 'sbx_c'];

type Call = ReturnType<typeof openApp>['call'];

/** The registrant-like first organisation of a sandbox, to sign its notes with. */
async function orgOf(call: Call, sandbox: string): Promise<Credentials> {
  return (await call('GET', `/_sim/v1/sandboxes/${sandbox}`)).body.organizations[0];
}

/** Everything a vendor could read back of the server: each sandbox's export and the sandbox list. */
async function everything(call: Call): Promise<unknown> {
  const sandboxes = (await call('GET', '/_sim/v1/sandboxes')).body;
  const exports: Record<string, unknown> = {};
  for (const { id } of sandboxes.items as { id: string }[]) {
    const { exportedAt: _exportedAt, ...snapshot } = (await call('GET', `/_sim/v1/sandboxes/${id}/snapshot`)).body;
    exports[id] = snapshot;
  }
  return { sandboxes, exports };
}

/** A data directory of three sandboxes besides the default, with a note in each, closed (so its snapshot holds them). */
async function filledDir(dataDir: string): Promise<void> {
  const { app, call } = openApp(dataDir);
  for (const [i, id] of SANDBOXES.entries()) {
    expect((await call('POST', '/_sim/v1/sandboxes', { body: { id, profile: 'national', seed: i + 1 } })).status).toBe(201);
    expect((await call('POST', `/sandboxes/${id}/sharing/v1/notes`, { body: { text: `first of ${id}` }, as: await orgOf(call, id) })).status).toBe(201);
  }
  await app.close();
}

describe('sandboxes restored on first use after a start', () => {
  const tempDir = useTempDirs();

  it('starts with only the default sandbox restored, and each other one answers as before the restart, entries after the snapshot included', async () => {
    const dataDir = tempDir();
    await filledDir(dataDir);
    // Writes after the snapshot, then a stop without one (as after kill -9): a start replays them.
    const store = openSqliteStore(dataDir);
    const options: AppOptions = { platforms: [notesPlatform], organisations: builtinOrganisations, seed: 5, startAt: '2025-09-26T10:00:00+08:00', logError: () => undefined };
    const first = createApp({ ...options, store });
    const call = client({ fetch: createFetch(first), baseUrl: 'http://mock.local', close: async () => undefined });
    const b = await orgOf(call, 'sbx_b');
    const note = await call('POST', '/sandboxes/sbx_b/sharing/v1/notes', { body: { text: 'second', expiresIn: 2 }, headers: { 'idempotency-key': 'k-b' }, as: b });
    await call('PATCH', `/sandboxes/sbx_b/sharing/v1/notes/${note.body.id}`, { body: { text: 'second, edited' }, as: b });
    // Registry changes between them: a sandbox with a drawn id, a reset, a delete.
    expect((await call('POST', '/_sim/v1/sandboxes', { body: { profile: 'xiamen' } })).status).toBe(201);
    expect((await call('POST', '/_sim/v1/sandboxes/sbx_a/reset')).status).toBe(200);
    expect((await call('DELETE', '/_sim/v1/sandboxes/sbx_c')).status).toBe(204);
    await call('POST', '/_sim/v1/sandboxes/sbx_b/clock/advance', { body: { workingDays: 3 } });
    const before = await everything(call);
    store.close();

    const second = openApp(dataDir);
    // Only the default sandbox (and those the replayed registry changes touched) is restored before the start returns.
    expect(second.app.storage.restoring).toBe(1);
    expect((await second.call('GET', '/_sim/v1/health')).body.sandboxes).toBe(4);
    expect(await everything(second.call)).toEqual(before);
    expect(second.app.storage.restoring).toBe(0);
    // The idempotency key of a write replayed into the restored sandbox still answers the stored answer.
    const replay = await second.call('POST', '/sandboxes/sbx_b/sharing/v1/notes', { body: { text: 'second', expiresIn: 2 }, headers: { 'idempotency-key': 'k-b' }, as: b });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.id).toBe(note.body.id);
    await second.app.close();
  });

  it('keeps the writes made while the warm-up is still restoring sandboxes', async () => {
    const dataDir = tempDir();
    await filledDir(dataDir);
    const { app, call } = openApp(dataDir);
    expect(app.storage.restoring).toBe(SANDBOXES.length);
    // Issued together before any turn of the warm-up: each restores its sandbox first and waits for it.
    const written = await Promise.all(
      SANDBOXES.map(async (id) => call('POST', `/sandboxes/${id}/sharing/v1/notes`, { body: { text: `during warm-up in ${id}` }, as: await orgOf(call, id) })),
    );
    expect(written.map((answer) => answer.status)).toEqual([201, 201, 201]);
    const before = await everything(call);
    await app.close();

    const restarted = openApp(dataDir);
    expect(await everything(restarted.call)).toEqual(before);
    for (const id of SANDBOXES) {
      const texts = (await restarted.call('GET', `/sandboxes/${id}/sharing/v1/notes`, { as: await orgOf(restarted.call, id) })).body.items.map((n: { text: string }) => n.text);
      expect(texts).toEqual(expect.arrayContaining([`first of ${id}`, `during warm-up in ${id}`]));
    }
    await restarted.app.close();
  });

  it('refuses a sandbox whose saved part is damaged when it is restored, names the file and the part, drops nothing, and repair recovers it', async () => {
    const dataDir = tempDir();
    await filledDir(dataDir);
    // One byte of sbx_b's part (part 0 is the registry's own state, then default, sbx_a, sbx_b) changed in place.
    const damage = (part: number, from: string, to: string): void => {
      const db = new Database(join(dataDir, 'snapshots.sqlite'));
      const { changes } = db.prepare(`UPDATE snapshot_parts SET json = replace(json, ?, ?) WHERE seq = (SELECT max(seq) FROM snapshots) AND part = ?`).run(from, to, part);
      db.close();
      expect(changes).toBe(1);
    };
    damage(3, 'first of sbx_b', 'first of sbx_X');

    for (let start = 0; start < 2; start += 1) {
      const logged: string[] = [];
      const { app, call } = openApp(dataDir, { logError: (message, error) => logged.push(`${message} ${error instanceof Error ? error.message : String(error)}`) });
      const answer = await call('GET', '/_sim/v1/sandboxes/sbx_b');
      expect(answer.status).toBe(503);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.body).toMatchObject({ code: 'STORAGE_UNAVAILABLE', detail: expect.stringMatching(/part 3 of the snapshot after entry \d+: it does not match its SHA-256.*gdx-mock repair/) });
      expect(logged.join('\n')).toMatch(/DATA_DIR_DAMAGED[\s\S]*snapshots\.sqlite[\s\S]*part 3 of the snapshot after entry \d+[\s\S]*does not match its SHA-256[\s\S]*gdx-mock repair --data-dir/);
      expect((await call('GET', '/_sim/v1/sandboxes/sbx_a')).status).toBe(200);
      // Closing takes no snapshot that would drop it: the next start meets the same damage.
      await app.close();
    }

    const report = repairDataDir(dataDir);
    expect(report.firstDamage).toMatch(/^snapshot after entry \d+$/);
    const repaired = openApp(dataDir);
    const b = await orgOf(repaired.call, 'sbx_b');
    expect((await repaired.call('GET', '/sandboxes/sbx_b/sharing/v1/notes', { as: b })).body.items.map((n: { text: string }) => n.text)).toEqual(['first of sbx_b']);
    await repaired.app.close();

    // The registry's own part is read at start: damage there refuses the start itself.
    damage(0, '"sandboxIds"', '"sandboxIdz"');
    expect(() => openApp(dataDir)).toThrow(DataDirDamagedError);
  });

  it('answers 503 problem+json for a sandbox whose part is damaged after the start, names the part in the log and drops nothing', async () => {
    const dataDir = tempDir();
    await filledDir(dataDir);
    const logged: string[] = [];
    const { app, call } = openApp(dataDir, { logError: (message, error) => logged.push(`${message} ${error instanceof Error ? error.message : String(error)}`) });
    // Before any turn of the warm-up: the part of sbx_b is damaged under the running server.
    const db = new Database(join(dataDir, 'snapshots.sqlite'));
    db.prepare(`UPDATE snapshot_parts SET json = replace(json, 'first of sbx_b', 'first of sbx_X') WHERE part = 3`).run();
    db.close();

    const answer = await call('GET', '/_sim/v1/sandboxes/sbx_b');
    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    expect(logged.join('\n')).toMatch(/snapshots\.sqlite[\s\S]*part 3 of the snapshot after entry \d+[\s\S]*does not match its SHA-256/);
    // The other sandboxes are served; the damaged one stays in its saved form.
    for (const id of ['sbx_a', 'sbx_c']) expect((await call('GET', `/_sim/v1/sandboxes/${id}`)).status).toBe(200);
    expect(app.storage.restoring).toBe(1);
    // Health says so too, and readiness stays: the other sandboxes are served.
    expect((await call('GET', '/_sim/v1/health')).body.storage).toMatchObject({ restoring: 1 });
    expect((await call('GET', '/_sim/v1/ready')).status).toBe(200);
    await app.close();
  });
});
