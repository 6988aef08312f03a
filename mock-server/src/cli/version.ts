import { readFileSync } from 'node:fs';

/**
 * The version of `@gdx/mock-server`, read from its package.json. This module sits one folder below
 * the package root both as source (`src/cli/`) and built (`dist/cli/`), and npm always ships
 * package.json, so `../../package.json` holds in the repository, in an install and under `npx`.
 *
 * @example
 * ```ts
 * mockServerVersion(); // '0.2.0'
 * ```
 */
export function mockServerVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name?: string; version?: string };
  if (manifest.name !== '@gdx/mock-server' || typeof manifest.version !== 'string') {
    throw new Error(`the package.json next to gdx-mock is not @gdx/mock-server's (${manifest.name ?? 'no name'})`);
  }
  return manifest.version;
}
