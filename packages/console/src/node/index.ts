/**
 * @gdx/console — the web console of the gdx mock, as built files. `gdx-mock` serves them at
 * `/_console/`; this entry only says where they are, so a server of one's own can serve them too.
 *
 * @packageDocumentation
 */
import { fileURLToPath } from 'node:url';

/**
 * Absolute path of the built console (`index.html` and its hashed `assets/`), with a trailing
 * separator. The same from the TypeScript source and from `dist/node`: both sit two levels
 * under the package root.
 *
 * @example
 * ```ts
 * import { consoleAssetsDir } from '@gdx/console';
 * import { join } from 'node:path';
 * join(consoleAssetsDir, 'index.html'); // …/node_modules/@gdx/console/dist/app/index.html
 * ```
 */
export const consoleAssetsDir: string = fileURLToPath(new URL('../../dist/app/', import.meta.url));

/**
 * The path the console expects to be served under (its `<base href>`).
 *
 * @example
 * ```ts
 * CONSOLE_BASE_PATH; // '/_console/'
 * ```
 */
export const CONSOLE_BASE_PATH = '/_console/';

export { CONSOLE_JS_BUDGET_GZIP_BYTES, gzipSizeOf, measureScripts, type ScriptSize } from './budget.js';
