import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/index.js';

/** An import refuses a snapshot that breaks the contract, at the field, and changes nothing. */
let app: App;
let exported: { format: string; state: Record<string, unknown> } & Record<string, unknown>;

async function sim(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const [route, query = ''] = path.split('?');
  const res = await app.dispatch({ method, path: `/_sim/v1${route}`, query, headers: { host: 'mock.local', 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: JSON.parse(String(res.body)) };
}

/** The export with `change` applied to a copy of its state. */
function withState(change: (state: Record<string, any>) => void): unknown {
  const copy = structuredClone(exported);
  change(copy.state);
  return copy;
}

beforeAll(async () => {
  app = createApp({ seed: 4, startAt: '2025-09-26T10:00:00+08:00' });
  // Two seeded catalog entries withdrawn by the data authority, so the feed has events.
  const entries = (await sim('GET', '/sandboxes/default/objects?platform=catalog')).body.items.slice(0, 2) as { objectId: string }[];
  for (const { objectId } of entries) {
    const action = { platform: 'catalog', objectType: 'entry', objectId, action: 'withdraw', reasons: [{ text: '数据已停止更新' }] };
    expect((await sim('POST', '/sandboxes/default/actions', action)).status).toBe(200);
  }
  exported = (await sim('GET', '/sandboxes/default/snapshot')).body;
  expect((exported.state.events as unknown[]).length).toBeGreaterThan(1);
});
afterAll(() => app.close());

describe('POST /_sim/v1/sandboxes/import', () => {
  it('takes an export as it is', async () => {
    const imported = await sim('POST', '/sandboxes/import', { id: 'sbx_copy', snapshot: exported });
    expect(imported.status).toBe(201);
    const events = await sim('GET', '/sandboxes/sbx_copy/events');
    expect(events.body.total).toBe((await sim('GET', '/sandboxes/default/events')).body.total);
  });

  it.each<[string, (state: Record<string, any>) => void, string, 'INVALID']>([
    ['an event that is not a feed entry', (s) => (s.events = [{ x: 1 }]), '/snapshot/state/events/0/seq', 'INVALID'],
    ['an event with a bad field', (s) => (s.events[s.events.length - 1].at = 'yesterday'), '/snapshot/state/events/LAST/at', 'INVALID'],
    ['an event of a platform not mounted', (s) => (s.events[0].platform = 'weather'), '/snapshot/state/events/0/platform', 'INVALID'],
    ['events out of order', (s) => s.events.push({ ...s.events[0] }), '/snapshot/state/events/LEN/seq', 'INVALID'],
    ['no platform states', (s) => (s.platforms = {}), '/snapshot/state/platforms/registration', 'INVALID'],
    ['the catalog state left out', (s) => delete s.platforms.catalog, '/snapshot/state/platforms/catalog', 'INVALID'],
    ['a catalog state the platform cannot take', (s) => (s.platforms.catalog = {}), '/snapshot/state/platforms/catalog', 'INVALID'],
    ['a catalog state that is not one', (s) => (s.platforms.catalog = 'garbage'), '/snapshot/state/platforms/catalog', 'INVALID'],
    ['a clock without its value', (s) => (s.clock = { now: 'yesterday' }), '/snapshot/state/clock/value', 'INVALID'],
    // Vendor probe of December 2026: roles that are no array failed the sandbox's view with a 500.
    ['an organisation whose roles are no array', (s) => (s.organisations[1].roles = null), '/snapshot/state/organisations/1/roles', 'INVALID'],
    ['an organisation whose roles are an object', (s) => (s.organisations[0].roles = { registrant: true }), '/snapshot/state/organisations/0/roles', 'INVALID'],
    ['an organisation with a role that is no name', (s) => (s.organisations[0].roles = ['registrant', 5]), '/snapshot/state/organisations/0/roles', 'INVALID'],
    ['an organisation without its app secret', (s) => delete s.organisations[0].appSecret, '/snapshot/state/organisations/0/appSecret', 'INVALID'],
    ['an organisation that is no object', (s) => (s.organisations[2] = 'org'), '/snapshot/state/organisations/2', 'INVALID'],
    // The same probe: an instance's events that are no array were restored, and its first read answered 500.
    ['a workflow instance whose events are no array', (s) => (s.platforms.catalog.workflow.engine.instances[0].events = 5), '/snapshot/state/platforms/catalog', 'INVALID'],
    ['a workflow instance with an event that is null', (s) => (s.platforms.catalog.workflow.engine.instances[1].events[0] = null), '/snapshot/state/platforms/catalog', 'INVALID'],
  ])('refuses %s with 400 at the field, and creates nothing', async (_name, change, pointer, code) => {
    const events = exported.state.events as unknown[];
    const expected = pointer.replace('LAST', String(events.length - 1)).replace('LEN', String(events.length));
    const answer = await sim('POST', '/sandboxes/import', { id: 'sbx_bad', snapshot: withState(change) });
    if (answer.status !== 400) await sim('DELETE', '/sandboxes/sbx_bad');
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(answer.body.errors[0]).toMatchObject({ pointer: expected, message: { zh: expect.any(String), en: expect.any(String) }, code });
    expect((await sim('GET', '/sandboxes/sbx_bad')).status).toBe(404);
  });
});
