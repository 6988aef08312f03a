// An approval an older gdx-mock acknowledged after the request's period of use had ended (it
// then issued a grant that expired at once) is in some data directories' journals: at start it
// is replayed as it was answered, not refused by the check added since, so nothing the answer
// promised — nor any id drawn after it — is lost. Live, the same approval is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { openDataDir } from '../../src/persistence/data-dir.js';
import { client } from '../support/client.js';
import { START_AT } from '../support/harness.js';
import { openWorld } from '../support/world.js';
import { entryOf, REQUESTER, requestBody } from './fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('journal replay of an approval acknowledged after the period of use ended', () => {
  it('replays it as answered (no REPLAY_REFUSED, the grant is there), while the same approval live answers 422 PERIOD_ENDED', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gdx-period-'));
    dirs.push(dataDir);
    const logged: string[] = [];
    const open = () => createApp({ dataDir, seed: 5, startAt: START_AT, logError: (message) => logged.push(message) });
    const first = open();
    const world = await openWorld({ call: client({ fetch: createFetch(first), baseUrl: 'http://mock.local', close: async () => undefined }) });
    const me = world.org(REQUESTER);
    const body = requestBody(entryOf(world, 'conditional'), { periodOfUse: { from: '2025-09-26', to: '2025-10-10' } });
    const old = (await world.sharing('POST', '/requests', { as: me, body })).body;
    const live = (await world.sharing('POST', '/requests', { as: me, body })).body;
    await world.advance({ to: '2025-10-13T09:00:00+08:00' });
    const refused = await world.act({ platform: 'sharing', objectType: 'request', objectId: live.id, action: 'approve' });
    expect(refused.status).toBe(422);
    await first.close();

    // What an older version journaled: the approval and the delivery, both answered 200.
    const store = openDataDir(dataDir);
    const action = (seq: number, a: string) => ({
      seq, kind: 'command' as const, at: Date.parse('2025-12-05T09:00:00Z'), method: 'POST', path: `/_sim/v1/sandboxes/${world.id}/actions`, query: '',
      contentType: 'application/json', body: JSON.stringify({ platform: 'sharing', objectType: 'request', objectId: old.id, action: a }), status: 200,
    });
    store.append([action(store.lastSeq + 1, 'approve'), action(store.lastSeq + 2, 'deliver')]);
    store.close();

    const second = open();
    const call = client({ fetch: createFetch(second), baseUrl: 'http://mock.local', close: async () => undefined });
    const replayed = (await call('GET', `/sandboxes/${world.id}/sharing/v1/requests/${old.id}`, { as: me })).body;
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    expect(replayed.state).toBe('delivered');
    expect(replayed.grantId).toEqual(expect.any(String));
    // Live, after the restart, the check still refuses.
    const again = await call('POST', `/_sim/v1/sandboxes/${world.id}/actions`, { body: { platform: 'sharing', objectType: 'request', objectId: live.id, action: 'approve' } });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('PERIOD_ENDED');
    await second.close();
  });
});
