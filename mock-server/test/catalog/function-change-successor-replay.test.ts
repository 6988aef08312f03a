// Reports of a change of functions an older gdx-mock acknowledged without the department taking
// over the functions (厦门 第九条 "会同职能转入部门") are in some data directories' journals: at start
// they are replayed as they were answered, so the report, its duty and every id drawn after them
// stay. Live, the same report is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { openDataDir } from '../../src/persistence/data-dir.js';
import { client } from '../support/client.js';
import { START_AT } from '../support/harness.js';
import { openSandbox } from '../support/sandbox.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('journal replay of a change of functions acknowledged without its successor', () => {
  it('replays the report as answered (no REPLAY_REFUSED, its duty is there), while the same report live answers 400', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gdx-successor-'));
    dirs.push(dataDir);
    const logged: string[] = [];
    const open = () => createApp({ dataDir, seed: 5, startAt: START_AT, logError: (message) => logged.push(message) });
    const first = open();
    const callFirst = client({ fetch: createFetch(first), baseUrl: 'http://mock.local', close: async () => undefined });
    const sbx = await openSandbox({ call: callFirst }, { profile: 'xiamen', seed: 11, startAt: START_AT, reviewerPolicy: { mode: 'manual' } });
    const me = sbx.org('public-security');
    const body = { kind: 'function_change', effectiveOn: '2025-09-26', description: '职能划转' };
    expect((await sbx.on('catalog', 'POST', '/function-changes', { as: me, body })).status).toBe(400);
    await first.close();

    const store = openDataDir(dataDir);
    const path = `/sandboxes/${sbx.id}/catalog/v1/function-changes`;
    store.append([{ seq: store.lastSeq + 1, kind: 'command', at: Date.parse('2025-12-05T09:00:00Z'), method: 'POST', path, query: '', contentType: 'application/json', body: JSON.stringify(body), caller: me.id, status: 201 }]);
    store.close();

    const second = open();
    const call = client({ fetch: createFetch(second), baseUrl: 'http://mock.local', close: async () => undefined });
    const duties = (await call('GET', `/sandboxes/${sbx.id}/catalog/v1/obligations`, { as: me })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(duties.items).toEqual([expect.objectContaining({ kind: 'function_change', state: 'pending' })]);
    const again = await call('POST', path, { as: me, body });
    expect(again.status).toBe(400);
    expect(again.body.errors).toMatchObject([{ pointer: '/successor', code: 'SUCCESSOR_REQUIRED' }]);
    await second.close();
  });
});
