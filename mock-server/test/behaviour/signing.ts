import { describe, expect, it } from 'vitest';
import { org, useMock } from '../support/harness.js';
import type { TransportFactory } from '../support/transports.js';

export function signingBehaviour(factory: TransportFactory): void {
  describe('signatures and tenancy', () => {
    const ctx = useMock(factory);

    it('accepts a signed request and refuses an unsigned one', async () => {
      expect((await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'hi' }, as: org(ctx) })).status).toBe(201);
      const unsigned = await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'hi' } });
      expect(unsigned.status).toBe(401);
      expect(unsigned.body.code).toBe('SIGNATURE_MISSING');
    });

    it('needs no signature on public operations', async () => {
      expect((await ctx.call('GET', '/sharing/v1/stats')).status).toBe(200);
    });

    it('refuses an unknown app key', async () => {
      const res = await ctx.call('GET', '/sharing/v1/notes', { as: { id: 'x', appKey: 'ak_unknown', secret: 'nope' } });
      expect(res.body.code).toBe('APP_KEY_UNKNOWN');
    });

    it('refuses a timestamp outside ±5 minutes of wall time (virtual clock)', async () => {
      const res = await ctx.call('GET', '/sharing/v1/notes', { as: org(ctx), timestamp: Date.now() - 6 * 60_000 });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('TIMESTAMP_OUT_OF_WINDOW');
    });

    it('refuses a replayed nonce', async () => {
      const nonce = 'replayed-nonce-0123456789';
      expect((await ctx.call('GET', '/sharing/v1/notes', { as: org(ctx), nonce })).status).toBe(200);
      const again = await ctx.call('GET', '/sharing/v1/notes', { as: org(ctx), nonce });
      expect(again.status).toBe(401);
      expect(again.body.code).toBe('NONCE_REPLAYED');
    });

    it('refuses a tampered body and leaves state unchanged', async () => {
      const res = await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'tampered' }, signedBody: JSON.stringify({ text: 'original' }), as: org(ctx) });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('SIGNATURE_INVALID');
      expect((await ctx.call('GET', '/sharing/v1/stats')).body.notes).toBe(0);
    });

    it("answers 404 for another organisation's object and lists only one's own", async () => {
      const created = await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'mine' }, as: org(ctx, 0) });
      const path = `/sharing/v1/notes/${created.body.id}`;
      expect((await ctx.call('GET', path, { as: org(ctx, 0) })).status).toBe(200);
      const foreign = await ctx.call('GET', path, { as: org(ctx, 1) });
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('NOT_FOUND');
      expect((await ctx.call('GET', '/sharing/v1/notes', { as: org(ctx, 1) })).body.total).toBe(0);
    });
  });
}
