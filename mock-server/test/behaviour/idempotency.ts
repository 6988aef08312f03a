import { describe, expect, it } from 'vitest';
import { org, useMock } from '../support/harness.js';
import type { TransportFactory } from '../support/transports.js';

export function idempotencyBehaviour(factory: TransportFactory): void {
  describe('idempotency', () => {
    const ctx = useMock(factory);

    it('replays the original status and body with Idempotent-Replayed', async () => {
      const send = () => ctx.call('POST', '/sharing/v1/notes', { body: { text: 'once' }, headers: { 'idempotency-key': 'key-1' }, as: org(ctx) });
      const first = await send();
      const second = await send();
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
      expect((await ctx.call('GET', '/sharing/v1/stats')).body.notes).toBe(1);
    });

    it('answers 422 when the key is reused with a different body', async () => {
      await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'a' }, headers: { 'idempotency-key': 'key-2' }, as: org(ctx) });
      const res = await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'b' }, headers: { 'idempotency-key': 'key-2' }, as: org(ctx) });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('scopes keys by organisation', async () => {
      const a = await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'x' }, headers: { 'idempotency-key': 'shared' }, as: org(ctx, 0) });
      const b = await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'x' }, headers: { 'idempotency-key': 'shared' }, as: org(ctx, 1) });
      expect(b.headers.get('idempotent-replayed')).toBeNull();
      expect(b.body.id).not.toBe(a.body.id);
    });

    it('refuses a malformed key', async () => {
      const res = await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'x' }, headers: { 'idempotency-key': 'has space' }, as: org(ctx) });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
    });

    it('loses and duplicates nothing under 1,000 parallel creates with duplicate keys', async () => {
      const keys = 250;
      const results = await Promise.all(
        Array.from({ length: 1000 }, (_, i) =>
          ctx.call('POST', '/sharing/v1/notes', { body: { text: `note ${i % keys}` }, headers: { 'idempotency-key': `k-${i % keys}` }, as: org(ctx) }),
        ),
      );
      expect(results.every((r) => r.status === 201)).toBe(true);
      const idsByKey = new Map<number, Set<string>>();
      results.forEach((r, i) => idsByKey.set(i % keys, (idsByKey.get(i % keys) ?? new Set()).add(r.body.id)));
      expect([...idsByKey.values()].every((ids) => ids.size === 1)).toBe(true);
      expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(1000 - keys);
      expect((await ctx.call('GET', '/sharing/v1/stats')).body.notes).toBe(keys);
    });
  });
}
