// A page using the in-browser mock: MSW's worker answers the SDK calls from the page itself.
import { listApplications } from './sandbox-call.mjs';

const MOCK_URL = 'https://gdx-mock.test';

async function enableMocking() {
  const [{ setupWorker }, { createApp }, { createHandlers }] = await Promise.all([import('msw/browser'), import('@gdx/mock-server'), import('@gdx/mock-server/msw')]);
  await setupWorker(...createHandlers(createApp({ seed: 7 }), { baseUrl: MOCK_URL })).start({ onUnhandledRequest: 'error', quiet: true });
}

await enableMocking();
document.querySelector('#app').textContent = JSON.stringify(await listApplications(MOCK_URL));
