import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinOrganisations, createApp } from '../../src/index.js';
import { compactDataDir } from '../../src/app/compaction.js';
import { storeIdentity } from '../../src/persistence/store-identity.js';
import type { Credentials } from '../support/client.js';
import { notesPlatform } from '../support/notes-platform.js';
import { compactInWorker, newestSnapshot } from '../support/spawn-cli.js';
import { openApp, useTempDirs } from './data-dir-app.js';

// A server stopped (SIGTERM) goes on writing its last snapshot for a while. An operator who deletes
// its data directory meanwhile and starts another server on a new, empty one at the same path must
// not get the first server's snapshot in the new store: the next start would replay the new
// store's entries onto the first server's state.

const OPTIONS = { platforms: [notesPlatform], organisations: builtinOrganisations, seed: 5, startAt: '2025-09-26T10:00:00+08:00' };

async function writeNotes(call: ReturnType<typeof openApp>['call'], texts: string[]): Promise<void> {
  const org: Credentials = (await call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
  for (const text of texts) expect((await call('POST', '/sharing/v1/notes', { body: { text }, as: org })).status).toBe(201);
}

describe('a data directory deleted and made again under a closing server', () => {
  const tempDir = useTempDirs();

  it('the compaction writes no snapshot into the new store when the directory is replaced while it replays', async () => {
    const dir = join(tempDir(), 'data');
    const first = openApp(dir);
    await writeNotes(first.call, ['first-1', 'first-2', 'first-3']);
    // What the app hands its compaction worker: the store as it opened it.
    const opened = storeIdentity(dir);
    // Its only snapshot is the initial one (after entry 0): the entries since are all there are.
    const seq = first.app.storage.entriesSinceSnapshot;
    expect(seq).toBeGreaterThanOrEqual(3);
    await first.app.close();

    // Another server's store, with more entries than the first and no snapshot after its initial one yet.
    const otherDir = join(tempDir(), 'other');
    const other = openApp(otherDir);
    await writeNotes(other.call, ['other-1', 'other-2', 'other-3', 'other-4', 'other-5', 'other-6']);
    const expected = (await other.call('GET', '/_sim/v1/sandboxes/default/snapshot')).body;

    // The compaction runs as the worker does; after it has read the first store, and while it
    // replays, the directory is deleted and made again holding the other server's store.
    let replaced = false;
    const job = {
      dir,
      seq,
      identity: opened,
      options: {
        ...OPTIONS,
        now: () => {
          if (!replaced) {
            replaced = true;
            rmSync(dir, { recursive: true });
            cpSync(otherDir, dir, { recursive: true });
          }
          return Date.now();
        },
      },
    };
    expect(() => compactDataDir(job)).toThrow(expect.objectContaining({ code: 'DATA_DIR_REPLACED', reason: 'the directory was deleted and made again' }));
    expect(replaced).toBe(true);
    await other.app.close();

    // The new store starts from its own snapshot and entries: the other server's state, nothing of the first's.
    const restarted = openApp(dir);
    expect((await restarted.call('GET', '/_sim/v1/sandboxes/default/snapshot')).body).toEqual(expected);
    await restarted.app.close();
  });

  it("the closing app's last snapshot is dropped, with a warning naming the reason, when its directory was deleted and made again", async () => {
    const dir = join(tempDir(), 'data');
    const logged: { message: string; error: unknown }[] = [];
    const first = openApp(dir, { logError: (message, error) => logged.push({ message, error }) });
    await writeNotes(first.call, ['first-1', 'first-2']);

    rmSync(dir, { recursive: true });
    mkdirSync(dir);
    const second = openApp(dir);
    await writeNotes(second.call, ['second-1']);
    const expected = (await second.call('GET', '/_sim/v1/sandboxes/default/snapshot')).body;
    await first.app.close();

    expect(logged).toContainEqual({
      message: expect.stringMatching(/^\[DATA_DIR_REPLACED\] .*the directory was deleted and made again.*the snapshot was dropped; the journal this process opened keeps every entry$/),
      error: { code: 'DATA_DIR_REPLACED' },
    });
    await second.app.close();
    const restarted = openApp(dir);
    expect((await restarted.call('GET', '/_sim/v1/sandboxes/default/snapshot')).body).toEqual(expected);
    await restarted.app.close();
  });

  it('the built compaction worker refuses a directory made again since its app opened it, and says so (DATA_DIR_REPLACED)', async () => {
    const dir = join(tempDir(), 'data');
    // Plain options, as a worker is given them.
    const options = { seed: 3, startAt: '2025-09-26T10:00:00+08:00' };
    const createSandboxes = async (app: ReturnType<typeof createApp>, ids: string[]) => {
      for (const id of ids) {
        const created = await app.dispatch({ method: 'POST', path: '/_sim/v1/sandboxes', query: '', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, profile: 'national' }) });
        expect(created.status).toBe(201);
      }
    };
    const first = createApp({ dataDir: dir, ...options, logError: () => undefined });
    await createSandboxes(first, ['sbx_first']);
    const opened = storeIdentity(dir);
    const seq = first.storage.entriesSinceSnapshot;
    await first.close();

    rmSync(dir, { recursive: true });
    const second = createApp({ dataDir: dir, ...options, logError: () => undefined });
    await createSandboxes(second, ['sbx_second_a', 'sbx_second_b']);
    expect(compactInWorker(dir, seq, options, opened)).toMatch(/^\[DATA_DIR_REPLACED\] .* is no longer the data directory this process opened \(the directory was deleted and made again\); nothing was written into it$/);
    expect(newestSnapshot(dir)).toBe(0);
    await second.close();
  });
});
