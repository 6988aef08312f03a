/**
 * The version of `@gdx/mock-server`, as a constant: the health answer and `gdx-mock --version`
 * read it without touching the file system, so it works the same in the browser build.
 * `version.test.ts` fails when it drifts from `package.json` (after `changeset version`, copy it here).
 *
 * @example
 * ```ts
 * import { MOCK_SERVER_VERSION } from './version.js';
 * MOCK_SERVER_VERSION; // '0.2.0'
 * ```
 */
export const MOCK_SERVER_VERSION = '0.2.0';
