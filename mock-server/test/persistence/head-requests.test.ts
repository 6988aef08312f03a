import { describe, expect, it } from 'vitest';
import { openDataDir } from '../../src/persistence/data-dir.js';
import { openApp, useTempDirs } from './data-dir-app.js';

describe('HEAD requests on a data directory', () => {
  const tempDir = useTempDirs();

  it('are reads: a HEAD to the probes and to a sandbox journals nothing', async () => {
    const dataDir = tempDir();
    const { app, call } = openApp(dataDir);
    const pending = async () => (await call('GET', '/_sim/v1/health')).body.storage.entriesSinceSnapshot as number;
    await call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_head', profile: 'national' } });
    const before = await pending();
    for (const path of ['/_sim/v1/health', '/_sim/v1/ready', '/_sim/v1/sandboxes/sbx_head', '/_sim/v1/sandboxes']) {
      expect((await call('HEAD', path)).status).toBe(200);
    }
    expect(await pending()).toBe(before);
    await app.close();
  });

  it('journaled by an older version are skipped at start (a HEAD to /health stopped the replay)', async () => {
    const dataDir = tempDir();
    const first = openApp(dataDir);
    await first.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_kept', profile: 'national' } });
    await first.app.close();
    // What the journal of a crashed older mock held: a probe's HEAD among the writes, then a write.
    const store = openDataDir(dataDir);
    const at = Date.parse('2026-12-05T09:00:00Z');
    store.append([
      { seq: store.lastSeq + 1, kind: 'command', at, method: 'HEAD', path: '/_sim/v1/health', query: '', status: 200 },
      { seq: store.lastSeq + 2, kind: 'command', at, method: 'POST', path: '/_sim/v1/sandboxes', query: '', contentType: 'application/json', body: '{"id":"sbx_after","profile":"xiamen"}', status: 201 },
    ]);
    store.close();

    const second = openApp(dataDir);
    const ids = ((await second.call('GET', '/_sim/v1/sandboxes')).body.items as { id: string }[]).map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(['sbx_kept', 'sbx_after']));
    await second.app.close();
  });
});
