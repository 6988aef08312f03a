// A request that gets no answer is reported naming the request, the cause and the time limit that
// ran out; and a check's time limit (--timeout-ms) covers its sandbox and officials' requests too.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runConformance } from '../../src/index.js';
import { freePort } from '../support/free-port.js';
import { createTargetSandbox, inProcessMock, SIM_URL } from './support/mock.js';

const ORGS = [
  { appKey: 'ak_1', secret: 's1', creditCode: '91350100M000100Y43' },
  { appKey: 'ak_2', secret: 's2', creditCode: '91350200MA2Y0QH38D' },
];

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** `inner`, each request held `ms` first (ended early, as a real slow server is, when its signal aborts). */
function slow(inner: typeof fetch, ms: number): typeof fetch {
  return async (input, init) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    });
    return inner(input, init);
  };
}

describe('a request without an answer names itself and the cause', () => {
  it('a refused connection mid-run: the method, URL and ECONNREFUSED, not a bare "fetch failed"', async () => {
    const port = await freePort();
    const report = await runConformance({ baseUrl: `http://127.0.0.1:${port}`, organizations: ORGS, seed: 1, include: ['SEC-SIG-01'] });
    expect(report.results[0]?.failures[0]).toEqual({
      message: 'the check could not complete: a request got no answer',
      expected: 'an answer',
      actual: expect.stringMatching(new RegExp(`^GET http://127\\.0\\.0\\.1:${port}/\\S+: ECONNREFUSED \\(connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\)$`)),
    });
  });

  it("a request that hangs: its URL and its own limit, a quarter of the check's", async () => {
    server = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const report = await runConformance({ baseUrl: `http://127.0.0.1:${port}`, organizations: ORGS, seed: 1, include: ['SEC-SIG-01'], timeoutMs: 4_000 });
    expect(report.results[0]?.message).toMatch(
      new RegExp(`^GET http://127\\.0\\.0\\.1:${port}/\\S+: no answer within 1000 ms \\(a request's limit: a quarter of --timeout-ms, at least 1 s\\)$`),
    );
  });
});

describe("a check's time limit covers the simulation API and its sandboxes", () => {
  it('a workflow check whose sandbox requests together outlast --timeout-ms fails, and its sandbox is still deleted', async () => {
    const { fetch } = inProcessMock();
    const target = await createTargetSandbox(fetch, SIM_URL);
    const count = async () => ((await (await fetch(`${SIM_URL}/sandboxes`)).json()) as { items: unknown[] }).items.length;
    const before = await count();
    // Each request alone is well within its 1 s limit; the check's requests together are not. No
    // pre-run requests: one per organisation of the sandbox (~30), each held 400 ms, were 12 s of
    // this test's 14 and no part of a check's time limit.
    const report = await runConformance({
      baseUrl: target.baseUrl, organizations: target.organizations, simulationUrl: SIM_URL, sandboxId: target.sandbox.id, seed: 1,
      fetch: slow(fetch, 400), include: ['REG-ACCEPT-01'], timeoutMs: 1_000, preflight: false,
    });
    expect(report.results[0]).toMatchObject({ id: 'REG-ACCEPT-01', status: 'failed' });
    expect(report.results[0]?.message).toMatch(/^(GET|POST) http:\/\/mock\.test\/\S+: no answer before the check's time limit ran out \(--timeout-ms\)$/);
    expect(await count()).toBe(before);
  });
});
