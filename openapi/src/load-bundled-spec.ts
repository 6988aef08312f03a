import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GdxLimit } from './gdx-limits.js';
import { OpenApiSpecError } from './spec-error.js';
import { isSpecName, type SpecName } from './spec-names.js';

/**
 * The parts of a bundled OpenAPI 3.1 document gdx tools read; everything else stays `unknown`.
 *
 * @example
 * ```ts
 * const spec: OpenApiDocument = loadBundledSpec('sharing');
 * console.log(spec.info.title, Object.keys(spec.paths).length);
 * ```
 */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  servers?: { url: string; description?: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  'x-gdx-limits'?: GdxLimit[];
  [key: string]: unknown;
}

// src/ and dist/ both sit one level below the package root, so the same relative URLs work
// from the TypeScript sources (tests) and from the built JavaScript.
const packageRoot = new URL('../', import.meta.url);

function checkedName(name: string): SpecName {
  if (!isSpecName(name)) throw new OpenApiSpecError('UNKNOWN_SPEC', name);
  return name;
}

/**
 * Absolute path of a document's YAML source (`<name>/openapi.yaml`), e.g. for a linter or a
 * code generator that wants the unbundled files.
 *
 * @example
 * ```ts
 * import { specPath } from '@gdx/openapi';
 * specPath('registration'); // '/…/openapi/registration/openapi.yaml'
 * ```
 */
export function specPath(name: SpecName): string {
  return fileURLToPath(new URL(`${checkedName(name)}/openapi.yaml`, packageRoot));
}

/**
 * Absolute path of a document's bundled JSON (`dist/bundled/<name>.json`).
 *
 * @example
 * ```ts
 * import { bundledSpecPath } from '@gdx/openapi';
 * bundledSpecPath('catalog'); // '/…/openapi/dist/bundled/catalog.json'
 * ```
 */
export function bundledSpecPath(name: SpecName): string {
  return fileURLToPath(new URL(`dist/bundled/${checkedName(name)}.json`, packageRoot));
}

/**
 * Reads a bundled document (every cross-file `$ref` resolved into `components`). Each call
 * parses the file again, so callers may mutate the result. Throws {@link OpenApiSpecError}
 * `SPEC_NOT_BUNDLED` when `npm run generate` has not run.
 *
 * @example
 * ```ts
 * import { loadBundledSpec } from '@gdx/openapi';
 * const spec = loadBundledSpec('registration');
 * spec.paths['/applications']; // { post: { operationId: 'submitApplication', … }, get: … }
 * ```
 */
export function loadBundledSpec(name: SpecName): OpenApiDocument {
  const path = bundledSpecPath(name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new OpenApiSpecError('SPEC_NOT_BUNDLED', path, { cause });
  }
  return JSON.parse(text) as OpenApiDocument;
}
