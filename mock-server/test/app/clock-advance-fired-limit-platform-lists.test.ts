// A platform's clock hook may still answer the transitions it fired as a list (as before
// `FiredLog`): `clock/advance` counts them all and lists at most `firedLimit` of them.
import { describe, expect, it } from 'vitest';
import { builtinOrganisations, createApp } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { FiredLog } from '../../src/sandbox/fired-log.js';
import { client } from '../support/client.js';
import { notesPlatform } from '../support/notes-platform.js';

describe('clock advance: firedLimit over a platform that answers its transitions', () => {
  it('counts every note that expired and lists the first firedLimit', async () => {
    const wall = Date.parse('2025-09-26T10:00:00+08:00');
    const app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, now: () => wall });
    const call = client({ fetch: createFetch(app), baseUrl: 'http://mock.local', close: async () => undefined });
    const org = (await call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    const ids: string[] = [];
    for (const expiresIn of [1, 2, 3]) ids.push((await call('POST', '/sharing/v1/notes', { body: { text: 't', expiresIn }, as: org, timestamp: wall })).body.id);
    const advance = await call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { duration: 'P30D', firedLimit: 2 } });
    expect(advance.status).toBe(200);
    expect(advance.body.firedCount).toBe(3);
    expect(advance.body.firedTruncated).toBe(true);
    expect(advance.body.fired.map((f: { objectId: string; to: string }) => [f.objectId, f.to])).toEqual([[ids[0], 'expired'], [ids[1], 'expired']]);
    await app.close();
  });
});

describe('FiredLog', () => {
  it('counts every transition and lists only up to its limit', () => {
    const log = new FiredLog(1);
    const fired = { at: '2025-09-26T10:00:00+08:00', platform: 'sharing' as const, objectType: 'note', objectId: 'n1', type: 'state_changed', from: 'active', to: 'expired' };
    expect(log.lists()).toBe(true);
    log.listed.push(fired);
    expect(log.lists()).toBe(false);
    log.add({ ...fired, objectId: 'n2' });
    expect([log.count, log.listed.map((f) => f.objectId)]).toEqual([3, ['n1']]);
    const all = new FiredLog();
    for (let i = 0; i < 3; i += 1) all.add(fired);
    expect([all.count, all.listed.length]).toEqual([3, 3]);
  });
});
