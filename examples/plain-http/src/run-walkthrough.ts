import { startMockProcess } from './mock-process.js';
import { runPython, WALKTHROUGH_SCRIPT, type ScriptRun } from './python-script.js';

/** What {@link runWalkthrough} did: where the mock listened and how the Python script ended. */
export interface WalkthroughResult extends ScriptRun {
  mockUrl: string;
}

/**
 * Starts the built `gdx-mock` as a child process on a free loopback port, runs the Python
 * walkthrough against it, and stops the server again, also when the script fails.
 *
 * @example
 * ```ts
 * const { exitCode, stdout } = await runWalkthrough();
 * ```
 */
export async function runWalkthrough(): Promise<WalkthroughResult> {
  const mock = await startMockProcess();
  try {
    return { mockUrl: mock.url, ...(await runPython(WALKTHROUGH_SCRIPT, ['--base-url', mock.url])) };
  } finally {
    await mock.stop();
  }
}
