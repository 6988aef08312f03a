import { readFileSync } from 'node:fs';
import { ApiError } from '@gdx/runtime';
import { SimulationClient } from '@gdx/simulation';
import { HealthSchema, ProblemDetailsSchema, ReadinessSchema } from '@gdx/simulation/schemas';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinOrganisations, createApp, type App, type AppOptions } from '../../src/index.js';
import { openSqliteStore } from '../../src/persistence/sqlite-store.js';
import { failingStore } from '../support/failing-store.js';
import { notesPlatform } from '../support/notes-platform.js';
import { TRANSPORTS, type Transport } from '../support/transports.js';
import { useTempDirs } from '../persistence/data-dir-app.js';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const TOKEN = 'probe-test-token-0123456789';

/** Apps and transports opened by a test, closed after it. */
const opened: { app: App; transport: Transport }[] = [];
afterEach(async () => {
  for (const { app, transport } of opened.splice(0)) {
    await transport.close();
    await app.close();
  }
});

async function open(name: string, options: AppOptions): Promise<{ app: App; transport: Transport; sim: SimulationClient; get: (path: string) => Promise<Response> }> {
  const app = createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, seed: 5, startAt: '2025-09-26T10:00:00+08:00', logError: () => undefined, ...options });
  const transport = await TRANSPORTS[name]!(app);
  opened.push({ app, transport });
  const sim = new SimulationClient({ fetch: transport.fetch, baseUrl: `${transport.baseUrl}/_sim/v1`, maxRetries: 0, validateResponses: true });
  return { app, transport, sim, get: (path) => transport.fetch(`${transport.baseUrl}/_sim/v1${path}`) };
}

for (const name of ['in-process fetch', 'node:http server']) {
  describe(`health and readiness, through ${name}`, () => {
    const tempDir = useTempDirs();

    it('health answers the contract: ok, the package version, uptime that grows with wall time, memory storage, the sandbox count', async () => {
      let wall = Date.parse('2026-12-04T01:00:00Z');
      const { sim } = await open(name, { now: () => wall });
      const first = await sim.service.health();
      expect(HealthSchema.parse(first)).toEqual({
        status: 'ok',
        reasons: [],
        version: VERSION,
        uptimeSeconds: 0,
        startedAt: '2026-12-04T09:00:00+08:00',
        storage: { kind: 'memory', writable: true, compacting: false, entriesSinceSnapshot: 0, restoring: 0, unrestorable: 0, replayRefused: { count: 0, notKept: 0 } },
        sandboxes: 1,
        // Only a server has connections: this request's own, at least.
        ...(name === 'node:http server' ? { connections: { open: expect.any(Number), max: expect.any(Number) } } : {}),
      });
      if (name === 'node:http server') expect(first.connections?.open).toBeGreaterThanOrEqual(1);
      wall += 1_500;
      await sim.sandboxes.create({ profile: 'national', seed: 9 });
      const later = await sim.service.health();
      expect(later.uptimeSeconds).toBe(1.5);
      expect(later.startedAt).toBe(first.startedAt);
      expect(later.sandboxes).toBe(2);
      expect(ReadinessSchema.parse(await sim.service.ready())).toEqual({ ready: true });
    });

    // A probe through a proxy cache could read a status of minutes ago.
    it('no cache may keep an answer of either probe, GET or HEAD', async () => {
      const { transport } = await open(name, {});
      for (const method of ['GET', 'HEAD']) {
        for (const path of ['/health', '/ready']) {
          const answer = await transport.fetch(`${transport.baseUrl}/_sim/v1${path}`, { method });
          expect([method, path, answer.status, answer.headers.get('cache-control')]).toEqual([method, path, 200, 'no-store']);
        }
      }
    });

    it('a data directory shows its location, its kind, the writes since the snapshot and where refused replays are kept', async () => {
      const { sim } = await open(name, { dataDir: tempDir() });
      await sim.sandboxes.create({ profile: 'national', seed: 9 });
      const health = await sim.service.health();
      expect(health.storage).toMatchObject({ kind: 'store', writable: true, entriesSinceSnapshot: 1, location: expect.stringMatching(/store\.sqlite$/) });
      expect(health.storage.replayRefused).toEqual({ count: 0, location: expect.stringMatching(/replay-refused\.jsonl$/), notKept: 0 });
    });

    it('with a sim token, both probes answer without it (health without the location); the rest of /_sim/v1 still needs it', async () => {
      const { get, transport } = await open(name, { dataDir: tempDir(), simToken: TOKEN });
      const health = await get('/health');
      expect(health.status).toBe(200);
      const body = HealthSchema.parse(await health.json());
      expect(body.storage.kind).toBe('store');
      expect(body.storage).not.toHaveProperty('location');
      expect(body.storage.replayRefused).toEqual({ count: 0, notKept: 0 });
      expect((await get('/ready')).status).toBe(200);
      expect((await get('/sandboxes')).status).toBe(401);
      // Only GET is exempt: a write to a probe path meets the token first.
      const post = await transport.fetch(`${transport.baseUrl}/_sim/v1/health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(post.status).toBe(401);
      const authorised = await transport.fetch(`${transport.baseUrl}/_sim/v1/health`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: '{}' });
      expect(authorised.status).toBe(405);
      expect(authorised.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    });

    // A read-only store file or directory (chmod, a read-only mount) or a full disk at start: found by a probe, not by a client's write.
    it('a store that cannot take a write from its start: health degraded and ready 503 before any write, the start logs why; both recover once it can', async () => {
      const dir = tempDir();
      // The store exists (with its initial snapshot): a new one that cannot be written stops createApp outright.
      await createApp({ platforms: [notesPlatform], organisations: builtinOrganisations, seed: 5, startAt: '2025-09-26T10:00:00+08:00', dataDir: dir }).close();
      const { store, control } = failingStore(openSqliteStore(dir));
      control.failing = true;
      const logged: string[] = [];
      let wall = Date.now();
      const { get } = await open(name, { store, now: () => wall, logError: (message) => logged.push(message) });

      expect(HealthSchema.parse(await (await get('/health')).json())).toMatchObject({ status: 'degraded', reasons: ['STORAGE_UNAVAILABLE'], storage: { kind: 'store', writable: false } });
      expect((await get('/ready')).status).toBe(503);
      expect(logged).toEqual([expect.stringContaining('[STORAGE] the data directory cannot take writes at start')]);

      control.failing = false;
      wall += 1_000;
      expect((await get('/ready')).status).toBe(200);
    });

    it('while storage refuses writes: health 200 degraded, ready 503 SERVICE_UNAVAILABLE with Retry-After; both recover once the store works', async () => {
      const { store, control } = failingStore(openSqliteStore(tempDir()));
      let wall = Date.now();
      const { get, sim } = await open(name, { store, now: () => wall });
      control.failing = true;
      const refused = await sim.sandboxes.create({ profile: 'national', seed: 9 }).then(() => undefined, (error: unknown) => error);
      expect(refused).toBeInstanceOf(ApiError);
      expect((refused as ApiError).code).toBe('STORAGE_UNAVAILABLE');

      const health = await get('/health');
      expect(health.status).toBe(200);
      expect(HealthSchema.parse(await health.json())).toMatchObject({ status: 'degraded', reasons: ['STORAGE_UNAVAILABLE'], storage: { kind: 'store', writable: false } });
      const ready = await get('/ready');
      expect(ready.status).toBe(503);
      expect(ready.headers.get('content-type')).toBe('application/problem+json');
      expect(ready.headers.get('retry-after')).toBe('1');
      expect(ready.headers.get('cache-control')).toBe('no-store');
      expect(ProblemDetailsSchema.parse(await ready.json())).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503, retryAfterSeconds: 1, instance: '/_sim/v1/ready' });
      const typed = await sim.service.ready().then(() => undefined, (error: unknown) => error);
      expect(typed).toBeInstanceOf(ApiError);
      expect((typed as ApiError).code).toBe('SERVICE_UNAVAILABLE');

      // No write is needed to recover: a probe's own call probes the store (at most once a second).
      control.failing = false;
      wall += 1_000;
      expect((await get('/ready')).status).toBe(200);
      expect((await sim.service.health()).status).toBe('ok');
    });
  });
}
