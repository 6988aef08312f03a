import { describe, expect, it } from 'vitest';
import { org, useMock } from '../support/harness.js';
import type { TransportFactory } from '../support/transports.js';

export function faultBehaviour(factory: TransportFactory): void {
  describe('fault injection', () => {
    const ctx = useMock(factory);
    const setFaults = (rules: unknown[]) => ctx.call('PUT', '/_sim/v1/sandboxes/default/faults', { body: { rules } });

    it('answers 429 with Retry-After, then recovers when the rule is spent', async () => {
      expect((await setFaults([{ operation: 'getStats', probability: 1, kind: 'rate_limit', retryAfterSeconds: 7, times: 1 }])).status).toBe(200);
      const limited = await ctx.call('GET', '/sharing/v1/stats');
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      expect(limited.headers.get('retry-after')).toBe('7');
      expect((await ctx.call('GET', '/sharing/v1/stats')).status).toBe(200);
      expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/faults')).body.rules).toEqual([]);
    });

    it('injects server errors by path glob without changing state', async () => {
      await setFaults([{ operation: '/sharing/v1/notes', probability: 1, kind: 'server_error', status: 503 }]);
      const res = await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'x' }, as: org(ctx) });
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(res.headers.get('retry-after')).toBe('1');
      expect((await ctx.call('GET', '/sharing/v1/stats')).body.notes).toBe(0);
    });

    it('gives an injected 503 the Retry-After of its rule; a 500 has none', async () => {
      await setFaults([
        { operation: 'getStats', probability: 1, kind: 'server_error', status: 503, retryAfterSeconds: 9, times: 1 },
        { operation: 'getStats', probability: 1, kind: 'server_error', times: 1 },
      ]);
      const unavailable = await ctx.call('GET', '/sharing/v1/stats');
      expect([unavailable.status, unavailable.headers.get('retry-after')]).toEqual([503, '9']);
      const internal = await ctx.call('GET', '/sharing/v1/stats');
      expect([internal.status, internal.headers.get('retry-after')]).toEqual([500, null]);
    });

    it('checks each kind against its own shape and names only that shape\'s fields', async () => {
      const latency = await setFaults([{ operation: 'getStats', probability: 1, kind: 'latency' }]);
      expect(latency.status).toBe(400);
      expect(latency.body.errors.map((e: { pointer: string; code: string }) => [e.pointer, e.code])).toEqual([['/rules/0/latencyMs', 'REQUIRED']]);
      const retryOn500 = await setFaults([{ operation: 'getStats', probability: 1, kind: 'server_error', retryAfterSeconds: 3 }]);
      expect(retryOn500.status).toBe(400);
      expect(retryOn500.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/rules/0/status']);
      const unknownKind = await setFaults([{ operation: 'getStats', probability: 1, kind: 'latencyy' }]);
      expect(unknownKind.body.errors).toHaveLength(1);
      expect(unknownKind.body.errors[0].message.en).toContain('latency, rate_limit, server_error, connection_reset');
    });

    it('adds latency on real timers and still answers', async () => {
      await setFaults([{ operation: '*', probability: 1, kind: 'latency', latencyMs: 20 }]);
      expect((await ctx.call('GET', '/sharing/v1/stats')).status).toBe(200);
    });

    it('rejects at once with AbortError when the caller aborts during injected latency', async () => {
      await setFaults([{ operation: 'getStats', probability: 1, kind: 'latency', latencyMs: 1_500 }]);
      const started = Date.now();
      const aborted = ctx.transport.fetch(`${ctx.transport.baseUrl}/sharing/v1/stats`, { signal: AbortSignal.timeout(100) });
      await expect(aborted).rejects.toMatchObject({ name: 'TimeoutError' });
      // Well under the 1.5 s latency, with room for a loaded machine.
      expect(Date.now() - started).toBeLessThan(1_000);
    });

    it('resets the connection like a network error', async () => {
      await setFaults([{ operation: 'getStats', probability: 1, kind: 'connection_reset', times: 1 }]);
      await expect(ctx.call('GET', '/sharing/v1/stats')).rejects.toThrow(TypeError);
      expect((await ctx.call('GET', '/sharing/v1/stats')).status).toBe(200);
    });

    it('decides by the seeded probability: the same seed gives the same hits', async () => {
      const run = async () => {
        await ctx.call('POST', '/_sim/v1/sandboxes/default/reset');
        await setFaults([{ operation: 'getStats', probability: 0.5, kind: 'rate_limit' }]);
        const statuses: number[] = [];
        for (let i = 0; i < 20; i += 1) statuses.push((await ctx.call('GET', '/sharing/v1/stats')).status);
        return statuses;
      };
      const first = await run();
      expect(new Set(first)).toEqual(new Set([200, 429]));
      expect(await run()).toEqual(first);
    });

    it('refuses a rule naming no platform operation, which would never fire, with the closest one; changes nothing', async () => {
      await setFaults([{ operation: 'getStats', probability: 1, kind: 'rate_limit', retryAfterSeconds: 1 }]);
      const misspelt = await setFaults([{ operation: '*', probability: 1, kind: 'latency', latencyMs: 1 }, { operation: 'getStat', probability: 1, kind: 'rate_limit' }]);
      expect(misspelt.status).toBe(400);
      expect(misspelt.body.code).toBe('VALIDATION_FAILED');
      expect(misspelt.body.errors).toEqual([
        {
          pointer: '/rules/1/operation',
          code: 'INVALID',
          message: {
            en: 'no platform operation is called "getStat" (did you mean "getStats"?): the rule would never fire; name an operationId of a platform (listApplications), * or a path glob (/registration/v1/applications/*)',
            zh: '没有名为 "getStat" 的平台接口（是否应为 "getStats"？）：该规则永远不会生效；请填写平台接口的 operationId（如 listApplications）、* 或路径通配（如 /registration/v1/applications/*）',
          },
        },
      ]);
      // Faults never touch the simulation API, so one of its operations is no target either.
      expect((await setFaults([{ operation: 'advanceClock', probability: 1, kind: 'rate_limit' }])).body.errors[0].pointer).toBe('/rules/0/operation');
      expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/faults')).body.rules).toEqual([{ operation: 'getStats', probability: 1, kind: 'rate_limit', retryAfterSeconds: 1 }]);
    });

    it('refuses an invalid rule', async () => {
      const res = await setFaults([{ operation: 'getStats', probability: 2, kind: 'latency', latencyMs: 1 }]);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].pointer).toBe('/rules/0/probability');
    });
  });
}
