// An outside judge (issue 10): Stoplight Prism 5 as a validating proxy in front of the standalone
// mock, one proxy per contract. The kit runs its checks through them, plus fault rules of every
// kind and an injected 503. Prism must find no response that breaks a contract, and the mock
// must refuse no request Prism accepted for a contract reason (missing signing headers, a fault
// rule shape). Needs the built mock (`mock-server/dist`) and @stoplight/prism-cli (a root
// devDependency of the workspace through bench).
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimClient, runConformance } from '../../src/index.js';
import { freePort } from '../support/free-port.js';
import { spawnMockCli, type SpawnedMock } from './support/mock.js';

const PRISM = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
const SPECS = ['registration', 'sharing', 'open-data', 'catalog', 'simulation'] as const;
type Spec = (typeof SPECS)[number];

interface Proxy {
  url: string;
  child: ChildProcess;
  log: string;
}

/** One exchange as the client saw it. */
interface Exchange {
  spec: Spec;
  method: string;
  url: string;
  status: number;
  code: string | undefined;
}

function startPrism(spec: Spec, upstream: string, port: number): Promise<Proxy> {
  const bundled = createRequire(import.meta.url).resolve(`@gdx/openapi/bundled/${spec}.json`);
  const child = spawn(process.execPath, [PRISM, 'proxy', bundled, upstream, '-p', String(port), '-h', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const proxy: Proxy = { url: `http://127.0.0.1:${port}`, child, log: '' };
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      proxy.log += chunk.toString();
      if (proxy.log.includes('Prism is listening')) resolve(proxy);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => reject(new Error(`prism ${spec} exited with ${code}: ${proxy.log.slice(-2000)}`)));
  });
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

/** Prism's log of one proxy cut into per-request blocks ("Request received" starts one). */
function blocks(log: string): string[] {
  // eslint-disable-next-line no-control-regex
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  return plain.split(/(?=^.*\[HTTP SERVER\].*Request received)/m).filter((b) => b.includes('Request received'));
}

const violations = (block: string, kind: 'request' | 'response') => block.split('\n').filter((line) => line.includes(`Violation: ${kind}`));

describe('Prism 5 proxy in front of the standalone mock', () => {
  let mock: SpawnedMock;
  const proxies = {} as Record<Spec, Proxy>;
  const exchanges: Exchange[] = [];

  beforeAll(async () => {
    mock = await spawnMockCli();
    await Promise.all(
      SPECS.map(async (spec) => {
        proxies[spec] = await startPrism(spec, spec === 'simulation' ? `${mock.url}/_sim/v1` : `${mock.url}/${spec}/v1`, await freePort());
      }),
    );
  }, 180_000);

  afterAll(async () => {
    await Promise.all(Object.values(proxies).map((proxy) => stopped(proxy.child)));
    await mock?.stop();
  });

  /** The kit's fetch: through the proxies, recording each exchange and the problem code of refusals. */
  const judged: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const spec = SPECS.find((s) => url.startsWith(proxies[s].url));
    const response = await fetch(input, init);
    if (spec) {
      const body = response.status >= 400 ? ((await response.clone().json().catch(() => undefined)) as { code?: string } | undefined) : undefined;
      exchanges.push({ spec, method: init?.method ?? 'GET', url, status: response.status, code: body?.code });
    }
    return response;
  };

  it('finds no response violation and no contract-valid request the mock refuses', async () => {
    const sim = proxies.simulation.url;
    const { organizations } = await createSimClient({ url: sim, fetch: judged }).getSandbox('default');
    const platformUrls = { registration: proxies.registration.url, sharing: proxies.sharing.url, 'open-data': proxies['open-data'].url, catalog: proxies.catalog.url };
    await runConformance({ baseUrl: mock.url, platformUrls, organizations, simulationUrl: sim, sandboxId: 'default', seed: 1, fetch: judged });

    // Every fault shape the contract allows is taken; an injected 503 answers as ServiceUnavailable says.
    const put = (rules: unknown[]) => judged(`${sim}/sandboxes/default/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rules }) });
    for (const rule of [
      { operation: 'searchEntries', probability: 0, kind: 'latency', latencyMs: 5 },
      { operation: 'searchEntries', probability: 0, kind: 'rate_limit', retryAfterSeconds: 2, times: 3 },
      { operation: 'searchEntries', probability: 0, kind: 'server_error' },
      { operation: 'searchEntries', probability: 0, kind: 'server_error', status: 503, retryAfterSeconds: 4 },
      { operation: '/catalog/v1/**', probability: 0, kind: 'connection_reset' },
    ]) expect((await put([rule])).status, JSON.stringify(rule)).toBe(200);
    await put([{ operation: 'searchEntries', probability: 1, kind: 'server_error', status: 503, times: 1 }]);
    expect((await judged(`${proxies.catalog.url}/search?limit=1`)).status).toBe(503);
    await put([]);

    // Prism logs a request's violations after its answer: stop the proxies so every line is in.
    await Promise.all(Object.values(proxies).map((proxy) => stopped(proxy.child)));
    const responseViolations = SPECS.flatMap((spec) => blocks(proxies[spec].log).flatMap((block) => violations(block, 'response').map((line) => `${spec}: ${block.split('\n')[0]?.trim()} ${line.trim()}`)));
    expect(exchanges.length).toBeGreaterThan(300);
    expect(responseViolations).toEqual([]);
    // The mock refuses a request without all six signing headers (401 SIGNATURE_MISSING): Prism,
    // seeing the six header schemes, must have refused each of them too.
    for (const spec of SPECS) {
      const refusedByMock = exchanges.filter((e) => e.spec === spec && e.code === 'SIGNATURE_MISSING').length;
      const refusedByPrism = blocks(proxies[spec].log).filter((block) => violations(block, 'request').some((line) => line.includes('security'))).length;
      expect(refusedByPrism, `${spec}: Prism security refusals vs the mock's SIGNATURE_MISSING`).toBeGreaterThanOrEqual(refusedByMock);
    }
  }, 600_000);
});
