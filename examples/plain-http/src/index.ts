/**
 * @gdx/example-plain-http — a non-JavaScript client: a Python 3 script (standard library only)
 * signs requests as docs/design.md specifies and drives the standalone `gdx-mock` server.
 * The helpers start the built server and the script as child processes.
 *
 * @example
 * ```ts
 * import { runWalkthrough } from '@gdx/example-plain-http';
 * const { exitCode, stdout } = await runWalkthrough();
 * ```
 * @packageDocumentation
 */
export { runWalkthrough, type WalkthroughResult } from './run-walkthrough.js';
export { startMockProcess, mockBinPath, type MockProcess } from './mock-process.js';
export { runPython, WALKTHROUGH_SCRIPT, type ScriptRun } from './python-script.js';
