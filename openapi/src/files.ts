import { fileURLToPath } from 'node:url';
import { checkedSpecName } from './load-bundled-spec.js';
import type { SpecName } from './spec-names.js';

// `@gdx/openapi/files`: where the documents lie on disk, for Node tools (linters, generators).
// Kept apart from the main entry so that browser bundles never import node:url.

// src/ and dist/ both sit one level below the package root, so the same relative URLs work
// from the TypeScript sources (tests) and from the built JavaScript.
const packageRoot = new URL('../', import.meta.url);

/**
 * Absolute path of a document's YAML source (`<name>/openapi.yaml`), e.g. for a linter or a
 * code generator that wants the unbundled files.
 *
 * @example
 * ```ts
 * import { specPath } from '@gdx/openapi/files';
 * specPath('registration'); // '/…/openapi/registration/openapi.yaml'
 * ```
 */
export function specPath(name: SpecName): string {
  return fileURLToPath(new URL(`${checkedSpecName(name)}/openapi.yaml`, packageRoot));
}

/**
 * Absolute path of a document's bundled JSON (`dist/bundled/<name>.json`, written by
 * `npm run generate`).
 *
 * @example
 * ```ts
 * import { bundledSpecPath } from '@gdx/openapi/files';
 * bundledSpecPath('catalog'); // '/…/openapi/dist/bundled/catalog.json'
 * ```
 */
export function bundledSpecPath(name: SpecName): string {
  return fileURLToPath(new URL(`dist/bundled/${checkedSpecName(name)}.json`, packageRoot));
}
