// Loads the response validators `scripts/generate-validators.mjs` wrote at build time as ajv
// standalone code, one CommonJS module per bundled document (`dist/generated/validators/`).
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { OpenApiDocument } from './load-specs.js';

const require = createRequire(import.meta.url);

/** From this module's folder: `dist/specs/` when built, `src/specs/` under Vitest (the suite's task builds first). */
const GENERATED = '../../dist/generated/validators/';

/** A validator of ajv standalone code: `true` when the data passes, else its `errors`. */
export interface GeneratedCheck {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** A document's generated validators, by the JSON pointer of the schema each checks. */
export type GeneratedValidators = Readonly<Record<string, GeneratedCheck>>;

/**
 * A fingerprint of a document (SHA-256 of its JSON text): generated validators serve only the
 * document they were generated from, never one changed since the build.
 *
 * @example
 * ```ts
 * documentFingerprint(loadBundledSpec('catalog')); // '3f0a…'
 * ```
 */
export function documentFingerprint(doc: OpenApiDocument): string {
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex');
}

/** Validators loaded, by platform: the code is evaluated once per process. */
const loaded = new Map<string, GeneratedValidators>();

/**
 * The build-time validators of a platform's document, or `undefined` when there are none (a
 * checkout never built) or `doc` is not the document they were generated from (a document of the
 * caller's own, or a bundled one changed since): the caller then compiles with ajv.
 *
 * @example
 * ```ts
 * generatedValidators('registration', doc)?.['#/components/responses/NotFound/content/application~1problem+json/schema'];
 * ```
 */
export function generatedValidators(platform: string, doc: OpenApiDocument): GeneratedValidators | undefined {
  let module: { fingerprint: string; load(): GeneratedValidators };
  try {
    module = require(`${GENERATED}${platform}.cjs`) as typeof module;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  if (module.fingerprint !== documentFingerprint(doc)) return undefined;
  let validators = loaded.get(platform);
  if (validators === undefined) loaded.set(platform, (validators = module.load()));
  return validators;
}
