import { describe, expect, it } from 'vitest';
import { builtinOrganisations, createApp } from '../../src/index.js';
import { createFetch } from '../../src/fetch/index.js';
import { client } from '../support/client.js';
import { notesPlatform } from '../support/notes-platform.js';

describe('realtime sandboxes', () => {
  it('checks signature timestamps against the sandbox clock and refuses clock advances', async () => {
    let wall = Date.parse('2025-09-26T10:00:00+08:00');
    const app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, now: () => wall, logError: () => undefined });
    const call = client({ fetch: createFetch(app), baseUrl: 'http://mock.local', close: async () => undefined });
    const created = await call('POST', '/_sim/v1/sandboxes', { body: { id: 'rt', profile: 'national', clock: { mode: 'realtime' }, startAt: '2030-01-02T09:00:00+08:00' } });
    expect(created.body.clock).toMatchObject({ mode: 'realtime', now: '2030-01-02T09:00:00+08:00' });
    const org = created.body.organizations[0];

    wall += 60_000; // the sandbox clock follows wall time from startAt
    expect((await call('GET', '/_sim/v1/sandboxes/rt/clock')).body.now).toBe('2030-01-02T09:01:00+08:00');
    const onSandboxTime = await call('GET', '/sandboxes/rt/sharing/v1/notes', { as: org, timestamp: Date.parse('2030-01-02T09:01:00+08:00') });
    expect(onSandboxTime.status).toBe(200);
    const onWallTime = await call('GET', '/sandboxes/rt/sharing/v1/notes', { as: org, timestamp: wall });
    expect(onWallTime.body.code).toBe('TIMESTAMP_OUT_OF_WINDOW');

    const advance = await call('POST', '/_sim/v1/sandboxes/rt/clock/advance', { body: { duration: 'PT1H' } });
    expect(advance.status).toBe(409);
    await app.close();
  });

  it('fires due timers of a realtime sandbox as wall time passes', async () => {
    let wall = Date.parse('2025-09-26T10:00:00+08:00');
    const app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, clock: 'realtime', now: () => wall });
    const call = client({ fetch: createFetch(app), baseUrl: 'http://mock.local', close: async () => undefined });
    const org = (await call('GET', '/_sim/v1/sandboxes/default')).body.organizations[0];
    const note = await call('POST', '/sharing/v1/notes', { body: { text: 't', expiresIn: 1 }, as: org, timestamp: wall });
    wall = Date.parse('2025-10-01T00:00:00+08:00');
    expect((await call('GET', `/sharing/v1/notes/${note.body.id}`, { as: org, timestamp: wall })).body.state).toBe('expired');
    await app.close();
  });
});

describe('app.handle', () => {
  it('answers a WHATWG Request', async () => {
    const app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations });
    const res = await app.handle(new Request('http://mock.local/_sim/v1/sandboxes/default'));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect((await res.json()).platforms.sharing).toBe('http://mock.local/sharing/v1');
    await app.close();
  });
});
