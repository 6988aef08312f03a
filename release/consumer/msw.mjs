// MSW in Node with the consumer's own msw: the mock's handlers must be the ones its setupServer runs.
import { readFileSync } from 'node:fs';
import { createApp } from '@gdx/mock-server';
import { createHandlers } from '@gdx/mock-server/msw';
import { setupServer } from 'msw/node';
import { listApplications } from './sandbox-call.mjs';

const MOCK_URL = 'https://gdx-mock.test';
const server = setupServer(...createHandlers(createApp({ seed: 7 }), { baseUrl: MOCK_URL }));
server.listen({ onUnhandledRequest: 'error' });
try {
  const msw = JSON.parse(readFileSync(new URL('./node_modules/msw/package.json', import.meta.url), 'utf8')).version;
  console.log(JSON.stringify({ msw, ...(await listApplications(MOCK_URL)) }));
} finally {
  server.close();
}
