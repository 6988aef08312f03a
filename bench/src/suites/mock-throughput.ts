import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { asyncWorkload, type Workload } from '../core/measure.js';
import { ratioRow, type Row } from '../core/report.js';
import { sampleInterleaved } from '../core/sample.js';
import { reasonOf, type Suite, type SuiteContext } from '../core/suite.js';
import { DATASET_LIST_PATH, datasetRead, MOCK_APP, SEARCH_READ, type MockRead } from '../fixtures/mock-request.js';
import { forkServer, freePort, spawnServer, type ChildServer } from '../process/children.js';
import { repoPath } from '../repo-paths.js';

const FIXED_JSON_SERVER = new URL('../servers/fixed-json-server.js', import.meta.url);
const MOCK_APP_SERVER = new URL('../servers/mock-app-server.js', import.meta.url);
/** Enough requests in flight to keep one server core busy from one loading core. */
const CONCURRENCY = 16;

type Get = (url: string) => () => Promise<string>;

/** The gdx mock: its CLI when built, otherwise the same app + node:http adapter forked directly. */
async function startGdxMock(notes: string[]): Promise<ChildServer> {
  const cli = repoPath('mock-server/dist/cli.js');
  if (existsSync(cli)) {
    const port = await freePort();
    // Logging silenced as Prism's is (`-v silent`); the request journal stays on, as users run it.
    notes.push(`gdx-mock: node mock-server/dist/cli.js --port ${port} --seed ${MOCK_APP.seed} --log-level silent`);
    return spawnServer(process.execPath, [cli, '--port', String(port), '--seed', String(MOCK_APP.seed), '--start-at', MOCK_APP.startAt, '--log-level', 'silent'], port);
  }
  notes.push('gdx-mock: mock-server/dist/cli.js is not built; served by createApp() + @gdx/mock-server/server in a forked process (the CLI path)');
  return forkServer(MOCK_APP_SERVER, { seed: MOCK_APP.seed, startAt: MOCK_APP.startAt });
}

/** Prism 5 mocking one bundled contract statically (its examples), logging silenced. */
async function startPrism(spec: MockRead['spec']): Promise<ChildServer> {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@stoplight/prism-cli/package.json');
  const bin = join(dirname(packageJson), (require(packageJson) as { bin: { prism: string } }).bin.prism);
  const bundled = repoPath(`openapi/dist/bundled/${spec}.json`);
  const file = existsSync(bundled) ? bundled : repoPath(`openapi/${spec}/openapi.yaml`);
  const port = await freePort();
  return spawnServer(process.execPath, [bin, 'mock', file, '-h', '127.0.0.1', '-p', String(port), '--dynamic=false', '-v', 'silent'], port, 30_000);
}

/** The mock's answer to `read` and a bare server (child process) answering the very same bytes. */
async function mockAndBare(read: MockRead, label: string, mockPort: number, get: Get, servers: ChildServer[], notes: string[]): Promise<[Workload, Workload]> {
  const mockOp = get(`http://127.0.0.1:${mockPort}${read.path}`);
  const body = await mockOp();
  const bare = await forkServer(FIXED_JSON_SERVER, { body });
  servers.push(bare);
  notes.push(`${read.operation}: the bare server answers the ${Buffer.byteLength(body).toLocaleString('en-US')} bytes captured once from the mock`);
  return [asyncWorkload(`gdx-mock ${label}`, mockOp, CONCURRENCY), asyncWorkload(`bare node:http, same ${label} bytes`, get(`http://127.0.0.1:${bare.port}${read.path}`), CONCURRENCY)];
}

/**
 * Suite 3: HTTP throughput of the gdx mock (child process) for a cheap public read — one open
 * dataset by id — against a bare `node:http` server returning the very bytes the mock answered
 * (child process), and against Prism mocking the same operation of the same contract. The heavy
 * faceted catalog search is measured the same way (≥ 0.6×, issue 12). The load comes from
 * `undici.request()` in the bench process at concurrency 16.
 *
 * @example
 * ```ts
 * const result = await mockThroughputSuite.run({ quick: true, plan: quickPlan(), log: console.error });
 * ```
 */
export const mockThroughputSuite: Suite = {
  id: 'mock',
  title: '3. Mock server throughput: a cheap public read (getDataset) and the faceted search',
  async run({ plan, log }: SuiteContext) {
    const undici = await import('undici');
    const agent = new undici.Agent({ connections: 128, pipelining: 1, keepAliveTimeout: 10_000 });
    const notes: string[] = [];
    const servers: ChildServer[] = [];
    const get: Get = (url) => async () => {
      const res = await undici.request(url, { dispatcher: agent });
      const text = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${text.slice(0, 120)}`);
      return text;
    };
    try {
      const mock = await startGdxMock(notes);
      servers.push(mock);
      const { items } = JSON.parse(await get(`http://127.0.0.1:${mock.port}${DATASET_LIST_PATH}`)()) as { items: { id: string }[] };
      if (items[0] === undefined) throw new Error('the mock serves no open dataset');
      const dataset = datasetRead(items[0].id);
      const [gdxDataset, bareDataset] = await mockAndBare(dataset, 'getDataset', mock.port, get, servers, notes);
      const [gdxSearch, bareSearch] = await mockAndBare(SEARCH_READ, 'searchEntries', mock.port, get, servers, notes);

      const workloads: Workload[] = [gdxDataset, bareDataset, gdxSearch, bareSearch];
      try {
        log('mock: starting Prism');
        const prism = await startPrism(dataset.spec);
        servers.push(prism);
        const prismOp = get(`http://127.0.0.1:${prism.port}${dataset.specPath}`);
        await prismOp();
        workloads.push(asyncWorkload('Prism 5.14.2 static getDataset', prismOp, CONCURRENCY));
        notes.push(`Prism: prism mock openapi/dist/bundled/${dataset.spec}.json --dynamic=false -v silent, serving ${dataset.specPath} (the contract's example)`);
      } catch (error) {
        notes.push(`Prism could not run: ${reasonOf(error)}`);
      }
      notes.push(`load: undici.request at concurrency ${CONCURRENCY}, rounds of the ${workloads.length} servers interleaved`);

      log('mock: measuring');
      const [gdx, bare, search, bareSearchSample, prismSample] = await sampleInterleaved(workloads, plan);
      const rows: Row[] = [ratioRow(gdx!, bare!, { kind: 'min-ratio', value: 0.5 })];
      if (prismSample !== undefined) rows.push(ratioRow(gdx!, prismSample, { kind: 'min-ratio', value: 5 }));
      rows.push(ratioRow(search!, bareSearchSample!, { kind: 'min-ratio', value: 0.6 }));
      // Said with the row: a repeated query is the case the catalog's kept pages serve.
      notes.push('searchEntries repeats one query: from its second request on an unchanged catalog the mock answers its kept page (decision 0017); a query never asked before is rendered in full (bench/HISTORY.md, "The faceted search: kept pages")');
      return { id: this.id, title: this.title, rows, notes };
    } finally {
      await Promise.all([...servers.map((s) => s.stop()), agent.close()]);
    }
  },
};
