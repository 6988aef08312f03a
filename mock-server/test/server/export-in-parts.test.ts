import { Agent, request as httpRequest } from 'node:http';
import { formatShanghaiInstant } from '@gdx/calendar';
import { signRequest } from '@gdx/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, defaultPlatforms, type App, type DispatchRequest } from '../../src/index.js';
import { startServer, type RequestLogEntry } from '../../src/server/index.js';
import { jsonInParts } from '../../src/app/json-parts.js';
import { sandboxView } from '../../src/app/sim/sandbox-view.js';
import { SNAPSHOT_FORMAT } from '../../src/app/sim/snapshot-format.js';
import { SandboxRegistry } from '../../src/sandbox/registry.js';
import { seedOrganisations } from '../../src/sandbox/seed-data-cache.js';
import { initialSubmission, type Org } from '../registration/harness.js';

// `GET /_sim/v1/sandboxes/{id}/snapshot` is made a slice at a time (`jsonInParts`) and written a
// part at a time: the export of a large sandbox no longer holds every other request, the probes
// among them, for seconds; its text stays the one `JSON.stringify` gave.

const START_AT = '2025-09-26T10:00:00+08:00';
const APPLICATIONS = 1_200;

describe('the export of a sandbox, made in parts', () => {
  it('is the text JSON.stringify makes of the export document, byte for byte', async () => {
    const registry = new SandboxRegistry(
      {
        platforms: defaultPlatforms(),
        organisations: seedOrganisations,
        webhooks: { fetch: () => Promise.reject(new Error('no deliveries here')), maxAttempts: 1, baseDelayMs: 1, timeoutMs: 1_000, concurrency: 1 },
        wall: () => Date.parse(START_AT),
        deliveryMode: () => 'skip',
      },
      { profile: 'national', seed: 3, clock: 'virtual', reviewerPolicy: { mode: 'auto' }, startAt: Date.parse(START_AT) },
    );
    const sandbox = registry.get('default')!;
    // The seeded workflows of all five platforms move on: timers fire, events are fed.
    sandbox.advanceTo(sandbox.now() + 40 * 86_400_000);
    // The document as the route builds it.
    const document = { format: SNAPSHOT_FORMAT, exportedAt: formatShanghaiInstant(sandbox.now()), sandbox: sandboxView(sandbox, 'http://127.0.0.1:4010'), state: sandbox.snapshot() };
    const old = JSON.stringify(document);
    const { parts, byteLength } = await jsonInParts(document);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe(old);
    expect(byteLength).toBe(Buffer.byteLength(old));
    registry.close();
  });

  describe('over HTTP', () => {
    let close: () => Promise<void> = async () => undefined;
    afterEach(() => close());

    it('answers a probe while a large export is made, and sends the same text and headers as the in-process transports', async () => {
      const app = createApp({ seed: 5, startAt: START_AT, logError: () => undefined });
      // Large enough that its export takes several 10 ms slices on a fast machine with its code warm
      // (400 applications, ~2.3 MB, took two: the export could end before the probe was read).
      await sandboxWithApplications(app, 'big', APPLICATIONS);
      let exportDispatched!: () => void;
      const dispatched = new Promise<void>((resolve) => (exportDispatched = resolve));
      // The app as served, telling when the export's dispatch has begun (its first slice is made by then).
      const served: App = {
        ...app,
        dispatch(request) {
          const answer = app.dispatch(request);
          if (request.path.endsWith('/snapshot')) exportDispatched();
          return answer;
        },
      };
      const answered: (string | null)[] = [];
      const running = await startServer(served, { port: 0, requestLog: (entry: RequestLogEntry) => answered.push(entry.operationId) });
      close = async () => {
        await running.close();
        await app.close();
      };

      // The probe's connection is open before the export starts: its request is read at the next turn.
      const probe = new Agent({ keepAlive: true, maxSockets: 1 });
      expect((await get(running.port, '/_sim/v1/health', 'GET', probe)).status).toBe(200);
      answered.length = 0;
      const exported = get(running.port, '/_sim/v1/sandboxes/big/snapshot');
      await dispatched;
      const health = await get(running.port, '/_sim/v1/health', 'GET', probe);
      const overHttp = await exported;
      probe.destroy();

      expect(health.status).toBe(200);
      // Each answer is logged as it is handed to its socket: the probe's came first.
      expect(answered).toEqual(['getHealth', 'exportSnapshot']);

      const host = `127.0.0.1:${running.port}`;
      const inProcess = await app.dispatch({ method: 'GET', path: '/_sim/v1/sandboxes/big/snapshot', query: '', headers: { host }, body: undefined });
      const text = overHttp.body.toString('utf8');
      expect(text).toBe(inProcess.body);
      // JSON.stringify's own text of what it holds: its key order, no spaces.
      expect(text).toBe(JSON.stringify(JSON.parse(text)));
      expect(JSON.parse(text).state.platforms.registration.applications).toHaveLength(APPLICATIONS);
      expect(overHttp.headers['content-length']).toBe(String(overHttp.body.byteLength));
      expect(overHttp.headers['content-type']).toBe(inProcess.headers['content-type']);
      expect(overHttp.headers['transfer-encoding']).toBeUndefined();

      const head = await get(running.port, '/_sim/v1/sandboxes/big/snapshot', 'HEAD');
      expect(head.headers['content-length']).toBe(String(overHttp.body.byteLength));
      expect(head.body.byteLength).toBe(0);
    });
  });
});

/** A sandbox `id` in which its registrant filed `count` registration applications (through the core). */
async function sandboxWithApplications(app: App, id: string, count: number): Promise<void> {
  const created = await app.dispatch(jsonRequest('POST', '/_sim/v1/sandboxes', { id, profile: 'national', reviewerPolicy: { mode: 'manual' } }));
  expect(created.status).toBe(201);
  const org = (JSON.parse(String(created.body)) as { organizations: (Org & { roles: string[] })[] }).organizations.find((o) => o.roles.includes('registrant'))!;
  const body = JSON.stringify(initialSubmission(org));
  const path = `/sandboxes/${id}/registration/v1/applications`;
  const file = async (): Promise<void> => {
    const signed = signRequest({ method: 'POST', url: path, body, appKey: org.appKey, secret: org.secret });
    const filed = await app.dispatch({ method: 'POST', path, query: '', headers: { 'content-type': 'application/json', ...signed }, body });
    if (filed.status !== 201) throw new Error(`filing answered ${filed.status}: ${String(filed.body)}`);
  };
  await Promise.all(Array.from({ length: count }, file));
}

function jsonRequest(method: string, path: string, body: unknown): DispatchRequest {
  return { method, path, query: '', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** One request, on its own connection unless `agent` keeps one; the answer read whole. */
function get(port: number, path: string, method = 'GET', agent: Agent | false = false): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
