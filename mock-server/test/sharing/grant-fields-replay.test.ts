// A delivery an older gdx-mock acknowledged with grant fields the request does not allow (another
// method, an endpoint that is no URL), and a request for an unconditional resource naming a
// condition, are in some data directories' journals: at start they are replayed as they were
// answered, not refused by the checks added since, so nothing they promised — nor any id drawn
// after them — is lost. Live, the same writes are refused.
import { describe, expect, it } from 'vitest';
import { journalAcknowledged, replayableApp } from '../support/older-journal.js';
import { openWorld } from '../support/world.js';
import { useTempDirs } from '../persistence/data-dir-app.js';
import { entryOf, REQUESTER, requestBody } from './fixtures.js';

const tempDir = useTempDirs();

describe('journal replay of sharing writes acknowledged before the grant-field and condition checks', () => {
  it('replays a delivery by another method with a bad endpoint as answered, while the same delivery live answers 400', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir);
    const first = open();
    const world = await openWorld({ call: callOf(first) });
    const me = world.org(REQUESTER);
    const entry = entryOf(world, 'conditional');
    const method = entry.sharing.deliveryMethods[0];
    const other = (['api', 'db_table', 'file', 'stream'] as const).find((m) => m !== method);
    const body = requestBody(entry);
    const ids: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const request = (await world.sharing('POST', '/requests', { as: me, body })).body;
      await world.act({ platform: 'sharing', objectType: 'request', objectId: request.id, action: 'approve' });
      ids.push(request.id);
    }
    const [old, live] = ids as [string, string];
    const deliver = (objectId: string) => ({ platform: 'sharing', objectType: 'request', objectId, action: 'deliver', grant: { deliveryMethod: other, endpoint: 'not a url' } });
    expect((await world.act(deliver(live))).status).toBe(400);
    await first.close();

    // What an older version journaled: the delivery, answered 200.
    journalAcknowledged(dataDir, [{ path: `/_sim/v1/sandboxes/${world.id}/actions`, body: deliver(old), status: 200 }]);

    const second = open();
    const call = callOf(second);
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    const replayed = (await call('GET', `/sandboxes/${world.id}/sharing/v1/requests/${old}`, { as: me })).body;
    expect(replayed.state).toBe('delivered');
    const grant = (await call('GET', `/sandboxes/${world.id}/sharing/v1/grants/${replayed.grantId}`, { as: me })).body;
    expect(grant).toMatchObject({ deliveryMethod: other, endpoint: 'not a url' });
    const again = await call('POST', `/_sim/v1/sandboxes/${world.id}/actions`, { body: deliver(live) });
    expect(again.status).toBe(400);
    expect(again.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/grant/deliveryMethod', '/grant/endpoint']);
    await second.close();
  });

  it('replays a request for an unconditional resource naming a condition as answered, while the same request live answers 400', async () => {
    const dataDir = tempDir();
    const { open, logged, callOf } = replayableApp(dataDir);
    const first = open();
    const world = await openWorld({ call: callOf(first) });
    const me = world.org(REQUESTER);
    const body = requestBody(entryOf(world, 'unconditional'), { condition: 'specific_scenario' });
    expect((await world.sharing('POST', '/requests', { as: me, body })).status).toBe(400);
    await first.close();

    const path = `/sandboxes/${world.id}/sharing/v1/requests`;
    journalAcknowledged(dataDir, [{ path, body, caller: me.id, status: 201 }]);

    const second = open();
    const call = callOf(second);
    expect(logged.filter((m) => m.startsWith('[REPLAY_REFUSED]'))).toEqual([]);
    const requests = (await call('GET', path, { as: me })).body;
    expect(requests.items).toEqual([expect.objectContaining({ state: 'delivered', submission: expect.objectContaining({ condition: 'specific_scenario' }) })]);
    const again = await call('POST', path, { as: me, body });
    expect(again.status).toBe(400);
    expect(again.body.errors).toMatchObject([{ pointer: '/condition', code: 'CONDITION_NOT_APPLICABLE' }]);
    await second.close();
  });
});
