// The generator: spec → the generated files of one SDK package.
import * as path from 'node:path';
import { emitApiMd } from './emit-api-md.mjs';
import { emitClient } from './emit-client.mjs';
import { emitResources } from './emit-resources.mjs';
import { emitRuntimeExports } from './emit-runtime-exports.mjs';
import { emitSchemas } from './emit-schemas.mjs';
import { emitModels, emitTypes } from './emit-types.mjs';
import { loadSpec, specPath } from './load-spec.mjs';
import { emitOperationTypes } from './operation-types.mjs';
import { collectOperations } from './operations.mjs';

/**
 * @typedef {object} GenerateOptions
 * @property {string} spec            platform name (`registration`) or path to a bundled JSON document
 * @property {string} [out]           output directory; files are only returned when omitted
 * @property {string} client          client class name
 * @property {string} [defaultBaseUrl]
 */

/**
 * Generates the files of one SDK: `types.ts`, `models.ts`, `schemas.ts`, `operation-types.ts`,
 * `resources.ts`, `client.ts`, `runtime.ts` and `api.md`.
 * @param {GenerateOptions} options
 * @returns {Promise<Record<string, string>>} file name → content (without header)
 * @example await generate({ spec: 'registration', out: 'src/generated', client: 'RegistrationClient' })
 */
export async function generate(options) {
  const doc = await loadSpec(options.spec);
  const ops = collectOperations(doc);
  const client = { name: options.client, title: doc.info?.title ?? options.spec, defaultBaseUrl: options.defaultBaseUrl };
  const files = {
    'types.ts': await emitTypes(doc),
    'models.ts': emitModels(doc),
    'schemas.ts': emitSchemas(doc, ops),
    'operation-types.ts': emitOperationTypes(ops),
    'resources.ts': emitResources(ops),
    'client.ts': emitClient(ops, client),
    'runtime.ts': emitRuntimeExports(),
    'api.md': emitApiMd(ops, client),
  };
  if (options.out) {
    const { writeGenerated } = await import('./write-files.mjs');
    await writeGenerated(options.out, files, path.basename(specPath(options.spec)));
  }
  return files;
}
