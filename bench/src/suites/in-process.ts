import { asyncWorkload } from '../core/measure.js';
import { durationRow, ratioRow } from '../core/report.js';
import { sampleInterleaved } from '../core/sample.js';
import type { Suite, SuiteContext } from '../core/suite.js';
import { DATASET_LIST_PATH, datasetRead, MOCK_APP, SEARCH_READ } from '../fixtures/mock-request.js';
import { forkServer } from '../process/children.js';

const MOCK_APP_SERVER = new URL('../servers/mock-app-server.js', import.meta.url);

/**
 * Suite 4: the mock's in-process `fetch` (`createFetch(app)`: no socket, no HTTP parsing) against
 * the global `fetch` over loopback to the same app served by `@gdx/mock-server/server` in a child
 * process, for a cheap public read (one open dataset) and, for information, the faceted search.
 * Both sides use the fetch API and parse the JSON, so the difference is the transport. For
 * information too, the time to create and delete a sandbox in-process, and to make and close an app.
 *
 * @example
 * ```ts
 * const result = await inProcessSuite.run({ quick: true, plan: quickPlan(), log: console.error });
 * ```
 */
export const inProcessSuite: Suite = {
  id: 'in-process',
  title: '4. In-process vs loopback on the gdx mock app: a cheap public read (getDataset); the faceted search, sandbox creation and app creation for information',
  async run({ plan, log }: SuiteContext) {
    const [{ createApp }, { createFetch }] = await Promise.all([import('@gdx/mock-server'), import('@gdx/mock-server/fetch')]);
    const app = createApp({ seed: MOCK_APP.seed, startAt: MOCK_APP.startAt });
    const mockFetch = createFetch(app);
    const server = await forkServer(MOCK_APP_SERVER, { seed: MOCK_APP.seed, startAt: MOCK_APP.startAt });
    try {
      const { items } = (await (await mockFetch(`http://mock.local${DATASET_LIST_PATH}`)).json()) as { items: { id: string }[] };
      if (items[0] === undefined) throw new Error('the mock serves no open dataset');
      const pair = (path: string) => {
        const inProcessUrl = `http://mock.local${path}`;
        const loopbackUrl = `http://127.0.0.1:${server.port}${path}`;
        return [async (): Promise<unknown> => (await mockFetch(inProcessUrl)).json(), async (): Promise<unknown> => (await fetch(loopbackUrl)).json()] as const;
      };
      const [datasetIn, datasetLoop] = pair(datasetRead(items[0].id).path);
      const [searchIn, searchLoop] = pair(SEARCH_READ.path);
      // A sandbox per test is how vendors and the conformance kit isolate their runs (the kit makes 62).
      const sandboxCycle = async (): Promise<void> => {
        const created = await mockFetch('http://mock.local/_sim/v1/sandboxes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ profile: 'national', seed: MOCK_APP.seed }) });
        if (created.status !== 201) throw new Error(`POST /_sim/v1/sandboxes answered ${created.status}`);
        const { id } = (await created.json()) as { id: string };
        const deleted = await mockFetch(`http://mock.local/_sim/v1/sandboxes/${id}`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
        if (deleted.status >= 300) throw new Error(`DELETE /_sim/v1/sandboxes/${id} answered ${deleted.status}`);
      };
      // An app per test is how a test suite keeps its tests apart (the mock's own suite makes hundreds).
      const appCycle = async (): Promise<void> => {
        await createApp({ seed: MOCK_APP.seed, startAt: MOCK_APP.startAt, logError: () => undefined }).close();
      };
      for (const [a, b] of [[datasetIn, datasetLoop], [searchIn, searchLoop]] as const) {
        const [x, y] = await Promise.all([a(), b()]);
        // The same answer but for the origin links are made from (a dataset's distributions).
        const inProcess = JSON.stringify(x).replaceAll('http://mock.local/', `http://127.0.0.1:${server.port}/`);
        if (inProcess !== JSON.stringify(y)) throw new Error('the in-process and the loopback app answer differently');
      }
      log('in-process: measuring');
      const [fast, slow, fastSearch, slowSearch, sandboxes, apps] = await sampleInterleaved(
        [
          asyncWorkload('createFetch(app) getDataset', datasetIn),
          asyncWorkload('fetch over loopback getDataset', datasetLoop),
          asyncWorkload('createFetch(app) searchEntries', searchIn),
          asyncWorkload('fetch over loopback searchEntries', searchLoop),
          asyncWorkload('createFetch(app) create and delete a sandbox', sandboxCycle),
          asyncWorkload('createApp() and close it', appCycle),
        ],
        plan,
      );
      return {
        id: this.id,
        title: this.title,
        rows: [
          ratioRow(fast!, slow!, { kind: 'min-ratio', value: 10 }),
          ratioRow(fastSearch!, slowSearch!, { kind: 'info' }),
          durationRow('create and delete a sandbox over createFetch(app) (national, 300 seeded entries), per sandbox', 1_000 / sandboxes!.median, { kind: 'info' }),
          durationRow('createApp() with the default platforms and close it, per app (its seed drawn already)', 1_000 / apps!.median, { kind: 'info' }),
        ],
        notes: [`concurrency 1; loopback server pid ${server.pid}; both answers of each read compared equal before timing`],
      };
    } finally {
      await Promise.all([server.stop(), app.close()]);
    }
  },
};
