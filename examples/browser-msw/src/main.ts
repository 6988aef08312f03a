import { MOCK_URL } from './mocks/mock-url.js';
import { fileRegistration, type RegistrationRun } from './registration-run.js';
import { renderFailure, renderRun } from './render-run.js';

declare global {
  interface Window {
    /** The finished run, for tests and the console. */
    __gdxTimeline?: RegistrationRun;
    /** Set instead when the run failed. */
    __gdxError?: string;
  }
}

/**
 * Starts the gdx mock in the page. Imported lazily, so the mock is a chunk of its own that an
 * app loads only when it mocks (e.g. behind `import.meta.env.DEV`), never in its production code.
 */
async function enableMocking(): Promise<void> {
  const { worker } = await import('./mocks/browser.js');
  // Every request the page sends to the mock must be answered by it: an unmatched one is an error.
  await worker.start({ onUnhandledRequest: 'error', quiet: true });
}

const root = document.querySelector<HTMLElement>('#app') ?? document.body;
try {
  await enableMocking();
  const run = await fileRegistration(MOCK_URL);
  renderRun(root, run);
  window.__gdxTimeline = run;
} catch (error) {
  renderFailure(root, error);
  window.__gdxError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(error);
}
