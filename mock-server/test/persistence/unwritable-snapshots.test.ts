import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { HealthSchema } from '@gdx/simulation/schemas';
import { describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';
import { openSqliteStore } from '../../src/persistence/sqlite-store.js';
import { StorageUnavailableError } from '../../src/persistence/store.js';
import { delegatingStore } from '../support/delegating-store.js';
import { useTempDirs } from './data-dir-app.js';

const OPTIONS = { seed: 3, startAt: '2025-09-26T10:00:00+08:00' } as const;
const json = { 'content-type': 'application/json' };
const WARNING = '[STORAGE] snapshots cannot be written at start; writes go on';
// Root writes a file whatever its mode says, so SQLite never opens one read-only for it: the test
// of a read-only file asserts what root gets there, and the warning everywhere else.
const runsAsRoot = process.getuid?.() === 0;

const createSandbox = (app: App, id: string) =>
  app.dispatch({ method: 'POST', path: '/_sim/v1/sandboxes', query: '', headers: json, body: JSON.stringify({ id, profile: 'national', seed: 1 }) });
const ready = async (app: App) => (await app.dispatch({ method: 'GET', path: '/_sim/v1/ready', query: '', headers: { host: 'mock.local' }, body: undefined })).status;
const health = async (app: App) =>
  JSON.parse(String((await app.dispatch({ method: 'GET', path: '/_sim/v1/health', query: '', headers: { host: 'mock.local' }, body: undefined })).body)) as { status: string; reasons: string[] };

describe('snapshots that cannot be written at start', () => {
  const tempDir = useTempDirs();

  it('are logged at start, naming the file, and make health degraded with SNAPSHOTS_FAILING while writes go on into the journal', async () => {
    const dir = tempDir();
    await createApp({ dataDir: dir, ...OPTIONS }).close();
    const real = openSqliteStore(dir);
    const snapshots = join(dir, 'snapshots.sqlite');
    const store = delegatingStore(real, {
      probeSnapshots: () => {
        throw new StorageUnavailableError(snapshots, new Error('attempt to write a readonly database'));
      },
    });
    const logged: string[] = [];
    const app = createApp({ store, ...OPTIONS, compactEvery: 2, logError: (message, error) => logged.push(`${message} ${(error as Error).message}`) });
    try {
      expect(logged).toEqual([expect.stringContaining(WARNING)]);
      expect(logged[0]).toContain(`could not write to ${snapshots}`);
      // Said before any snapshot is due, not first `compactEvery` writes later.
      expect(HealthSchema.parse(await health(app))).toMatchObject({ status: 'degraded', reasons: ['SNAPSHOTS_FAILING'] });
      expect(await ready(app)).toBe(200);
      expect((await createSandbox(app, 'one')).status).toBe(201);
      expect(await health(app)).toMatchObject({ status: 'degraded', reasons: ['SNAPSHOTS_FAILING'] });
      // The probe was wrong after all (only the snapshot due proves it): the first snapshot written clears it.
      expect((await createSandbox(app, 'two')).status).toBe(201);
      expect(await health(app)).toMatchObject({ status: 'ok', reasons: [], storage: { entriesSinceSnapshot: 0 } });
    } finally {
      await app.close();
    }
  });

  it('a read-only snapshots.sqlite is found by the start probe of a data directory', async () => {
    const dir = tempDir();
    await createApp({ dataDir: dir, ...OPTIONS }).close();
    chmodSync(join(dir, 'snapshots.sqlite'), 0o444);
    const logged: string[] = [];
    const app = createApp({ dataDir: dir, ...OPTIONS, logError: (message, error) => logged.push(`${message} ${(error as Error).message}`) });
    try {
      // Root writes the file whatever its mode: nothing to say then.
      if (runsAsRoot) expect(logged).toEqual([]);
      else {
        expect(logged).toEqual([expect.stringContaining(WARNING)]);
        expect(logged[0]).toContain(`could not write to ${join(dir, 'snapshots.sqlite')}: attempt to write a readonly database`);
      }
      expect((await createSandbox(app, 'one')).status).toBe(201);
    } finally {
      await app.close();
    }
  });

  it('a writable one is probed without a word, and changes nothing a later start reads', async () => {
    const dir = tempDir();
    const first = createApp({ dataDir: dir, ...OPTIONS });
    expect((await createSandbox(first, 'kept')).status).toBe(201);
    await first.close();
    const logged: string[] = [];
    const app = createApp({ dataDir: dir, ...OPTIONS, logError: (message) => logged.push(message) });
    try {
      expect(logged).toEqual([]);
      const list = JSON.parse(String((await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes', query: '', headers: {}, body: undefined })).body)) as { items: { id: string }[] };
      expect(list.items.map((s) => s.id).sort()).toEqual(['default', 'kept']);
    } finally {
      await app.close();
    }
  });
});

describe('snapshots that fail while serving', () => {
  const tempDir = useTempDirs();

  it('make health degraded with SNAPSHOTS_FAILING until one is written again, while writes go on and the mock stays ready', async () => {
    const dir = tempDir();
    await createApp({ dataDir: dir, ...OPTIONS }).close();
    const real = openSqliteStore(dir);
    const snapshots = join(dir, 'snapshots.sqlite');
    // As on a disk freed enough for the journal but not for a snapshot.
    let full = true;
    const store = delegatingStore(real, {
      writeSnapshot: (seq, parts) => {
        if (full) throw new StorageUnavailableError(snapshots, new Error('database or disk is full'));
        real.writeSnapshot(seq, parts);
      },
    });
    const logged: string[] = [];
    const app = createApp({ store, ...OPTIONS, compactEvery: 2, logError: (message) => logged.push(message) });
    try {
      expect(await health(app)).toMatchObject({ status: 'ok', reasons: [] });
      expect((await createSandbox(app, 'one')).status).toBe(201);
      expect((await createSandbox(app, 'two')).status).toBe(201);
      expect(logged).toContainEqual(expect.stringContaining('[STORAGE] snapshot failed'));
      // The contract's reasons enum takes it.
      expect(HealthSchema.parse(await health(app))).toMatchObject({ status: 'degraded', reasons: ['SNAPSHOTS_FAILING'], storage: { writable: true, entriesSinceSnapshot: 2 } });
      expect(await ready(app)).toBe(200);
      // The journal still takes writes: the next attempt (a tenth of compactEvery later, at least one write) fails again.
      expect((await createSandbox(app, 'three')).status).toBe(201);
      expect(await health(app)).toMatchObject({ status: 'degraded', reasons: ['SNAPSHOTS_FAILING'], storage: { entriesSinceSnapshot: 3 } });

      full = false;
      expect((await createSandbox(app, 'four')).status).toBe(201);
      expect(await health(app)).toMatchObject({ status: 'ok', reasons: [], storage: { entriesSinceSnapshot: 0 } });
    } finally {
      await app.close();
    }
  });
});
