// SimulationClient over the real runtime with a recording fetch: default base URL, no signing,
// routes of the sandbox-scoped operations, paging of the event feed.
import { recordingFetch } from '@gdx/codegen/recording-fetch';
import { describe, expect, it } from 'vitest';
import { credentialsOf, DEFAULT_BASE_URL, SimulationClient, type SeededOrganization } from '../src/index.js';

function sim(answer: Parameters<typeof recordingFetch>[0], baseUrl?: string) {
  const { fetch, requests } = recordingFetch(answer);
  return { sim: new SimulationClient({ fetch, maxRetries: 0, ...(baseUrl ? { baseUrl } : {}) }), requests };
}

describe('SimulationClient', () => {
  it('talks to the local mock by default, unsigned', async () => {
    const { sim: s, requests } = sim(() => ({ status: 201, body: { id: 'sbx_1' } }));
    await s.sandboxes.create({ profile: 'xiamen', startAt: '2025-09-26T09:00:00+08:00', seed: 42, clock: { mode: 'virtual' } });
    expect(DEFAULT_BASE_URL).toBe('http://127.0.0.1:4010/_sim/v1');
    expect(requests[0]?.url.href).toBe('http://127.0.0.1:4010/_sim/v1/sandboxes');
    expect(requests[0]?.headers).not.toHaveProperty('x-gdx-signature');
    expect(requests[0]?.headers['idempotency-key']).toBeTruthy();
  });

  it('honours another base URL', async () => {
    const { sim: s, requests } = sim(() => ({ body: {} }), 'https://mock.example.com/_sim/v1');
    await s.clock.get('sbx_1');
    expect(requests[0]?.url.href).toBe('https://mock.example.com/_sim/v1/sandboxes/sbx_1/clock');
  });

  it.each([
    { call: (s: SimulationClient) => s.clock.advance('sbx_1', { workingDays: 3 }), method: 'POST', path: '/sandboxes/sbx_1/clock/advance', body: { workingDays: 3 } },
    { call: (s: SimulationClient) => s.clock.advance('sbx_1', { duration: 'PT4H' }), method: 'POST', path: '/sandboxes/sbx_1/clock/advance', body: { duration: 'PT4H' } },
    { call: (s: SimulationClient) => s.reviewerPolicy.set('sbx_1', { mode: 'manual' }), method: 'PUT', path: '/sandboxes/sbx_1/reviewer-policy', body: { mode: 'manual' } },
    {
      call: (s: SimulationClient) => s.officials.act('sbx_1', { platform: 'registration', objectType: 'application', objectId: 'rga_1', action: 'accept' }),
      method: 'POST', path: '/sandboxes/sbx_1/actions', body: { platform: 'registration', objectType: 'application', objectId: 'rga_1', action: 'accept' },
    },
    { call: (s: SimulationClient) => s.calendar.putYear('sbx_1', 2027, { year: 2027, source: 'test', holidays: [], makeupWorkdays: [] }), method: 'PUT', path: '/sandboxes/sbx_1/calendar/2027', body: { year: 2027, source: 'test', holidays: [], makeupWorkdays: [] } },
    { call: (s: SimulationClient) => s.sandboxes.reset('sbx_1'), method: 'POST', path: '/sandboxes/sbx_1/reset', body: undefined },
    { call: (s: SimulationClient) => s.snapshots.export('sbx_1'), method: 'GET', path: '/sandboxes/sbx_1/snapshot', body: undefined },
    { call: (s: SimulationClient) => s.webhooks.delete('sbx_1', 'whk_1'), method: 'DELETE', path: '/sandboxes/sbx_1/webhooks/whk_1', body: undefined },
  ])('$method $path', async ({ call, method, path, body }) => {
    const { sim: s, requests } = sim(() => ({ body: {} }));
    await call(s);
    expect(requests.map((r) => [r.method, r.url.pathname, r.body])).toEqual([[method, `/_sim/v1${path}`, body]]);
  });

  // The simulation API answers 415 to a write without a JSON content type, also a bodiless one.
  it.each([
    { name: 'sandboxes.reset', call: (s: SimulationClient) => s.sandboxes.reset('sbx_1') },
    { name: 'sandboxes.delete', call: (s: SimulationClient) => s.sandboxes.delete('sbx_1') },
    { name: 'webhooks.delete', call: (s: SimulationClient) => s.webhooks.delete('sbx_1', 'whk_1') },
    { name: 'requests.clear', call: (s: SimulationClient) => s.requests.clear('sbx_1') },
  ])('$name sends Content-Type: application/json without a body', async ({ call }) => {
    const { sim: s, requests } = sim(() => ({ status: 200, body: {} }));
    await call(s);
    expect(requests[0]?.body).toBeUndefined();
    expect(requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('follows the event feed across pages with the platform filter', async () => {
    const { sim: s, requests } = sim((req) => ({
      body: req.url.searchParams.has('cursor') ? { items: [{ seq: 3 }], nextCursor: null } : { items: [{ seq: 1 }, { seq: 2 }], nextCursor: 'f2' },
    }));
    const items = await s.events.feed('sbx_1', { platform: 'registration' }).toArray();
    expect(items).toEqual([{ seq: 1 }, { seq: 2 }, { seq: 3 }]);
    expect(requests.map((r) => Object.fromEntries(r.url.searchParams))).toEqual([{ platform: 'registration' }, { platform: 'registration', cursor: 'f2' }]);
  });
});

describe('SimulationClient webhook deliveries', () => {
  it('reads the delivery log of a sandbox, states and attempts included', async () => {
    const delivery = {
      id: 'dlv_2_1', webhookId: 'whk_1', eventId: 'evt_1', eventType: 'state_changed', state: 'delivered',
      attempts: [{ at: '2025-09-26T10:00:00.120+08:00', status: 503 }, { at: '2025-09-26T10:00:00.640+08:00', status: 204 }],
    };
    const { sim: s, requests } = sim(() => ({ body: { items: [delivery], nextCursor: null, total: 1 } }));
    expect(await s.webhooks.deliveries('sbx_1').toArray()).toEqual([delivery]);
    expect(requests.map((r) => [r.method, r.url.pathname])).toEqual([['GET', '/_sim/v1/sandboxes/sbx_1/webhooks/deliveries']]);
  });
});

describe('credentialsOf', () => {
  const org: SeededOrganization = {
    id: 'org_1', creditCode: '9135020074505955XG', name: '厦门数据运营有限公司', roles: ['registrant'],
    appKey: 'ak_1', secret: 'sk_1', signatureMethods: ['HMAC-SHA256'],
  };

  it('turns a seeded organisation into client credentials', () => {
    expect(credentialsOf(org)).toEqual({ appKey: 'ak_1', secret: 'sk_1', algorithm: 'HMAC-SHA256' });
  });

  it('refuses a signature method the organisation does not support', () => {
    expect(() => credentialsOf(org, 'HMAC-SM3')).toThrow(/does not sign with HMAC-SM3/);
  });
});
