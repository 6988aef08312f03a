import { describe, expect, it } from 'vitest';
import { openDataDir } from '../../src/persistence/data-dir.js';
import { openApp, useTempDirs } from './data-dir-app.js';

describe('a journal entry acknowledged once and refused at replay', () => {
  const tempDir = useTempDirs();

  it('is named in the log at start (the rebuilt state lacks it), and the start goes on', async () => {
    const dataDir = tempDir();
    const first = openApp(dataDir);
    await first.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_kept', profile: 'national' } });
    await first.app.close();
    // An entry an older mock answered 201 that this one refuses (here: an id it never took).
    const store = openDataDir(dataDir);
    const seq = store.lastSeq + 1;
    store.append([{ seq, kind: 'command', at: Date.parse('2026-12-05T09:00:00Z'), method: 'POST', path: '/_sim/v1/sandboxes', query: '', contentType: 'application/json', body: '{"id":"not an id!"}', status: 201 }]);
    store.close();

    const logged: string[] = [];
    const second = openApp(dataDir, { logError: (message) => logged.push(message) });
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([expect.stringContaining(`journal entry ${seq} (POST /_sim/v1/sandboxes) was answered 201, its replay 400`)]);
    expect((await second.call('GET', '/_sim/v1/sandboxes/sbx_kept')).status).toBe(200);
    await second.app.close();
  });
});
