// An outside judge (issue 10): Stoplight Prism 5 as a validating proxy in front of the standalone
// mock, one proxy per contract (Prism's proxy servers, the six in one process: `support/prism.ts`),
// reached through a small gateway (`support/judge-gateway.ts`) that any client can be pointed at as
// if it were the mock. Through it run the conformance kit, fault rules of every kind with an
// injected 503, and every example that talks HTTP to a mock's origin: the demo, the five story
// examples and the Python walkthrough; then the refusals the mock makes before routing (415, 413,
// 414) on every contract. Sandboxes created on the way are judged too (the mock
// answers their URLs on the gateway's origin). Prism must find no response that breaks a contract,
// and the mock must refuse no request Prism accepted for a contract reason (missing signing
// headers, a body the contract allows). Needs the built mock (`mock-server/dist`) and
// @stoplight/prism-http-server.
import { runOperationStory } from '@gdx/example-authorized-operation';
import { runCatalogEditor } from '@gdx/example-catalog-editor';
import { runDemo } from '@gdx/example-demo';
import { runUsageStory } from '@gdx/example-open-data-usage';
import { runPython, WALKTHROUGH_SCRIPT } from '@gdx/example-plain-http';
import { runRegistrationJourney } from '@gdx/example-registration-journey';
import { runSharingDispute } from '@gdx/example-sharing-dispute';
import { loadBundledSpec } from '@gdx/openapi';
import { signRequest } from '@gdx/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimClient, runConformance } from '../../src/index.js';
import { startJudgeGateway, type JudgeGateway, type JudgedExchange } from './support/judge-gateway.js';
import { spawnMockCli, type SpawnedMock } from './support/mock.js';
import { of, SPECS, startPrism, type PrismProxies, type Spec } from './support/prism.js';

/** A path of each contract taking a JSON body, where the transport refusals are sent. */
const BODY_PATHS: Record<Spec, string> = {
  registration: '/registration/v1/applications',
  sharing: '/sharing/v1/requests',
  'open-data': '/open-data/v1/demands',
  catalog: '/catalog/v1/entries',
  'authorized-operation': '/authorized-operation/v1/plans',
  simulation: '/_sim/v1/sandboxes',
};

/** Problem codes of the mock that say a request broke its contract (as opposed to a domain rule). */
const CONTRACT_REFUSALS = new Set(['SIGNATURE_MISSING', 'VALIDATION_FAILED']);

describe('Prism 5 proxy in front of the standalone mock', () => {
  let mock: SpawnedMock;
  let gateway: JudgeGateway;
  let prism: PrismProxies;

  beforeAll(async () => {
    // The gateway's origin (another port of the loopback address) is a host of the simulation API
    // too. Nothing reads the mock's request log.
    mock = await spawnMockCli(['--allowed-host', '127.0.0.1', '--log-level', 'silent']);
    gateway = await startJudgeGateway(mock.url);
    prism = await startPrism(gateway.upstream);
    for (const spec of SPECS) gateway.route(spec, prism.urls[spec]);
  }, 180_000);

  afterAll(async () => {
    await prism?.stop();
    await gateway?.close();
    await mock?.stop();
  });

  it('finds no response violation and no contract-valid request the mock refuses, for the kit and the examples', async () => {
    const sim = `${gateway.url}/_sim/v1`;
    const { organizations } = await createSimClient({ url: sim }).getSandbox('default');
    await runConformance({ baseUrl: gateway.url, organizations, simulationUrl: sim, sandboxId: 'default', seed: 1 });

    // Every fault shape the contract allows is taken; an injected 503 answers as ServiceUnavailable says.
    const put = (rules: unknown[]) => fetch(`${sim}/sandboxes/default/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rules }) });
    for (const rule of [
      { operation: 'searchEntries', probability: 0, kind: 'latency', latencyMs: 5 },
      { operation: 'searchEntries', probability: 0, kind: 'rate_limit', retryAfterSeconds: 2, times: 3 },
      { operation: 'searchEntries', probability: 0, kind: 'server_error' },
      { operation: 'searchEntries', probability: 0, kind: 'server_error', status: 503, retryAfterSeconds: 4 },
      { operation: '/catalog/v1/**', probability: 0, kind: 'connection_reset' },
    ]) expect((await put([rule])).status, JSON.stringify(rule)).toBe(200);
    await put([{ operation: 'searchEntries', probability: 1, kind: 'server_error', status: 503, times: 1 }]);
    expect((await fetch(`${gateway.url}/catalog/v1/search?limit=1`)).status).toBe(503);
    await put([]);
    const kitExchanges = gateway.exchanges.length;
    // Prism's records come over a channel of their own: those of the answers the kit got are in once settled.
    await prism.settled();
    const kitViolations = Object.fromEntries(SPECS.map((spec) => [spec, prism.logs[spec].violations.length])) as Record<Spec, number>;

    // The examples, each given the gateway as the mock's origin.
    const mockUrl = gateway.url;
    await runDemo({ mockUrl, print: () => {} });
    await runRegistrationJourney({ mockUrl });
    await runSharingDispute({ mockUrl });
    await runUsageStory({ mockUrl });
    await runCatalogEditor({ mockUrl });
    await runOperationStory({ mockUrl });
    const python = await runPython(WALKTHROUGH_SCRIPT, ['--base-url', mockUrl]);
    expect(python.exitCode, python.stderr).toBe(0);
    const exampleExchanges = gateway.exchanges.slice(kitExchanges);
    expect(new Set(exampleExchanges.map((e) => e.spec))).toEqual(new Set(SPECS));

    await prism.settled();
    const responseViolations = SPECS.flatMap((spec) => of(prism.logs[spec].violations, 'response').map((line) => `${spec}: ${line}`));
    expect(kitExchanges).toBeGreaterThan(300);
    expect(responseViolations).toEqual([]);
    // Prism judged every request it was handed (it answered none itself).
    expect(SPECS.flatMap((spec) => prism.logs[spec].failures.map((line) => `${spec}: ${line}`))).toEqual([]);
    // The mock refuses a request without all six signing headers (401 SIGNATURE_MISSING): Prism,
    // seeing the six header schemes, must have refused each of them too — where the contract
    // requires them. On an operation whose signature is optional (`security: [{…}, {}]`, an open
    // dataset's files) an unsigned request is contract-valid, and the mock's 401 for an
    // on-application dataset is the platform's rule, not the contract's.
    for (const spec of SPECS) {
      const optional = optionalSignatureRoutes(spec);
      const refusedByMock = gateway.exchanges.filter((e) => e.spec === spec && e.code === 'SIGNATURE_MISSING' && !optional.some((route) => route.test(e.path))).length;
      const refusedByPrism = of(prism.logs[spec].violations, 'request').filter((line) => line.includes('security')).length;
      expect(refusedByPrism, `${spec}: Prism security refusals vs the mock's SIGNATURE_MISSING`).toBeGreaterThanOrEqual(refusedByMock);
    }
    // The examples send what the contracts allow, and the mock refuses none of it for a contract reason.
    const shown = (e: JudgedExchange) => `${e.method} ${e.path} → ${e.status} ${e.code ?? ''}`;
    expect(exampleExchanges.filter((e) => e.code !== undefined && CONTRACT_REFUSALS.has(e.code)).map(shown)).toEqual([]);
    // Whatever Prism found after the kit's run is the examples': it flagged none of their requests.
    const exampleRequestViolations = SPECS.flatMap((spec) => of(prism.logs[spec].violations.slice(kitViolations[spec]), 'request').map((line) => `${spec}: ${line}`));
    expect(exampleRequestViolations).toEqual([]);
  }, 600_000);

  // The kit and the examples send nothing the mock refuses before routing; a client of the
  // contracts may: a body that is not JSON, a body over the limit, a request target over the limit.
  it('finds no response violation in the transport refusals of every contract (415, 413, 414)', async () => {
    const [org] = (await createSimClient({ url: `${gateway.url}/_sim/v1` }).getSandbox('default')).organizations;
    const logged = Object.fromEntries(SPECS.map((spec) => [spec, { violations: prism.logs[spec].violations.length, failures: prism.logs[spec].failures.length }]));
    const answers: string[] = [];
    const send = async (method: string, path: string, body?: string, contentType?: string) => {
      const url = `${gateway.url}${path}`;
      const signature = signRequest({ method, url, body, appKey: org!.appKey, secret: org!.secret });
      const response = await fetch(url, { method, body, headers: { ...signature, ...(contentType ? { 'content-type': contentType } : {}) } });
      answers.push(`${method} ${path.slice(0, 60)} ${response.status} ${/"code":"([A-Z_]+)"/.exec(await response.text())?.[1] ?? ''}`);
    };
    for (const spec of SPECS) {
      const path = BODY_PATHS[spec];
      await send('POST', path, '{}', 'text/plain');
      await send('POST', path, JSON.stringify({ note: 'x'.repeat(1_100_000) }), 'application/json');
      await send('GET', `${path}?q=${'x'.repeat(9_000)}`);
    }
    expect(answers).toEqual(
      SPECS.flatMap((spec) => {
        const path = BODY_PATHS[spec];
        return [`POST ${path} 415 UNSUPPORTED_MEDIA_TYPE`, `POST ${path} 413 PAYLOAD_TOO_LARGE`, `GET ${`${path}?q=${'x'.repeat(9_000)}`.slice(0, 60)} 414 URI_TOO_LONG`];
      }),
    );
    await prism.settled();
    const found = SPECS.flatMap((spec) => [
      ...of(prism.logs[spec].violations.slice(logged[spec]!.violations), 'response'),
      ...prism.logs[spec].failures.slice(logged[spec]!.failures),
    ].map((line) => `${spec}: ${line}`));
    expect(found).toEqual([]);
  }, 180_000);

  // No kit check or example downloads a file: its validators, conditions and ranges are judged here.
  it("finds no response violation in a dataset file's answers (200, 206 of CSV and of JSON, 304, 412, 416)", async () => {
    const logged = { violations: prism.logs['open-data'].violations.length, failures: prism.logs['open-data'].failures.length };
    const listed = (await (await fetch(`${gateway.url}/open-data/v1/datasets?openingType=open&limit=200`)).json()) as { items: { distributions: { format: string; accessUrl: string }[] }[] };
    const links = listed.items.flatMap((d) => d.distributions);
    const answers: string[] = [];
    for (const format of ['CSV', 'JSON']) {
      const url = `${gateway.url}${new URL(links.find((l) => l.format === format)!.accessUrl).pathname}`;
      const whole = await fetch(url);
      const etag = whole.headers.get('etag')!;
      const length = (await whole.arrayBuffer()).byteLength;
      const asked: Record<string, string>[] = [{ range: 'bytes=0-9' }, { range: 'bytes=-4', 'if-range': etag }, { 'if-none-match': etag }, { range: `bytes=${length}-` }, { range: 'bytes=0-9', 'if-match': '"another-version"' }];
      for (const headers of asked) {
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        answers.push(`${format} ${response.status}`);
      }
    }
    expect(answers).toEqual(['CSV 206', 'CSV 206', 'CSV 304', 'CSV 416', 'CSV 412', 'JSON 206', 'JSON 206', 'JSON 304', 'JSON 416', 'JSON 412']);
    await prism.settled();
    const found = [...of(prism.logs['open-data'].violations.slice(logged.violations), 'response'), ...prism.logs['open-data'].failures.slice(logged.failures)];
    expect(found).toEqual([]);
  }, 60_000);
});

/** Path patterns (with the contract's server prefix, in any sandbox) of a contract's operations whose signature is optional. */
function optionalSignatureRoutes(spec: Spec): RegExp[] {
  const doc = loadBundledSpec(spec);
  const prefix = new URL(doc.servers?.[0]?.url ?? '/', 'http://x').pathname.replace(/\/$/, '');
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.values(operations).some((op) => ((op as { security?: object[] }).security ?? []).some((requirement) => Object.keys(requirement).length === 0))
      ? [new RegExp(`^(?:/sandboxes/[^/]+)?${prefix}${path.replace(/\{[^}]+\}/g, '[^/]+')}(?:\\?|$)`)]
      : [],
  );
}
