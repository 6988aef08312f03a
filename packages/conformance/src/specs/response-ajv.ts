// The ajv instance the kit's response validators are compiled with, shared by the run-time
// compiler (`validator.ts`) and the build step that writes the bundled documents' validators as
// ajv standalone code (`scripts/generate-validators.mjs`): both compile with the same options,
// or a generated validator would report other violations than a compiled one.
import { createRequire } from 'node:module';
import type { Ajv2020, Options } from 'ajv/dist/2020.js';

const require = createRequire(import.meta.url);

/** The id a platform's document is registered under in ajv; a schema's key is this id and its JSON pointer. */
export const documentId = (platform: string): string => `https://gdx.dev/conformance/specs/${platform}.json`;

/**
 * An ajv instance as the response checks need it: JSON Schema 2020-12 (as OpenAPI 3.1 uses), every
 * error (`allErrors`), the formats of ajv-formats checked. `code` is ajv's code option: the run
 * time skips the code optimiser's passes (~40 % less compiling, the same answers), the build asks
 * for source (`{ source: true }`). ajv is required here, on first use, not imported: a run against
 * the bundled documents uses their generated validators and never loads it (~100 ms of CPU).
 *
 * @example
 * ```ts
 * const ajv = responseAjv();
 * ajv.addSchema(doc, documentId('registration'));
 * ajv.getSchema(`${documentId('registration')}#/components/schemas/Application`);
 * ```
 */
export function responseAjv(code: Options['code'] = { optimize: false }): Ajv2020 {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = (require('ajv-formats') as { default: (ajv: Ajv2020) => Ajv2020 }).default;
  // Not inlining `$ref`s compiles a shared component once instead of into every schema using it
  // (and writes it once into the generated code); only `schemaPath`, unused here, differs.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, validateFormats: true, inlineRefs: false, code });
  addFormats(ajv);
  return ajv;
}
