import { asyncWorkload } from '../core/measure.js';
import { ratioRow } from '../core/report.js';
import { sampleInterleaved } from '../core/sample.js';
import type { Suite, SuiteContext } from '../core/suite.js';
import { MOCK_READ } from '../fixtures/mock-request.js';
import { forkServer } from '../process/children.js';

const MOCK_APP_SERVER = new URL('../servers/mock-app-server.js', import.meta.url);

/**
 * Suite 4: the mock's in-process `fetch` (`createFetch(app)`: no socket, no HTTP parsing) against
 * the global `fetch` over loopback to the same app served by `@gdx/mock-server/server` in a child
 * process. Both sides use the fetch API and parse the JSON, so the difference is the transport.
 *
 * @example
 * ```ts
 * const result = await inProcessSuite.run({ quick: true, plan: quickPlan(), log: console.error });
 * ```
 */
export const inProcessSuite: Suite = {
  id: 'in-process',
  title: `4. In-process vs loopback: ${MOCK_READ.operation} on the gdx mock app`,
  async run({ plan, log }: SuiteContext) {
    const [{ createApp }, { createFetch }] = await Promise.all([import('@gdx/mock-server'), import('@gdx/mock-server/fetch')]);
    const app = createApp({ seed: MOCK_READ.seed, startAt: MOCK_READ.startAt });
    const mockFetch = createFetch(app);
    const server = await forkServer(MOCK_APP_SERVER, { seed: MOCK_READ.seed, startAt: MOCK_READ.startAt });
    try {
      const inProcessUrl = `http://mock.local${MOCK_READ.path}`;
      const loopbackUrl = `http://127.0.0.1:${server.port}${MOCK_READ.path}`;
      const inProcess = async (): Promise<unknown> => (await mockFetch(inProcessUrl)).json();
      const loopback = async (): Promise<unknown> => (await fetch(loopbackUrl)).json();
      const [a, b] = await Promise.all([inProcess(), loopback()]);
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error('the in-process and the loopback app answer differently');
      log('in-process: measuring');
      const [fast, slow] = await sampleInterleaved(
        [asyncWorkload('createFetch(app) in-process', inProcess), asyncWorkload('fetch over loopback', loopback)],
        plan,
      );
      return {
        id: this.id,
        title: this.title,
        rows: [ratioRow(fast!, slow!, { kind: 'min-ratio', value: 10 })],
        notes: [`concurrency 1; loopback server pid ${server.pid}; both answers compared equal before timing`],
      };
    } finally {
      await Promise.all([server.stop(), app.close()]);
    }
  },
};
