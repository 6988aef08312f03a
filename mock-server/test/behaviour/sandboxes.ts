import { describe, expect, it } from 'vitest';
import { expectContract } from '../support/contract.js';
import { org, useMock } from '../support/harness.js';
import type { TransportFactory } from '../support/transports.js';

export function sandboxBehaviour(factory: TransportFactory): void {
  describe('sandboxes, clock, calendar, snapshots', () => {
    const ctx = useMock(factory);

    it('creates, lists, gets, resets and deletes sandboxes', async () => {
      const created = await ctx.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_crud', profile: 'xiamen', seed: 11, startAt: '2025-01-06T09:00:00+08:00', reviewerPolicy: { mode: 'manual' } } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: 'sbx_crud', profile: { name: 'xiamen', extends: null }, seed: 11, reviewerPolicy: { mode: 'manual' },
        clock: { mode: 'virtual', now: '2025-01-06T09:00:00+08:00', today: '2025-01-06' }, createdAt: '2025-01-06T09:00:00+08:00',
      });
      expect(created.body.organizations[0].secret).toEqual(expect.any(String));
      const taken = await ctx.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_crud', profile: 'national' } });
      expectContract('simulation', 'createSandbox', taken, 409);
      expect(taken.body).toMatchObject({ code: 'CONFLICT', detail: 'sandbox sbx_crud already exists' });
      const ids = (await ctx.call('GET', '/_sim/v1/sandboxes')).body.items.map((s: { id: string }) => s.id);
      expect(ids).toEqual(['default', 'sbx_crud']);

      const creds = created.body.organizations[0];
      await ctx.call('POST', '/sandboxes/sbx_crud/sharing/v1/notes', { body: { text: 'x' }, as: creds });
      const reset = await ctx.call('POST', '/_sim/v1/sandboxes/sbx_crud/reset');
      expect(reset.status).toBe(200);
      expect(reset.body.organizations).toEqual(created.body.organizations);
      expect((await ctx.call('GET', '/sandboxes/sbx_crud/sharing/v1/stats')).body.notes).toBe(0);

      expect((await ctx.call('DELETE', '/_sim/v1/sandboxes/sbx_crud')).status).toBe(204);
      expect((await ctx.call('GET', '/_sim/v1/sandboxes/sbx_crud')).status).toBe(404);
      const kept = await ctx.call('DELETE', '/_sim/v1/sandboxes/default');
      expectContract('simulation', 'deleteSandbox', kept, 409);
      expect(kept.body.code).toBe('CONFLICT');
    });

    it('refuses invalid sandbox settings with pointers', async () => {
      const res = await ctx.call('POST', '/_sim/v1/sandboxes', { body: { profile: 'atlantis' } });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/profile');
    });

    it('accepts an inline profile that extends a shipped one', async () => {
      const profile = { name: 'my-city', extends: 'national' };
      const res = await ctx.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_city', profile } });
      expect(res.status).toBe(201);
      expect(res.body.profile).toEqual(profile);
      const unknownLimit = { name: 'my-city', extends: 'national', limits: { 'nowhere.step': { limit: 3 } } };
      expect((await ctx.call('POST', '/_sim/v1/sandboxes', { body: { profile: unknownLimit } })).status).toBe(400);
    });

    it('keeps sandboxes isolated: credentials of one are unknown in another', async () => {
      const b = await ctx.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_iso', profile: 'national' } });
      const res = await ctx.call('GET', '/sharing/v1/notes', { as: b.body.organizations[0] });
      expect(res.body.code).toBe('APP_KEY_UNKNOWN');
    });

    it('advances the clock by working days, duration or to, firing timers in order', async () => {
      const note = await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'expiring', expiresIn: 3 }, as: org(ctx) });
      const clock = await ctx.call('GET', '/_sim/v1/sandboxes/default/clock');
      expect(clock.body).toMatchObject({ mode: 'virtual', now: '2025-09-26T10:00:00+08:00', today: '2025-09-26' });
      const one = await ctx.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { workingDays: 1 } });
      // 2025-09-27 is a Saturday, 09-28 a make-up working day (Sunday).
      expect(one.body.to).toBe('2025-09-28T10:00:00+08:00');
      expect(one.body.fired).toEqual([]);
      const more = await ctx.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { duration: 'P2DT4H' } });
      expect(more.body.to).toBe('2025-09-30T14:00:00+08:00');
      expect(more.body.fired).toEqual([]);
      const last = await ctx.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { to: '2025-10-02T00:00:00+08:00' } });
      expect(last.body.fired).toEqual([expect.objectContaining({ objectId: note.body.id, from: 'active', to: 'expired' })]);
      expect((await ctx.call('GET', `/sharing/v1/notes/${note.body.id}`, { as: org(ctx) })).body.state).toBe('expired');
    });

    it('refuses ambiguous or backwards clock advances', async () => {
      expect((await ctx.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { workingDays: 1, duration: 'P1D' } })).status).toBe(400);
      expect((await ctx.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { to: '2020-01-01T00:00:00+08:00' } })).status).toBe(400);
      const bad = await ctx.call('POST', '/_sim/v1/sandboxes/default/clock/advance', { body: { duration: 'three days' } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/duration');
    });

    it('answers CALENDAR_NOT_PUBLISHED past the known years and accepts a year per sandbox', async () => {
      await ctx.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_cal', profile: 'national', startAt: '2026-12-30T10:00:00+08:00' } });
      const blocked = await ctx.call('POST', '/_sim/v1/sandboxes/sbx_cal/clock/advance', { body: { workingDays: 5 } });
      expect(blocked.status).toBe(422);
      expect(blocked.body.code).toBe('CALENDAR_NOT_PUBLISHED');
      const put = await ctx.call('PUT', '/_sim/v1/sandboxes/sbx_cal/calendar/2027', {
        body: { year: 2027, source: 'test schedule', holidays: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] },
      });
      expect(put.status).toBe(200);
      const moved = await ctx.call('POST', '/_sim/v1/sandboxes/sbx_cal/clock/advance', { body: { workingDays: 5 } });
      expect(moved.body.to).toBe('2027-01-07T10:00:00+08:00');
      expect((await ctx.call('GET', '/_sim/v1/sandboxes/sbx_cal/calendar')).body.years).toContain(2027);
      expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/calendar')).body.years).not.toContain(2027);
    });

    it('exports a snapshot and imports it into an equal sandbox', async () => {
      await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'kept' }, headers: { 'idempotency-key': 'snap' }, as: org(ctx) });
      const snapshot = (await ctx.call('GET', '/_sim/v1/sandboxes/default/snapshot')).body;
      expect(snapshot).toMatchObject({ format: 'gdx-sandbox-snapshot/1', exportedAt: '2025-09-26T10:00:00+08:00', sandbox: { id: 'default' } });
      const imported = await ctx.call('POST', '/_sim/v1/sandboxes/import', { body: { id: 'sbx_copy', snapshot } });
      expect(imported.status).toBe(201);
      expect(imported.body.organizations).toEqual(snapshot.sandbox.organizations);
      const again = (await ctx.call('GET', '/_sim/v1/sandboxes/sbx_copy/snapshot')).body;
      expect(again.state).toEqual({ ...snapshot.state, config: { ...snapshot.state.config, id: 'sbx_copy' } });
      const replay = await ctx.call('POST', '/sandboxes/sbx_copy/sharing/v1/notes', { body: { text: 'kept' }, headers: { 'idempotency-key': 'snap' }, as: org(ctx) });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      const taken = await ctx.call('POST', '/_sim/v1/sandboxes/import', { body: { id: 'sbx_copy', snapshot } });
      expectContract('simulation', 'importSnapshot', taken, 409);
      expect(taken.body).toMatchObject({ code: 'CONFLICT', detail: 'sandbox sbx_copy already exists' });
      expect((await ctx.call('POST', '/_sim/v1/sandboxes/import', { body: { snapshot: { format: 'nope' } } })).status).toBe(400);
    });

    it('pages the event feed by cursor', async () => {
      for (let i = 0; i < 5; i += 1) await ctx.call('POST', '/sharing/v1/notes', { body: { text: `n${i}` }, as: org(ctx) });
      const first = await ctx.call('GET', '/_sim/v1/sandboxes/default/events?limit=3');
      expect(first.body.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3]);
      expect(first.body.items[0]).toMatchObject({ platform: 'sharing', objectType: 'note', organizationId: org(ctx).id, event: { type: 'created' } });
      expect(first.body.total).toBe(5);
      const second = await ctx.call('GET', `/_sim/v1/sandboxes/default/events?limit=3&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((e: { seq: number }) => e.seq)).toEqual([4, 5]);
      expect(second.body.nextCursor).toBeNull();
      expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/events?cursor=bad')).status).toBe(400);
    });

    it('routes official actions to the platform named in the body', async () => {
      const note = await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'x' }, as: org(ctx) });
      const acted = await ctx.call('POST', '/_sim/v1/sandboxes/default/actions', { body: { platform: 'sharing', objectType: 'request', objectId: note.body.id, action: 'approve' } });
      expect(acted.status).toBe(200);
      expect(acted.body.state).toBe('archived');
      const unmounted = await ctx.call('POST', '/_sim/v1/sandboxes/default/actions', { body: { platform: 'registration', objectType: 'application', objectId: 'rga_1', action: 'accept' } });
      expect(unmounted.status).toBe(400);
    });
  });
}
