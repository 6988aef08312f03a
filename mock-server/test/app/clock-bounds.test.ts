import { describe, expect, it } from 'vitest';
import { IN_PROCESS, useMock } from '../support/harness.js';

// Every instant the simulation API takes is bounded to what the calendar dates and formats, with a
// margin: 1900-01-01T00:00:00+08:00 up to (not including) 9900-01-01T00:00:00+08:00. Past it, a
// clock answered 500 on every read until a reset (an advance past 9999 even moved it first), and a
// realtime sandbox started at 9999-12-31T23:59:59 broke the sandbox list a second later. Refused up
// front now: 400 VALIDATION_FAILED at the field, in Chinese and English, and nothing changed.
describe('the range of a sandbox clock', () => {
  const ctx = useMock(IN_PROCESS);
  const RANGE = /from 1900-01-01T00:00:00\+08:00 up to \(not including\) 9900-01-01T00:00:00\+08:00/;

  const expectRefusedAt = (reply: { status: number; headers: Headers; body: any }, pointer: string) => {
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ pointer, message: { zh: expect.stringContaining('9900-01-01T00:00:00+08:00'), en: expect.stringMatching(RANGE) } }] });
  };
  const sandboxIds = async () => (await ctx.call('GET', '/_sim/v1/sandboxes')).body.items.map((s: { id: string }) => s.id);

  it('refuses a sandbox that would start outside it, virtual or realtime, and takes its two ends', async () => {
    for (const startAt of ['0001-01-01T00:00:00+08:00', '1899-12-31T23:59:59+08:00', '9900-01-01T00:00:00+08:00', '9999-12-31T23:59:59+08:00']) {
      for (const mode of ['virtual', 'realtime']) {
        expectRefusedAt(await ctx.call('POST', '/_sim/v1/sandboxes', { body: { profile: 'national', startAt, clock: { mode } } }), '/startAt');
      }
    }
    expect(await sandboxIds()).toEqual(['default']);
    const first = await ctx.call('POST', '/_sim/v1/sandboxes', { body: { id: 'first', profile: 'national', startAt: '1900-01-01T00:00:00+08:00' } });
    expect(first.body.clock).toMatchObject({ now: '1900-01-01T00:00:00+08:00' });
    const last = await ctx.call('POST', '/_sim/v1/sandboxes', { body: { id: 'last', profile: 'national', startAt: '9899-12-31T23:59:59+08:00', clock: { mode: 'realtime' } } });
    expect(last.status).toBe(201);
    // A realtime clock started at the end runs on: a century before its dates could not be written.
    expect((await ctx.call('GET', '/_sim/v1/sandboxes')).status).toBe(200);
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/last/clock')).body.today).toBe('9899-12-31');
  });

  it('refuses an advance past it, by an instant or a duration, and moves nothing', async () => {
    expectRefusedAt(await ctx.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { to: '9999-12-31T23:59:59+08:00' } }), '/to');
    expectRefusedAt(await ctx.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { duration: 'P8000Y' } }), '/duration');
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/clock')).body.now).toBe('2025-09-26T10:00:00+08:00');

    const end = await ctx.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { to: '9899-12-31T23:59:59+08:00' } });
    expect(end.status).toBe(200);
    expectRefusedAt(await ctx.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { duration: 'PT1S' } }), '/duration');
    // Working days cannot count past 2200 (the last year a schedule may be loaded for): refused too.
    expect((await ctx.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { workingDays: 1 } })).body).toMatchObject({ status: 422, code: 'CALENDAR_NOT_PUBLISHED' });
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/clock')).body).toMatchObject({ now: '9899-12-31T23:59:59+08:00', today: '9899-12-31' });
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default')).status).toBe(200);
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/snapshot')).status).toBe(200);
  });

  it('refuses to import a snapshot whose clock is outside it', async () => {
    const { body: snapshot } = await ctx.call('GET', '/_sim/v1/sandboxes/default/snapshot');
    const past = structuredClone(snapshot);
    past.state.clock.value = Date.parse('9999-12-31T23:59:59+08:00');
    expectRefusedAt(await ctx.call('POST', '/_sim/v1/sandboxes/import', { body: { snapshot: past, id: 'past' } }), '/snapshot/state/clock/value');
    const early = structuredClone(snapshot);
    early.state.config.startAt = Date.parse('0001-01-01T00:00:00+08:00');
    expectRefusedAt(await ctx.call('POST', '/_sim/v1/sandboxes/import', { body: { snapshot: early, id: 'early' } }), '/snapshot/state/config/startAt');
    expect(await sandboxIds()).toEqual(['default']);
    expect((await ctx.call('POST', '/_sim/v1/sandboxes/import', { body: { snapshot, id: 'copy' } })).status).toBe(201);
  });
});
