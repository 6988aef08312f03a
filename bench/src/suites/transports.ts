import type { paths } from '@gdx/registration';
import { asyncWorkload, type Workload } from '../core/measure.js';
import { ratioRow, type Row } from '../core/report.js';
import { sampleInterleaved } from '../core/sample.js';
import { reasonOf, type Suite, type SuiteContext } from '../core/suite.js';
import { applicationExample } from '../fixtures/application-example.js';
import { forkServer } from '../process/children.js';
import { signingRows } from './signing.js';

const FIXED_JSON_SERVER = new URL('../servers/fixed-json-server.js', import.meta.url);
const CONCURRENCIES = [1, 16] as const;

/** Fails before timing anything if a client does not get the application back. */
async function checked(name: string, op: () => Promise<{ id?: unknown } | undefined>, id: string): Promise<() => Promise<unknown>> {
  const first = await op();
  if (first?.id !== id) throw new Error(`${name} answered ${JSON.stringify(first)?.slice(0, 80)}`);
  return op;
}

/**
 * The clients under comparison. Baselines are what a user would write by hand; the SDK sides go
 * through the generated `RegistrationClient.applications.get(id)` with default options and no
 * credentials (signing is measured on its own, see `signing.ts`).
 */
async function clients(baseUrl: string, id: string) {
  const [{ RegistrationClient }, { undiciTransport }, undici, { default: createClient }] = await Promise.all([
    import('@gdx/registration'),
    import('@gdx/runtime'),
    import('undici'),
    import('openapi-fetch'),
  ]);
  const url = `${baseUrl}/applications/${id}`;
  // Same pool settings as the SDK's fast transport, so the comparison is of the code path.
  const agent = new undici.Agent({ connections: 128, pipelining: 1, keepAliveTimeout: 10_000 });
  const fastTransport = undiciTransport();
  const fast = new RegistrationClient({ baseUrl, transport: fastTransport });
  const fetchDefault = new RegistrationClient({ baseUrl });
  const typedFetch = createClient<paths>({ baseUrl });

  const ops = {
    sdkFast: await checked('SDK undiciTransport', () => fast.applications.get(id), id),
    rawUndici: await checked('undici.request', async () => (await undici.request(url, { dispatcher: agent })).body.json() as Promise<{ id: string }>, id),
    sdkDefault: await checked('SDK default transport', () => fetchDefault.applications.get(id), id),
    bareFetch: await checked('fetch', async () => (await fetch(url)).json() as Promise<{ id: string }>, id),
    openapiFetch: await checked(
      'openapi-fetch',
      async () => (await typedFetch.GET('/applications/{applicationId}', { params: { path: { applicationId: id } } })).data,
      id,
    ),
  };
  const close = async (): Promise<void> => {
    await Promise.all([agent.close(), fastTransport.close()]);
  };
  return { ops, close };
}

/**
 * Suite 1: the SDK's two transports against hand-written calls of the same libraries, and the
 * default transport against openapi-fetch, at concurrency 1 and 16, all against one `node:http`
 * server in a child process answering the registration `Application` example.
 *
 * @example
 * ```ts
 * const result = await transportsSuite.run({ quick: true, plan: quickPlan(), log: console.error });
 * ```
 */
export const transportsSuite: Suite = {
  id: 'transports',
  title: '1. SDK transports: GET /applications/{id} against a node:http server in a child process',
  async run({ plan, log }: SuiteContext) {
    const { id, body } = await applicationExample();
    const server = await forkServer(FIXED_JSON_SERVER, { body });
    const rows: Row[] = [];
    const notes = [`server pid ${server.pid} answers ${Buffer.byteLength(body)} bytes of JSON (openapi/registration: getApplication example underReview); no credentials`];
    try {
      const { ops, close } = await clients(`http://127.0.0.1:${server.port}/registration/v1`, id);
      try {
        for (const c of CONCURRENCIES) {
          log(`transports: concurrency ${c}`);
          const w = (name: string, op: () => Promise<unknown>): Workload => asyncWorkload(`${name} c=${c}`, op, c);
          const [sdkFast, rawUndici, sdkDefault, bareFetch, openapiFetch] = await sampleInterleaved(
            [
              w('SDK undiciTransport', ops.sdkFast),
              w('undici.request+json', ops.rawUndici),
              w('SDK default (fetch+Agent)', ops.sdkDefault),
              w('fetch+json', ops.bareFetch),
              w('openapi-fetch 0.17', ops.openapiFetch),
            ],
            plan,
          );
          rows.push(
            ratioRow(sdkFast!, rawUndici!, { kind: 'min-ratio', value: 0.85 }),
            ratioRow(sdkDefault!, bareFetch!, { kind: 'min-ratio', value: 0.9 }),
            ratioRow(sdkDefault!, openapiFetch!, { kind: 'min-ratio', value: 1.0 }),
          );
        }
      } finally {
        await close();
      }
    } finally {
      await server.stop();
    }
    try {
      log('transports: signing overhead');
      rows.push(...(await signingRows(body, plan)));
    } catch (error) {
      notes.push(`signing overhead not available: ${reasonOf(error)}`);
    }
    return { id: this.id, title: this.title, rows, notes };
  },
};
