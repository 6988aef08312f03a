import { getHeapStatistics } from 'node:v8';
import { HealthSchema } from '@gdx/simulation/schemas';
import { describe, expect, it } from 'vitest';
import { createApp, type HeapReading } from '../../src/index.js';
import { IN_PROCESS, org, useMock } from '../support/harness.js';

// The memory guard (createApp({ memory }), gdx-mock --max-heap-ratio): near the heap limit, what
// would add state is refused with 503 INSUFFICIENT_MEMORY and changes nothing; reads, deletions
// and resets go on, so the operator can free memory; health says why it is degraded.
describe('the memory guard', () => {
  const heap: HeapReading = { usedBytes: 100, limitBytes: 1_000 };
  const ctx = useMock(IN_PROCESS, { memory: { maxHeapRatio: 0.5, readHeap: () => heap } });
  const notes = async () => (await ctx.call('GET', '/sharing/v1/notes', { as: org(ctx) })).body.total as number;

  it('refuses writes that add state past its share of the heap, takes them again once memory is freed', async () => {
    heap.usedBytes = 100;
    expect((await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'before' }, as: org(ctx) })).status).toBe(201);
    const created = await ctx.call('POST', '/_sim/v1/sandboxes', { body: { id: 'sbx_spare', profile: 'national' } });
    expect(created.status).toBe(201);

    heap.usedBytes = 500;
    const refused = await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'during' }, as: org(ctx) });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.body).toMatchObject({ code: 'INSUFFICIENT_MEMORY', used: 500, limit: 1_000, retryAfterSeconds: 5, message: { zh: expect.stringContaining('内存'), en: expect.stringContaining('memory') } });
    expect(refused.body.detail).toMatch(/500 of the 1000 bytes.*past the 50 %/);
    for (const [method, path, body] of [
      ['POST', '/_sim/v1/sandboxes', { profile: 'national' }],
      ['POST', '/_sim/v1/sandboxes/default/clock/advance', { workingDays: 1 }],
    ] as const) {
      expect((await ctx.call(method, path, { body })).body.code, `${method} ${path}`).toBe('INSUFFICIENT_MEMORY');
    }
    // Nothing changed, and reads go on.
    expect(await notes()).toBe(1);
    expect((await ctx.call('GET', '/_sim/v1/sandboxes')).body.items).toHaveLength(2);

    // The ways to free memory go on.
    expect((await ctx.call('DELETE', '/_sim/v1/sandboxes/sbx_spare')).status).toBe(204);
    expect((await ctx.call('POST', '/_sim/v1/sandboxes/default/reset', { body: {} })).status).toBe(200);
    expect(await notes()).toBe(0);

    heap.usedBytes = 499;
    expect((await ctx.call('POST', '/sharing/v1/notes', { body: { text: 'after' }, as: org(ctx) })).status).toBe(201);
  });

  it('takes a clear of the fault rules (PUT …/faults with rules: []), which frees state, but not a write of rules', async () => {
    heap.usedBytes = 100;
    const rules = [{ operation: 'getStats', probability: 1, kind: 'server_error' }];
    expect((await ctx.call('PUT', '/_sim/v1/sandboxes/default/faults', { body: { rules } })).status).toBe(200);
    heap.usedBytes = 500;
    expect((await ctx.call('PUT', '/_sim/v1/sandboxes/default/faults', { body: { rules } })).body.code).toBe('INSUFFICIENT_MEMORY');
    const cleared = await ctx.call('PUT', '/_sim/v1/sandboxes/default/faults', { body: { rules: [] } });
    expect(cleared.status).toBe(200);
    expect((await ctx.call('GET', '/_sim/v1/sandboxes/default/faults')).body).toMatchObject({ rules: [] });
    expect((await ctx.call('GET', '/sharing/v1/stats')).status).toBe(200);
  });

  it('shows the heap in health, degraded with INSUFFICIENT_MEMORY while writes are refused; ready stays 200 (the way out goes through the same load balancer)', async () => {
    heap.usedBytes = 100;
    const ok = HealthSchema.parse((await ctx.call('GET', '/_sim/v1/health')).body);
    expect(ok).toMatchObject({ status: 'ok', reasons: [], memory: { usedBytes: 100, limitBytes: 1_000, maxHeapRatio: 0.5 } });
    heap.usedBytes = 900;
    const degraded = HealthSchema.parse((await ctx.call('GET', '/_sim/v1/health')).body);
    expect(degraded).toMatchObject({ status: 'degraded', reasons: ['INSUFFICIENT_MEMORY'], memory: { usedBytes: 900 } });
    expect((await ctx.call('GET', '/_sim/v1/ready')).status).toBe(200);
  });
});

describe('the memory guard with the process heap', () => {
  it('reads V8’s own figures: the limit node gave the process and a used heap below it', async () => {
    const app = createApp({ memory: { maxHeapRatio: 0.9 }, logError: () => undefined });
    try {
      const answer = await app.dispatch({ method: 'GET', path: '/_sim/v1/health', query: '', headers: {}, body: undefined });
      const health = HealthSchema.parse(JSON.parse(String(answer.body)));
      expect(health.memory?.limitBytes).toBe(getHeapStatistics().heap_size_limit);
      expect(health.memory?.usedBytes).toBeGreaterThan(0);
      expect(health.memory?.usedBytes).toBeLessThan(health.memory?.limitBytes ?? 0);
      expect(health.memory?.maxHeapRatio).toBe(0.9);
    } finally {
      await app.close();
    }
  });

  it('is off unless asked for: health has no memory, and a ratio outside (0, 1] is refused', async () => {
    const app = createApp({ logError: () => undefined });
    try {
      const answer = await app.dispatch({ method: 'GET', path: '/_sim/v1/health', query: '', headers: {}, body: undefined });
      expect(JSON.parse(String(answer.body))).not.toHaveProperty('memory');
    } finally {
      await app.close();
    }
    for (const maxHeapRatio of [0, 1.5, Number.NaN]) expect(() => createApp({ memory: { maxHeapRatio } })).toThrow(/maxHeapRatio must be a number in \(0, 1\]/);
  });
});
