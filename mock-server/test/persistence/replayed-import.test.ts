import { describe, expect, it } from 'vitest';
import { openDataDir } from '../../src/persistence/data-dir.js';
import { openApp, useTempDirs } from './data-dir-app.js';

describe('an import journaled before the import checks', () => {
  const tempDir = useTempDirs();

  it('is restored at start as it was answered, though a new import of it is refused', async () => {
    const dataDir = tempDir();
    const first = openApp(dataDir);
    const exported = (await first.call('GET', '/_sim/v1/sandboxes/default/snapshot')).body;
    await first.app.close();
    // An import a mock without the checks answered 201: its snapshot left a platform's state out.
    delete exported.state.platforms.sharing;
    const body = JSON.stringify({ id: 'sbx_old', snapshot: exported });
    const store = openDataDir(dataDir);
    store.append([{ seq: store.lastSeq + 1, kind: 'command', at: Date.parse('2026-12-05T09:00:00Z'), method: 'POST', path: '/_sim/v1/sandboxes/import', query: '', contentType: 'application/json', body, status: 201 }]);
    store.close();

    const second = openApp(dataDir);
    expect((await second.call('GET', '/_sim/v1/sandboxes/sbx_old')).status).toBe(200);
    const again = await second.call('POST', '/_sim/v1/sandboxes/import', { rawBody: body.replace('sbx_old', 'sbx_new') });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].pointer).toBe('/snapshot/state/platforms/sharing');
    await second.app.close();
  });
});
