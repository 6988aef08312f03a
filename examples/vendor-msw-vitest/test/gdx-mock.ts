import { createApp } from '@gdx/mock-server';
import { createHandlers } from '@gdx/mock-server/msw';
import { SimulationClient, type ReviewerPolicy, type Sandbox, type SeededOrganization } from '@gdx/simulation';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** The origin the mock answers for inside the test process; nothing listens on it. */
export const MOCK_ORIGIN = 'http://gdx-mock.test';

/**
 * Starts the gdx mock behind MSW for the calling test file: every request to {@link MOCK_ORIGIN}
 * is answered in process by the mock app, any other request fails the test.
 */
export function useGdxMock() {
  const app = createApp();
  const server = setupServer(...createHandlers(app, { baseUrl: MOCK_ORIGIN }));
  // Created once: the SDK's default transport looks the global fetch up per call, so MSW sees it.
  const sim = new SimulationClient({ baseUrl: `${MOCK_ORIGIN}/_sim/v1` });

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(async () => {
    server.close();
    await app.close();
  });

  return {
    server,
    sim,
    /** A fresh sandbox (virtual clock from Friday 2025-09-26 09:00, national profile) and its registrant. */
    async sandbox(reviewerPolicy: ReviewerPolicy): Promise<{ sandbox: Sandbox; registrant: SeededOrganization }> {
      const sandbox = await sim.sandboxes.create({ profile: 'national', startAt: '2025-09-26T09:00:00+08:00', seed: 7, reviewerPolicy, clock: { mode: 'virtual' } });
      const registrant = sandbox.organizations.find((o) => o.roles.includes('registrant'));
      if (!registrant) throw new Error('the sandbox has no registrant organisation');
      return { sandbox, registrant };
    },
  };
}
