import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { client } from '../support/client.js';
import { entryOf, REQUESTER, requestBody } from './fixtures.js';
import { START_AT } from '../support/harness.js';
import { openWorld } from '../support/world.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('journal replay', () => {
  it('rebuilds sharing state, ids and pending timers from the journal', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gdx-sharing-'));
    dirs.push(dataDir);
    const open = () => createApp({ dataDir, seed: 5, startAt: START_AT, logError: () => undefined });
    const first = open();
    const world = await openWorld({ call: client({ fetch: createFetch(first), baseUrl: 'http://mock.local', close: async () => undefined }) }, { reviewerPolicy: { mode: 'auto' } });
    const me = world.org(REQUESTER);
    const request = (await world.sharing('POST', '/requests', { as: me, body: requestBody(entryOf(world, 'conditional')) })).body;
    await world.sharing('POST', '/requests', { as: me, body: requestBody(entryOf(world, 'unconditional')) });
    await world.advance({ to: '2025-10-20T00:00:00+08:00' });
    const before = await world.sharing('GET', '/requests', { as: me });
    await first.close();

    const second = open();
    const call = client({ fetch: createFetch(second), baseUrl: 'http://mock.local', close: async () => undefined });
    const after = await call('GET', `/sandboxes/${world.id}/sharing/v1/requests`, { as: me });
    expect(after.body).toEqual(before.body);
    expect(after.body.items.find((r: { id: string }) => r.id === request.id).state).not.toBe('under_review');
    await second.close();
  });
});
