import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { asyncWorkload, type Workload } from '../core/measure.js';
import { ratioRow, type Row } from '../core/report.js';
import { sampleInterleaved } from '../core/sample.js';
import { reasonOf, type Suite, type SuiteContext } from '../core/suite.js';
import { MOCK_READ } from '../fixtures/mock-request.js';
import { forkServer, freePort, spawnServer, type ChildServer } from '../process/children.js';
import { repoPath } from '../repo-paths.js';

const FIXED_JSON_SERVER = new URL('../servers/fixed-json-server.js', import.meta.url);
const MOCK_APP_SERVER = new URL('../servers/mock-app-server.js', import.meta.url);
/** Enough requests in flight to keep one server core busy from one loading core. */
const CONCURRENCY = 16;

/** The gdx mock: its CLI when built, otherwise the same app + node:http adapter forked directly. */
async function startGdxMock(notes: string[]): Promise<ChildServer> {
  const cli = repoPath('mock-server/dist/cli.js');
  if (existsSync(cli)) {
    const port = await freePort();
    notes.push(`gdx-mock: node mock-server/dist/cli.js --port ${port} --seed ${MOCK_READ.seed}`);
    return spawnServer(process.execPath, [cli, '--port', String(port), '--seed', String(MOCK_READ.seed), '--start-at', MOCK_READ.startAt], port);
  }
  notes.push('gdx-mock: mock-server/dist/cli.js is not built; served by createApp() + @gdx/mock-server/server in a forked process (the CLI path)');
  return forkServer(MOCK_APP_SERVER, { seed: MOCK_READ.seed, startAt: MOCK_READ.startAt });
}

/** Prism 5 mocking the bundled catalog contract statically (its examples), logging silenced. */
async function startPrism(): Promise<ChildServer> {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@stoplight/prism-cli/package.json');
  const bin = join(dirname(packageJson), (require(packageJson) as { bin: { prism: string } }).bin.prism);
  const bundled = repoPath('openapi/dist/bundled/catalog.json');
  const spec = existsSync(bundled) ? bundled : repoPath('openapi/catalog/openapi.yaml');
  const port = await freePort();
  return spawnServer(process.execPath, [bin, 'mock', spec, '-h', '127.0.0.1', '-p', String(port), '--dynamic=false', '-v', 'silent'], port, 30_000);
}

/**
 * Suite 3: throughput of one public read operation served by the gdx mock (child process) against
 * a bare `node:http` server returning the very bytes the mock answered (child process), and
 * against Prism mocking the same contract. The load comes from `undici.request()` in the bench
 * process at concurrency 16.
 *
 * @example
 * ```ts
 * const result = await mockThroughputSuite.run({ quick: true, plan: quickPlan(), log: console.error });
 * ```
 */
export const mockThroughputSuite: Suite = {
  id: 'mock',
  title: `3. Mock server throughput: ${MOCK_READ.operation}`,
  async run({ plan, log }: SuiteContext) {
    const undici = await import('undici');
    const agent = new undici.Agent({ connections: 128, pipelining: 1, keepAliveTimeout: 10_000 });
    const notes: string[] = [];
    const servers: ChildServer[] = [];
    const get = (url: string) => async (): Promise<string> => {
      const res = await undici.request(url, { dispatcher: agent });
      const text = await res.body.text();
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${text.slice(0, 120)}`);
      return text;
    };
    try {
      const mock = await startGdxMock(notes);
      servers.push(mock);
      const mockOp = get(`http://127.0.0.1:${mock.port}${MOCK_READ.path}`);
      const body = await mockOp();
      const bare = await forkServer(FIXED_JSON_SERVER, { body });
      servers.push(bare);
      const bareOp = get(`http://127.0.0.1:${bare.port}${MOCK_READ.path}`);
      notes.push(`the bare server answers the ${Buffer.byteLength(body)} bytes captured once from the mock; load: undici.request at concurrency ${CONCURRENCY}`);

      const workloads: Workload[] = [asyncWorkload('gdx-mock', mockOp, CONCURRENCY), asyncWorkload('bare node:http', bareOp, CONCURRENCY)];
      try {
        log('mock: starting Prism');
        const prism = await startPrism();
        servers.push(prism);
        const prismOp = get(`http://127.0.0.1:${prism.port}${MOCK_READ.specPath}`);
        await prismOp();
        workloads.push(asyncWorkload('Prism 5.14.2 static', prismOp, CONCURRENCY));
        notes.push(`Prism: prism mock openapi/dist/bundled/catalog.json --dynamic=false -v silent, serving ${MOCK_READ.specPath}`);
      } catch (error) {
        notes.push(`Prism could not run: ${reasonOf(error)}`);
      }

      log('mock: measuring');
      const [gdx, bareSample, prismSample] = await sampleInterleaved(workloads, plan);
      const rows: Row[] = [ratioRow(gdx!, bareSample!, { kind: 'min-ratio', value: 0.5 })];
      if (prismSample !== undefined) rows.push(ratioRow(gdx!, prismSample, { kind: 'min-ratio', value: 5 }));
      return { id: this.id, title: this.title, rows, notes };
    } finally {
      await Promise.all([...servers.map((s) => s.stop()), agent.close()]);
    }
  },
};
