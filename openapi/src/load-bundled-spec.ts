import { bundledSpecTexts } from './generated/bundled-specs.js';
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

/**
 * Checks a document name, throwing {@link OpenApiSpecError} `UNKNOWN_SPEC` for any other.
 *
 * @example
 * ```ts
 * checkedSpecName('open-data'); // 'open-data'
 * ```
 */
export function checkedSpecName(name: string): SpecName {
  if (!isSpecName(name)) throw new OpenApiSpecError('UNKNOWN_SPEC', name);
  return name;
}

/**
 * A bundled document (every cross-file `$ref` resolved into `components`). The documents are
 * compiled into the package, so this needs no file system and works in browsers. Each call
 * parses again, so callers may mutate the result.
 *
 * @example
 * ```ts
 * import { loadBundledSpec } from '@gdx/openapi';
 * const spec = loadBundledSpec('registration');
 * spec.paths['/applications']; // { post: { operationId: 'submitApplication', … }, get: … }
 * ```
 */
export function loadBundledSpec(name: SpecName): OpenApiDocument {
  return JSON.parse(bundledSpecTexts[checkedSpecName(name)]) as OpenApiDocument;
}
