// The simulation fixes of issue 10, through the HTTP server as a vendor reaches it.
import { describe, expect, it } from 'vitest';
import { defaultPlatforms } from '../../src/index.js';
import { initialSubmission } from '../registration/harness.js';
import { START_AT, usePlatforms } from '../support/harness.js';
import { openSandbox } from '../support/sandbox.js';
import { TRANSPORTS } from '../support/transports.js';

const ctx = usePlatforms(() => defaultPlatforms({ catalogEntries: 300 }), TRANSPORTS['node:http server']!, { startAt: START_AT });
const raw = (path: string, init: RequestInit = {}) => ctx.transport.fetch(`${ctx.transport.baseUrl}${path}`, init);

describe('simulation fixes', () => {
  it('starts a realtime sandbox at wall time whatever the app start (--start-at), so signed calls pass', async () => {
    const sbx = await openSandbox(ctx, { profile: 'national', clock: { mode: 'realtime' } });
    const clock = await ctx.call('GET', `/_sim/v1/sandboxes/${sbx.id}/clock`);
    expect(Math.abs(Date.parse(clock.body.now) - Date.now())).toBeLessThan(60_000);
    const registrant = sbx.organizations.find((o) => o.roles.includes('registrant'))!;
    const listed = await sbx.on('registration', 'GET', '/applications', { as: registrant });
    expect(listed.status).toBe(200);
    // A virtual sandbox still starts at the app's start.
    const virtual = await openSandbox(ctx, { profile: 'national', clock: { mode: 'virtual' } });
    expect((await ctx.call('GET', `/_sim/v1/sandboxes/${virtual.id}/clock`)).body.now).toBe(START_AT);
  });

  it("records the sandbox's seeded registry for a registry action without organizationId", async () => {
    const sbx = await openSandbox(ctx, { profile: 'national', reviewerPolicy: { mode: 'manual' } });
    const registrant = sbx.organizations.find((o) => o.roles.includes('registrant'))!;
    const registry = sbx.organizations.find((o) => o.roles.includes('registry'))!;
    const filed = await sbx.on('registration', 'POST', '/applications', { as: registrant, body: initialSubmission(registrant) });
    expect(filed.status).toBe(201);
    const accepted = await ctx.call('POST', `/_sim/v1/sandboxes/${sbx.id}/actions`, { body: { platform: 'registration', objectType: 'application', objectId: filed.body.id, action: 'accept' } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.event.actor).toEqual({ role: 'registry', organizationId: registry.id });
  });

  it("publishes no seed entry or dataset after the sandbox's first day", async () => {
    const sbx = await openSandbox(ctx, { profile: 'national', startAt: '2025-04-28T09:00:00+08:00' });
    const entries = await sbx.on('catalog', 'GET', '/search?limit=200');
    expect(entries.body.total).toBeGreaterThan(200);
    const datasets = await sbx.on('open-data', 'GET', '/datasets?limit=200');
    const days = [...entries.body.items, ...datasets.body.items].map((item: { publishedOn?: string; issued?: string }) => item.publishedOn ?? item.issued);
    expect(days.filter((day) => day !== undefined && day > '2025-04-28')).toEqual([]);
    expect(days.filter((day) => day !== undefined).length).toBeGreaterThan(200);
  });

  it('suggests what the advance request accepts when working days reach an unannounced year', async () => {
    const sbx = await openSandbox(ctx, { profile: 'national', startAt: '2026-12-24T10:00:00+08:00', clock: { mode: 'virtual' } });
    const reply = await ctx.call('POST', `/_sim/v1/sandboxes/${sbx.id}/clock/advance`, { body: { workingDays: 10 } });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ code: 'CALENDAR_NOT_PUBLISHED', year: 2027 });
    expect(reply.body.detail).toContain(`PUT /_sim/v1/sandboxes/${sbx.id}/calendar/2027`);
    expect(reply.body.detail).toContain('"duration"');
    expect(reply.body.detail).not.toContain('estimate');
    expect((await ctx.call('POST', `/_sim/v1/sandboxes/${sbx.id}/clock/advance`, { body: { duration: 'P10D' } })).status).toBe(200);
  });

  // What the README's and the contract's clock/advance description promise past the published years:
  // only `workingDays` is refused; a duration or an instant moves the clock into the unpublished
  // year, where every request that would start a working-day deadline then answers 422, until the
  // year is loaded. Reads go on working.
  it('moves by duration or to an instant into an unannounced year, where submissions and official actions that would start a working-day deadline there answer 422 until the year is loaded', async () => {
    const sbx = await openSandbox(ctx, { profile: 'national', startAt: '2026-12-24T10:00:00+08:00', clock: { mode: 'virtual' }, reviewerPolicy: { mode: 'manual' } });
    const registrant = sbx.organizations.find((o) => o.roles.includes('registrant'))!;
    // Filed on 12-24, its 3 WD acceptance ends in 2026: received.
    const filed = await sbx.on('registration', 'POST', '/applications', { as: registrant, body: initialSubmission(registrant) });
    expect(filed.body.deadline).toMatchObject({ dueDate: '2026-12-29' });
    const moved = await ctx.call('POST', `/_sim/v1/sandboxes/${sbx.id}/clock/advance`, { body: { to: '2027-06-01T09:00:00+08:00' } });
    expect(moved.status).toBe(200);
    expect(moved.body.clock.today).toBe('2027-06-01');
    expect((await ctx.call('POST', `/_sim/v1/sandboxes/${sbx.id}/clock/advance`, { body: { duration: 'P1D' } })).status).toBe(200);
    expect((await ctx.call('POST', `/_sim/v1/sandboxes/${sbx.id}/clock/advance`, { body: { workingDays: 1 } })).body).toMatchObject({ status: 422, code: 'CALENDAR_NOT_PUBLISHED', year: 2027 });
    const refused = await sbx.on('registration', 'POST', '/applications', { as: registrant, body: initialSubmission(registrant) });
    expect(refused.body).toMatchObject({ status: 422, code: 'CALENDAR_NOT_PUBLISHED', year: 2027 });
    const accept = { platform: 'registration', objectType: 'application', objectId: filed.body.id, action: 'accept' };
    expect((await ctx.call('POST', `/_sim/v1/sandboxes/${sbx.id}/actions`, { body: accept })).body).toMatchObject({ status: 422, code: 'CALENDAR_NOT_PUBLISHED', year: 2027 });
    const listed = await sbx.on('registration', 'GET', '/applications', { as: registrant });
    expect(listed.body.items.map((a: { id: string; state: string }) => [a.id, a.state])).toEqual([[filed.body.id, 'submitted']]);
    const year = await ctx.call('PUT', `/_sim/v1/sandboxes/${sbx.id}/calendar/2027`, { body: { year: 2027, source: '测试用安排', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] } });
    expect(year.status).toBe(200);
    expect((await ctx.call('POST', `/_sim/v1/sandboxes/${sbx.id}/actions`, { body: accept })).status).toBe(200);
    expect((await sbx.on('registration', 'POST', '/applications', { as: registrant, body: initialSubmission(registrant) })).status).toBe(201);
  });

  // As the README's simulation API table says: an app key is the sandbox's own, a secret comes from the seed.
  it("gives sandboxes of one seed their own app keys but the same secrets, and refuses one sandbox's key in the other", async () => {
    const first = await openSandbox(ctx, { profile: 'national', seed: 7 });
    const second = await openSandbox(ctx, { profile: 'national', seed: 7 });
    expect(first.organizations.length).toBeGreaterThan(1);
    expect(second.organizations.map((o) => [o.creditCode, o.secret])).toEqual(first.organizations.map((o) => [o.creditCode, o.secret]));
    expect(first.organizations.map((o) => o.appKey)).toEqual(first.organizations.map(() => expect.stringMatching(new RegExp(`^${first.id}\\.ak_`))));
    expect(second.organizations.map((o) => o.appKey)).toEqual(first.organizations.map((o) => o.appKey.replace(`${first.id}.`, `${second.id}.`)));
    const registrant = first.organizations.find((o) => o.roles.includes('registrant'))!;
    expect((await second.on('registration', 'GET', '/applications', { as: registrant })).body.code).toBe('APP_KEY_UNKNOWN');
  });

  it('answers HEAD on a GET route like GET, without a body', async () => {
    const get = await raw('/_sim/v1/sandboxes/default/clock');
    const head = await raw('/_sim/v1/sandboxes/default/clock', { method: 'HEAD' });
    expect(head.status).toBe(get.status);
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
    expect(head.headers.get('x-request-id')).toMatch(/^req_/);
    expect(await head.text()).toBe('');
    const dcat = await raw('/catalog/v1/search?limit=1', { method: 'HEAD' });
    expect(dcat.status).toBe(200);
  });

  it('gives the CORS preflight an X-Request-Id', async () => {
    const res = await raw('/catalog/v1/search', { method: 'OPTIONS', headers: { origin: 'http://app.example', 'access-control-request-method': 'GET' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
  });
});
